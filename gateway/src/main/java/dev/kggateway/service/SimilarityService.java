package dev.kggateway.service;

import dev.kggateway.domain.Ids;
import dev.kggateway.domain.Product;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.error.InvalidArgumentException;
import dev.kggateway.similarity.HitFields;
import dev.kggateway.similarity.Ranking;
import dev.kggateway.similarity.SimilarityHit;
import dev.kggateway.similarity.SimilarityMetric;
import dev.kggateway.store.ProductRepository;
import dev.kggateway.store.SimilarityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code similarProducts}: products ranked by the property nodes (vendor and NER) they share with a given product,
 * the product itself excluded, ties broken by id.
 */
@ApplicationScoped
public class SimilarityService {

    @Inject
    ProductRepository products;

    @Inject
    SimilarityRepository similarity;

    @Inject
    dev.kggateway.cache.ResultCache cache;

    /**
     * The ranking of product {@code id}; when the ranking has to read its hits' products (a remote store's index, see
     * {@link SimilarityRepository#similar}) they are whole products if {@code fields} is {@link HitFields#WHOLE} (the
     * response selects their links), else summaries, read through the product caches; with
     * {@link HitFields#NAMES} the index's ids and names when it holds them ({@link HitFields#NAMES_AND_PRICES}: with
     * prices and currencies).
     */
    public Ranking similar(String id, int first, int minShared, SimilarityMetric metric, HitFields fields) {
        SimilarityMetric m = metric == null ? SimilarityMetric.SHARED_COUNT : metric;
        return cache.result(List.of("similar", Ids.productId(id), first, minShared, m, fields),
                () -> compute(id, first, minShared, m, fields));
    }

    /** The same ranking, never from or into the cache: what the store costs (benchmarks, diagnostics). */
    public List<SimilarityHit> similarUncached(String id, int first, int minShared, SimilarityMetric metric) {
        return compute(Ids.productId(id), first, minShared, metric == null ? SimilarityMetric.SHARED_COUNT : metric,
                HitFields.SUMMARY).hits();
    }

    private Ranking compute(String id, int first, int minShared, SimilarityMetric metric, HitFields fields) {
        if (minShared < 1) {
            throw new InvalidArgumentException("minShared must be at least 1: " + minShared);
        }
        if (first == 0) {
            return Ranking.NONE;
        }
        List<PropertyNode> nodes = similarity.sourceNodes(id);
        if (nodes.isEmpty()) {
            return Ranking.NONE;
        }
        Map<String, Integer> df = metric.usesDocumentFrequencies()
                ? similarity.documentFrequencies(id, nodes)
                : Map.of();
        int total = metric.usesDocumentFrequencies() ? cache.result("totalProducts", () -> products.totalProducts()) : 0;
        Map<PropertyNode, Double> weights = new LinkedHashMap<>();
        nodes.forEach(n -> weights.put(n, metric.weight(total, df.getOrDefault(n.id(), 1))));
        return similarity.similar(id, weights, minShared, first, metric, nodes.size(), fields,
                ids -> stored(ids, fields == HitFields.WHOLE));
    }

    /** The products of these ids the store holds (through the caches), whole or as summaries. */
    private Map<String, Product> stored(List<String> ids, boolean links) {
        Map<String, Optional<Product>> found = links
                ? cache.products(ids, products::findByIds)
                : cache.summaries(ids, products::summariesByIds);
        Map<String, Product> present = new HashMap<>();
        found.forEach((id, p) -> p.ifPresent(product -> present.put(id, product)));
        return present;
    }
}
