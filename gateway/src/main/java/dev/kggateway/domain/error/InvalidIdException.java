package dev.kggateway.domain.error;

import io.smallrye.graphql.api.ErrorCode;

/** An id does not match the allowed pattern. */
@ErrorCode("INVALID_ID")
public class InvalidIdException extends ApiException {
    public InvalidIdException(String message) {
        super(message);
    }

    public InvalidIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
