package dev.kggateway.api.types;

import dev.kggateway.domain.Product;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A product in a listing, with its position.")
public class ProductEdge {
    @NonNull
    @Description("Opaque position of this edge; pass it as after (or before) to page from here.")
    public String cursor;
    @NonNull
    @Description("The product.")
    public Product node;

    public ProductEdge(String cursor, Product node) {
        this.cursor = cursor;
        this.node = node;
    }
}
