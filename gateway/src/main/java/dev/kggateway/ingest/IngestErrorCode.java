package dev.kggateway.ingest;

import io.smallrye.graphql.api.ErrorCode;
import org.eclipse.microprofile.graphql.Description;

/**
 * Why one item of a batch was not written. The names are the {@code extensions.code} values of the same failures
 * on a single-item call, so a client handles both alike.
 */
@Description("Why one item of a batch was not written; the same names as extensions.code of GraphQL errors.")
public enum IngestErrorCode {
    @Description("A field of the item is invalid (empty name, bad property value, negative price …).")
    INVALID_ARGUMENT,
    @Description("The product id is not of the accepted form.")
    INVALID_ID,
    @Description("The item exceeds a size limit.")
    LIMIT_EXCEEDED,
    @Description("The item asked for enrichment but the NER model is not loaded; retry with enrich: false or later.")
    MODEL_UNAVAILABLE,
    @Description("The graph store failed or did not answer; nothing of the item was written; retry later.")
    STORE_UNAVAILABLE,
    @Description("The store's disk is (nearly) full; nothing of the item was written.")
    STORE_FULL,
    @Description("Too many requests at once; retry later.")
    OVERLOADED,
    @Description("The request ran out of time before the item was written.")
    TIMEOUT,
    @Description("A server failure; the log has the details under the request id.")
    INTERNAL;

    /** The code of a failure carrying SmallRye's {@code @ErrorCode}; INTERNAL for anything else. */
    public static IngestErrorCode of(Throwable e) {
        ErrorCode code = e.getClass().getAnnotation(ErrorCode.class);
        if (code != null) {
            for (IngestErrorCode c : values()) {
                if (c.name().equals(code.value())) {
                    return c;
                }
            }
        }
        return INTERNAL;
    }
}
