package dev.kggateway.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("One page of a property-node listing (Relay connection).")
public class PropertyConnection {
    @NonNull
    @Description("The property nodes of this page with their cursors, in listing order.")
    public List<@NonNull PropertyEdge> edges;
    @NonNull
    @Description("Where this page sits in the whole listing.")
    public PageInfo pageInfo;

    /** The type the listing is limited to (null: all), for totalCount. */
    @Ignore
    public String type;

    public PropertyConnection(List<PropertyEdge> edges, PageInfo pageInfo, String type) {
        this.edges = edges;
        this.pageInfo = pageInfo;
        this.type = type;
    }
}
