package dev.kggateway.ner;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** A property found in a text by the model; {@code confidence} is the mean probability of its tokens' tags. */
@Description("A property the model found in a text.")
public record ExtractedProperty(@NonNull String type, @NonNull String value, @NonNull double confidence,
        @Description("Character offsets of the entity in the text (start inclusive, end exclusive).") int start,
        int end) {
}
