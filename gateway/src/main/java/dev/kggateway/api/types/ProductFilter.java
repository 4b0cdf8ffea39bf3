package dev.kggateway.api.types;

import dev.kggateway.ingest.PropertyInput;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("All given conditions must hold.")
@org.eclipse.microprofile.graphql.Input("ProductFilter")
public class ProductFilter {
    @Description("Products linked to every one of these property nodes (type + value, normalised like stored values).")
    public List<@NonNull PropertyInput> properties;
    @Description("Products with at least one property of this type.")
    public String propertyType;
    @Description("Manufacturer, compared case-insensitively.")
    public String manufacturer;
    @Description("Lowest price, inclusive (non-negative; same currency units as stored).")
    public Double minPrice;
    @Description("Highest price, inclusive (non-negative, not below minPrice).")
    public Double maxPrice;
    @Description("Text contained (case-insensitively) in the name or description.")
    public String text;
}
