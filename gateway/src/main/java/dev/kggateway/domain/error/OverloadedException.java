package dev.kggateway.domain.error;

import io.smallrye.graphql.api.ErrorCode;

/** A bulkhead is full (model inference) or the circuit to the store is open: retry later. */
@ErrorCode("OVERLOADED")
public class OverloadedException extends ApiException {
    public OverloadedException(String message, Throwable cause) {
        super(message, cause);
    }
}
