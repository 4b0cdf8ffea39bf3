package dev.kggateway.store;

import dev.kggateway.domain.Page;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.PropertyTypeStats;
import dev.kggateway.domain.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.query.BindingSet;

/** Reads property nodes, their usage counts and the products linked to them. */
@ApplicationScoped
public class PropertyRepository {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    @Inject
    GraphStore store;

    @Inject
    Iris iris;

    @Inject
    EmbeddedListingIndex listingIndex;

    /**
     * Keyset page of property nodes ordered by (type, value), optionally of one type, after (or, reading backward,
     * before) the node {@code at}.
     */
    public Page<PropertyNode> find(String type, PropertyNode at, int size, boolean backward) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("graph", iris.catalogGraph());
        args.put("typeFilter", typeFilter(type));
        List<Object> position = at == null ? null
                : List.of(VF.createLiteral(at.type()), VF.createLiteral(at.value()));
        return NODE_ORDER.read(store, "properties-page", args, position, size, backward,
                row -> PropertyIds.node(row.getValue("type").stringValue(), row.getValue("value").stringValue()));
    }

    private static final Keyset NODE_ORDER = Keyset.ofStrings("type", "value");

    /** Number of property nodes, optionally of one type (the listing's totalCount). */
    public int count(String type) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("graph", iris.catalogGraph());
        args.put("typeFilter", typeFilter(type));
        List<BindingSet> rows = store.select("properties-count", args);
        return Rows.firstInt(rows, "count");
    }

    private static NamedQuery.Fragment typeFilter(String type) {
        return type == null ? NamedQuery.Fragment.EMPTY
                : NamedQuery.fragment("terms#type-filter", "type", VF.createLiteral(type));
    }

    /** Number of products linked to each node; nodes without products map to 0. */
    public Map<String, Integer> productCounts(Collection<PropertyNode> nodes) {
        dev.kggateway.listing.ListingIndex index = listingIndex.serving(dev.kggateway.domain.ProductQuery.ALL, null);
        return index != null ? index.productCounts(nodes) : productCountsBySparql(nodes);
    }

    Map<String, Integer> productCountsBySparql(Collection<PropertyNode> nodes) {
        Map<String, Integer> counts = new HashMap<>();
        nodes.forEach(n -> counts.put(n.id(), 0));
        if (nodes.isEmpty()) {
            return counts;
        }
        List<IRI> properties = nodes.stream().map(iris::property).distinct().toList();
        for (BindingSet row : store.select("property-product-counts",
                Map.of("graph", iris.catalogGraph(), "properties", properties))) {
            PropertyNode node = iris.propertyFromIri(row.getValue("property").stringValue());
            counts.put(node.id(), Rows.intOf(row, "count"));
        }
        return counts;
    }

    /** Keyset page of the ids of products linked to a node, in id order. */
    public Page<String> productIds(PropertyNode node, Slice slice) {
        dev.kggateway.domain.ProductQuery linked = new dev.kggateway.domain.ProductQuery(List.of(node), null, null,
                null, null, null);
        dev.kggateway.listing.ListingIndex index = listingIndex.serving(linked, null);
        return index != null ? ProductRepository.idPage(index, linked, slice) : productIdsBySparql(node, slice);
    }

    Page<String> productIdsBySparql(PropertyNode node, Slice slice) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("graph", iris.catalogGraph());
        args.put("property", iris.property(node));
        return ProductRepository.ID_ORDER.read(store, "products-with-property", args, Keyset.position(slice.key()),
                slice.size(), slice.backward(), row -> row.getValue("id").stringValue());
    }

    public List<PropertyTypeStats> typeStats() {
        List<PropertyTypeStats> stats = new ArrayList<>();
        for (BindingSet row : store.select("property-type-stats", Map.of("graph", iris.catalogGraph()))) {
            stats.add(new PropertyTypeStats(row.getValue("type").stringValue(),
                    Rows.intOf(row, "properties"),
                    Rows.intOf(row, "products")));
        }
        return stats;
    }
}
