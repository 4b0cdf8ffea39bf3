package dev.kggateway.domain.error;

import io.smallrye.graphql.api.ErrorCode;

/**
 * The embedded store's disk (or LMDB map) has no room for the write: the write was refused and nothing of it was
 * stored. Reads keep working; writes resume by themselves once space is freed.
 */
@ErrorCode("STORE_FULL")
public class StoreFullException extends ApiException {
    public StoreFullException(String message) {
        super(message);
    }

    public StoreFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
