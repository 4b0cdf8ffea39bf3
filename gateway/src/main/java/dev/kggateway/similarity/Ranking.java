package dev.kggateway.similarity;

import dev.kggateway.domain.Product;
import java.util.List;
import java.util.Map;

/**
 * A similarity ranking's hits, best first, with their products when the ranking had to read them: a remote store's
 * index may lag another instance's removal, so that path reads the hits' products (summaries, or whole products when
 * the response selects their links) in the same store call that proves they still exist. {@code products} is null
 * when the ranking is exact against the store (embedded index, SPARQL ranking) and the caller reads the products.
 */
public record Ranking(List<SimilarityHit> hits, Map<String, Product> products) {

    public static final Ranking NONE = new Ranking(List.of(), null);

    /** The hit's product as read with the ranking; null when the ranking read none (the caller reads it). */
    public Product productOf(String productId) {
        return products == null ? null : products.get(productId);
    }
}
