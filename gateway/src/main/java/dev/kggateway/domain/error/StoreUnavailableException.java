package dev.kggateway.domain.error;

import io.smallrye.graphql.api.ErrorCode;

/** The graph store did not answer in time or refused the request. */
@ErrorCode("STORE_UNAVAILABLE")
public class StoreUnavailableException extends ApiException {
    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
