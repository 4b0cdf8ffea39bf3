package dev.kggateway.api.types;

import dev.kggateway.domain.PropertyNode;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A property node in a listing, with its position.")
public class PropertyEdge {
    @NonNull
    @Description("Opaque position of this edge; pass it as after (or before) to page from here.")
    public String cursor;
    @NonNull
    @Description("The property node.")
    public PropertyNode node;

    public PropertyEdge(String cursor, PropertyNode node) {
        this.cursor = cursor;
        this.node = node;
    }
}
