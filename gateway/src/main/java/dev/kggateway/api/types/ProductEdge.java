package dev.kggateway.api.types;

import dev.kggateway.domain.Product;
import org.eclipse.microprofile.graphql.NonNull;

public class ProductEdge {
    @NonNull
    public String cursor;
    @NonNull
    public Product node;

    public ProductEdge(String cursor, Product node) {
        this.cursor = cursor;
        this.node = node;
    }
}
