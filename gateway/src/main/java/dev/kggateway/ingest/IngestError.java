package dev.kggateway.ingest;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Why one item of a batch was not written.")
public record IngestError(@NonNull @Description("Position of the item in the input list.") int index,
        @Description("The item's id as sent, when it had one.") String id,
        @NonNull @Description("What went wrong, as a closed set of codes.") IngestErrorCode code,
        @NonNull @Description("Human-readable detail; do not parse it.") String message) {
}
