package dev.kggateway.ingest;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Why one item of a batch was not written.")
public record IngestError(@NonNull @Description("Position of the item in the input list.") int index, String id,
        @NonNull String code, @NonNull String message) {
}
