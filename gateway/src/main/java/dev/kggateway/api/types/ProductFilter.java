package dev.kggateway.api.types;

import dev.kggateway.ingest.PropertyInput;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Description("All given conditions must hold (an absent or empty condition adds nothing). Groups (anyOf, allOf, not) "
        + "nest other filters: at most kg.limits.max-filter-depth levels, kg.limits.max-filter-width entries per "
        + "list and kg.limits.max-filter-conditions conditions in all, else FILTER_TOO_COMPLEX.")
@Input("ProductFilter")
public class ProductFilter {
    @Description("Products linked to every one of these property nodes (type + value, normalised like stored values).")
    public List<@NonNull PropertyInput> properties;
    @Description("Products with at least one property of this type (same as hasProperty: [type]).")
    public String propertyType;
    @Description("Products with at least one property of each of these types.")
    public List<@NonNull String> hasProperty;
    @Description("For each entry: products linked to at least one of its values of its type (an IN list; entries "
            + "are ANDed).")
    public List<@NonNull PropertyValuesInput> propertyIn;
    @Description("Manufacturer, compared case-insensitively.")
    public String manufacturer;
    @Description("Products whose manufacturer is one of these, compared case-insensitively (an IN list).")
    public List<@NonNull String> manufacturerIn;
    @Description("Lowest price, inclusive (non-negative; same currency units as stored).")
    public Double minPrice;
    @Description("Highest price, inclusive (non-negative, not below minPrice).")
    public Double maxPrice;
    @Description("Products with a price in at least one of these ranges (products without a price never match).")
    public List<@NonNull PriceRangeInput> priceRanges;
    @Description("Text contained (case-insensitively) in the name or description.")
    public String text;
    @Description("At least one of these filters holds (OR).")
    public List<@NonNull ProductFilter> anyOf;
    @Description("Every one of these filters holds (AND).")
    public List<@NonNull ProductFilter> allOf;
    @Name("not")
    @Description("This filter does not hold (NOT). A price condition under not also matches products without a price.")
    public ProductFilter negated;
}
