package dev.kggateway.domain.error;

import io.smallrye.graphql.api.ErrorCode;

/** An argument is out of range or malformed. */
@ErrorCode("INVALID_ARGUMENT")
public class InvalidArgumentException extends ApiException {
    public InvalidArgumentException(String message) {
        super(message);
    }

    public InvalidArgumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
