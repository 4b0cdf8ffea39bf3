package dev.kggateway.ingest;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Outcome of a re-enrichment run.")
public record ReenrichReport(@NonNull @Description("Model (name@version) that re-read the descriptions.") String model,
        @NonNull @Description("Products re-enriched.") int products,
        @NonNull @Description("Batches the model read.") int batches,
        @NonNull @Description("Wall-clock time of the run in milliseconds.") double durationMs) {
}
