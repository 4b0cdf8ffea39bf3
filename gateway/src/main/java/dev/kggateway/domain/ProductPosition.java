package dev.kggateway.domain;

import java.util.List;

/**
 * Where an item stands in a sorted listing: one value per key of its {@link ProductOrdering}, in key order, the last
 * one the product id. Values are the store's sort keys as text: the lower-cased name, the price as a decimal (null
 * when the product has none), the property count, the relevance rank, the id.
 */
public record ProductPosition(List<String> values) {

    public String id() {
        return values.get(values.size() - 1);
    }
}
