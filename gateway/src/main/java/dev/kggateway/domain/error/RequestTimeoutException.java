package dev.kggateway.domain.error;

import io.smallrye.graphql.api.ErrorCode;

/** The request used up kg.limits.request-timeout; fields not yet resolved fail with this code. */
@ErrorCode("TIMEOUT")
public class RequestTimeoutException extends ApiException {
    public RequestTimeoutException(String message) {
        super(message);
    }
}
