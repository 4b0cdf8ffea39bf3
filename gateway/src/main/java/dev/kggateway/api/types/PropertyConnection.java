package dev.kggateway.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;

public class PropertyConnection {
    @NonNull
    public List<@NonNull PropertyEdge> edges;
    @NonNull
    public PageInfo pageInfo;

    public PropertyConnection(List<PropertyEdge> edges, PageInfo pageInfo) {
        this.edges = edges;
        this.pageInfo = pageInfo;
    }
}
