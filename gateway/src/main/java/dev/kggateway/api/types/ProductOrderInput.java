package dev.kggateway.api.types;

import dev.kggateway.domain.ProductSortField;
import dev.kggateway.domain.SortDirection;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ProductOrder")
@Description("One sort key of a product listing.")
public class ProductOrderInput {
    @NonNull
    @Description("What to sort by.")
    public ProductSortField field;
    @DefaultValue("ASC")
    @Description("Direction (default ASC). Products without a price come last in both directions.")
    public SortDirection direction = SortDirection.ASC;
}
