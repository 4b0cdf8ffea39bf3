package dev.kggateway.api;

import dev.kggateway.api.types.PageInfo;
import dev.kggateway.api.types.ProductConnection;
import dev.kggateway.api.types.PropertyConnection;
import dev.kggateway.api.types.PropertyEdge;
import dev.kggateway.api.types.ProductOrderInput;
import dev.kggateway.api.types.PropertyTypeCount;
import dev.kggateway.domain.Page;
import dev.kggateway.domain.ProductOrdering;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.service.CatalogService;
import dev.kggateway.service.Cursors;
import dev.kggateway.service.PageRequest;
import io.smallrye.graphql.api.Nullable;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** The property aggregate: property nodes, their types and the products sharing them. */
@GraphQLApi
@dev.kggateway.security.RequiresReader
public class PropertyGraphQLApi {

    @Inject
    CatalogService catalog;

    @Inject
    ProductFilters filters;

    @Query("properties")
    @Description("Property nodes ordered by type then value, optionally of one type; null, with a coded error, when "
            + "an argument is invalid.")
    public PropertyConnection properties(@Name("type") @Description("Only property nodes of this type.") String type,
            @Name("first") @Description("Forward page size (default 20, at most kg.api.max-first); not with last/before.") Integer first,
            @Name("after") @Description("Forward paging: the page starts after the edge with this cursor.") String after,
            @Name("last") @Description("Backward page size (at most kg.api.max-first): the last items before the cursor, or of the listing.") Integer last,
            @Name("before") @Description("Backward paging: the page ends before the edge with this cursor.") String before) {
        PageRequest.Args args = PageRequest.of(first, after, last, before, PageRequest.DEFAULT_SIZE,
                catalog.limits().maxFirst());
        Page<PropertyNode> page = catalog.properties(type, args);
        List<PropertyEdge> edges = page.items().stream()
                .map(p -> new PropertyEdge(Cursors.encode(CatalogService.PROPERTY_CURSOR, p.id()), p))
                .toList();
        String start = edges.isEmpty() ? null : edges.get(0).cursor;
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor;
        return new PropertyConnection(edges, new PageInfo(page.hasNext(), page.hasPrevious(), start, end), type);
    }

    @Name("totalCount")
    @NonNull
    @Description("Number of property nodes in the whole listing, not just this page.")
    public int totalCount(@Source PropertyConnection connection) {
        return catalog.countProperties(connection.type);
    }

    @Query("property")
    @Description("The property node with this id (type/percent-encoded value), or null when no product has it.")
    public PropertyNode property(
            @Id @NonNull @Name("id") @Description("The property id: type/percent-encoded value.") String id) {
        PropertyNode node = catalog.property(id);
        return catalog.productCounts(List.of(node)).get(node.id()) > 0 ? node : null;
    }

    @Query("propertyTypes")
    @Description("Every property type with its number of property nodes and of products using it.")
    public List<@NonNull PropertyTypeCount> propertyTypes() {
        return catalog.propertyTypes().stream().map(PropertyTypeCount::of).toList();
    }

    @Name("productCount")
    @Description("Number of products linked to this property node.")
    public List<@NonNull Integer> productCount(@Source List<PropertyNode> nodes) {
        Map<String, Integer> counts = catalog.productCounts(nodes);
        return nodes.stream().map(n -> counts.getOrDefault(n.id(), 0)).toList();
    }

    @Name("products")
    @NonNull
    @Description("Products linked to this property node, in the orderBy order (default: by id), with the same "
            + "keyset cursors as Query.products over the filter {properties: [this node]}.")
    public ProductConnection products(@Source PropertyNode node,
            @Nullable @Name("orderBy") @Description("Sort keys in priority order, as for "
                    + "Query.products (RELEVANCE needs a filter text, so it is INVALID_ARGUMENT here). Default: by id.")
                    List<@NonNull ProductOrderInput> orderBy,
            @Name("first") @Description("Forward page size (default 20, at most kg.api.max-first); not with last/before.") Integer first,
            @Name("after") @Description("Forward paging: the page starts after the edge with this cursor.") String after,
            @Name("last") @Description("Backward page size (at most kg.api.max-first): the last items before the cursor, or of the listing.") Integer last,
            @Name("before") @Description("Backward paging: the page ends before the edge with this cursor.") String before) {
        PageRequest.Args args = PageRequest.of(first, after, last, before, PageRequest.DEFAULT_SIZE,
                catalog.limits().maxFirst());
        ProductQuery linked = ProductQuery.linkedTo(node);
        ProductOrdering ordering = filters.toOrdering(orderBy, linked);
        if (ordering.isDefault()) {
            // The id order keeps its own query and cache entries (products-with-property on a remote store).
            return ProductGraphQLApi.idConnection(catalog.productsWith(node, args), linked, node);
        }
        return ProductGraphQLApi.connection(catalog.listing(linked, ordering, args), linked, node);
    }
}
