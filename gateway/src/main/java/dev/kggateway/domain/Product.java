package dev.kggateway.domain;

import java.util.List;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A product node's fields with its property links, read together in one query so that both belong to the same
 * version of the product.
 */
public record Product(@Id @NonNull String id, @NonNull String name, String description, Double price,
        String currency, String manufacturer, @Ignore List<PropertyLink> links) {

    /** Fields only, before links are known (ingest input). */
    public Product(String id, String name, String description, Double price, String currency, String manufacturer) {
        this(id, name, description, price, currency, manufacturer, List.of());
    }

    public Product withLinks(List<PropertyLink> newLinks) {
        return new Product(id, name, description, price, currency, manufacturer, List.copyOf(newLinks));
    }
}
