package dev.kggateway.api;

import dev.kggateway.domain.Ids;
import dev.kggateway.domain.Node;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.error.LimitExceededException;
import dev.kggateway.service.CatalogService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Relay object identification over both aggregates: {@code node(id:)} and {@code nodes(ids:)}. An id with a '/' is
 * a property id (type/percent-encoded value), any other a product id; each is validated as on product(id:) and
 * property(id:) before it reaches the store.
 */
@GraphQLApi
@dev.kggateway.security.RequiresReader
public class NodeGraphQLApi {

    @Inject
    CatalogService catalog;

    @Query("node")
    @Description("The Product or Property with this id, or null when there is none (Relay refetch).")
    public Node node(@Id @NonNull @Name("id") @Description("A Node id, as read from a Product or Property.") String id) {
        return nodes(List.of(id)).get(0);
    }

    @Query("nodes")
    @Description("The Products and Properties with these ids, in the same order; null entries for ids with none.")
    public List<Node> nodes(@NonNull @Name("ids")
            @Description("Node ids, at most kg.api.max-first.")
            List<@NonNull String> ids) {
        if (ids.size() > catalog.limits().maxFirst()) {
            throw new LimitExceededException("at most " + catalog.limits().maxFirst() + " ids, got " + ids.size());
        }
        List<String> productIds = new ArrayList<>();
        List<PropertyNode> properties = new ArrayList<>();
        for (String id : ids) {
            if (id.indexOf('/') >= 0) {
                properties.add(catalog.property(id));
            } else {
                productIds.add(Ids.productId(id));
            }
        }
        Map<String, Optional<dev.kggateway.domain.Product>> products = productIds.isEmpty() ? Map.of()
                : catalog.products(productIds);
        Map<String, Integer> counts = catalog.productCounts(properties);
        List<Node> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (id.indexOf('/') >= 0) {
                PropertyNode node = catalog.property(id);
                // A property node exists while a product has it (as on property(id:)).
                found.add(counts.getOrDefault(node.id(), 0) > 0 ? node : null);
            } else {
                found.add(products.get(id).orElse(null));
            }
        }
        return found;
    }
}
