package dev.kggateway.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** Price aggregates over the products of a listing that have a price. */
@Description("Lowest, highest and mean price over the products of the whole listing that have a price.")
public record PriceStats(
        @NonNull @Description("Lowest price (served as a double, like Product.price).") Double min,
        @NonNull @Description("Highest price.") Double max,
        @NonNull @Description("Arithmetic mean of the prices.") Double avg,
        @Description("Number of products of the listing that have a price.") int count) {
}
