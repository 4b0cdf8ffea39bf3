package dev.kggateway.service;

import dev.kggateway.domain.Ids;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.error.InvalidArgumentException;
import dev.kggateway.similarity.SimilarityHit;
import dev.kggateway.similarity.SimilarityMetric;
import dev.kggateway.store.ProductRepository;
import dev.kggateway.store.SimilarityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public List<SimilarityHit> similar(String id, int first, int minShared, SimilarityMetric metric) {
        SimilarityMetric m = metric == null ? SimilarityMetric.SHARED_COUNT : metric;
        return cache.result(List.of("similar", Ids.productId(id), first, minShared, m),
                () -> compute(id, first, minShared, m));
    }

    /** The same ranking, never from or into the cache: what the store costs (benchmarks, diagnostics). */
    public List<SimilarityHit> similarUncached(String id, int first, int minShared, SimilarityMetric metric) {
        return compute(Ids.productId(id), first, minShared, metric == null ? SimilarityMetric.SHARED_COUNT : metric);
    }

    private List<SimilarityHit> compute(String id, int first, int minShared, SimilarityMetric metric) {
        if (minShared < 1) {
            throw new InvalidArgumentException("minShared must be at least 1: " + minShared);
        }
        if (first == 0) {
            return List.of();
        }
        List<PropertyNode> nodes = products.propertiesOf(id);
        if (nodes.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> df = metric.usesDocumentFrequencies()
                ? similarity.documentFrequencies(id, nodes)
                : Map.of();
        int total = metric.usesDocumentFrequencies() ? cache.result("totalProducts", () -> products.totalProducts()) : 0;
        Map<PropertyNode, Double> weights = new LinkedHashMap<>();
        nodes.forEach(n -> weights.put(n, metric.weight(total, df.getOrDefault(n.id(), 1))));
        return similarity.similar(id, weights, minShared, first, metric, nodes.size());
    }
}
