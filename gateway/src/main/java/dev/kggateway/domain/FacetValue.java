package dev.kggateway.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** One property value with the number of products of the listing that have it. */
@Description("One property value with the number of products of the listing linked to it.")
public record FacetValue(
        @NonNull @Description("The normalised property value.") String value,
        @Description("Number of products of the whole listing (not just the page) with this value.") int count) {
}
