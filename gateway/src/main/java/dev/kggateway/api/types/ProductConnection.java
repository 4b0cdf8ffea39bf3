package dev.kggateway.api.types;

import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.PropertyNode;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay connection of products; {@code totalCount} is resolved only when asked for. */
@Description("One page of a product listing (Relay connection).")
public class ProductConnection {
    @NonNull
    @Description("The products of this page with their cursors, in listing order.")
    public List<@NonNull ProductEdge> edges;
    @NonNull
    @Description("Where this page sits in the whole listing.")
    public PageInfo pageInfo;

    /** What the listing counts: a filter, or the products of one property node. */
    @Ignore
    public ProductQuery query;
    @Ignore
    public PropertyNode ofProperty;

    public ProductConnection(List<ProductEdge> edges, PageInfo pageInfo, ProductQuery query, PropertyNode ofProperty) {
        this.edges = edges;
        this.pageInfo = pageInfo;
        this.query = query;
        this.ofProperty = ofProperty;
    }
}
