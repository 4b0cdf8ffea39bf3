package dev.kggateway.domain.error;

import io.smallrye.graphql.api.ErrorCode;

/** No credential was sent for an operation that needs one (HTTP 401). */
@ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends ApiException {
    public UnauthenticatedException(String message) {
        super(message);
    }
}
