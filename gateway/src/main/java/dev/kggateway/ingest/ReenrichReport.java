package dev.kggateway.ingest;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Outcome of a re-enrichment run.")
public record ReenrichReport(@NonNull @Description("Model (name@version) that re-read the descriptions.") String model,
        @NonNull int products, @NonNull int batches, @NonNull double durationMs) {
}
