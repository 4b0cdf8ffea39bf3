package dev.kggateway.ingest;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Outcome of a batch ingest: every item is either written or listed in errors with its index.")
public record IngestReport(
        @NonNull @Description("Items written as new products.") int added,
        @NonNull @Description("Items that replaced an existing product.") int updated,
        @NonNull @Description("Items not written (the length of errors).") int failed,
        @NonNull @Description("Items run through the NER model.") int enriched,
        @NonNull @Description("One entry per item not written, in input order.") List<@NonNull IngestError> errors,
        @NonNull @Description("Wall-clock time of the call in milliseconds.") double durationMs) {
}
