package dev.kggateway.domain;

import java.util.List;

/**
 * A validated product filter. Values are already normalised; {@code properties} are ANDed.
 */
public record ProductQuery(List<PropertyNode> properties, String propertyType, String manufacturer, Double minPrice,
        Double maxPrice, String text) {

    public static final ProductQuery ALL = new ProductQuery(List.of(), null, null, null, null, null);
}
