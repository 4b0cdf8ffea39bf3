package dev.kggateway.domain.error;

import io.smallrye.graphql.api.ErrorCode;

/** A pagination cursor was not issued by this server. */
@ErrorCode("INVALID_CURSOR")
public class InvalidCursorException extends ApiException {
    public InvalidCursorException(String message) {
        super(message);
    }

    public InvalidCursorException(String message, Throwable cause) {
        super(message, cause);
    }
}
