package dev.kggateway.domain.error;

import io.smallrye.graphql.api.ErrorCode;

/** A request is larger than a configured limit (batch size, description length, page size …). */
@ErrorCode("LIMIT_EXCEEDED")
public class LimitExceededException extends ApiException {
    public LimitExceededException(String message) {
        super(message);
    }
}
