package dev.kggateway.domain.error;

import io.smallrye.graphql.api.ErrorCode;

/** A valid credential without the role the operation needs (HTTP 403). */
@ErrorCode("FORBIDDEN")
public class ForbiddenException extends ApiException {
    public ForbiddenException(String message) {
        super(message);
    }
}
