package dev.kggateway.domain.error;

import io.smallrye.graphql.api.ErrorCode;

/** Enrichment was asked for but no NER model is loaded in this instance. */
@ErrorCode("MODEL_UNAVAILABLE")
public class ModelUnavailableException extends ApiException {
    public ModelUnavailableException(String message) {
        super(message);
    }
}
