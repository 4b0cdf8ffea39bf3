package dev.kggateway.domain;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** The values of one property type within a product listing, most frequent first. */
@Description("The values of one property type among the products of a listing, most frequent first.")
public record Facet(
        @NonNull @Description("The property type, e.g. material.") String type,
        @NonNull @Description("Values with their product counts, by count descending then value; at most `first`.")
        List<@NonNull FacetValue> values) {
}
