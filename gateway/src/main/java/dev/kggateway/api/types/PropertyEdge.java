package dev.kggateway.api.types;

import dev.kggateway.domain.PropertyNode;
import org.eclipse.microprofile.graphql.NonNull;

public class PropertyEdge {
    @NonNull
    public String cursor;
    @NonNull
    public PropertyNode node;

    public PropertyEdge(String cursor, PropertyNode node) {
        this.cursor = cursor;
        this.node = node;
    }
}
