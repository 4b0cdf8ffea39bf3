package dev.kggateway.api.types;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("PriceRangeInput")
@Description("An inclusive price range; an absent bound is open, but at least one bound must be given.")
public class PriceRangeInput {
    @Description("Lowest price, inclusive (non-negative).")
    public Double min;
    @Description("Highest price, inclusive (non-negative, not below min).")
    public Double max;
}
