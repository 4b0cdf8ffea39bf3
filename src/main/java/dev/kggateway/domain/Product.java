package dev.kggateway.domain;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** A product node's own fields (its property links are fetched separately, in batches). */
public record Product(@Id @NonNull String id, @NonNull String name, String description, Double price,
        String currency, String manufacturer) {
}
