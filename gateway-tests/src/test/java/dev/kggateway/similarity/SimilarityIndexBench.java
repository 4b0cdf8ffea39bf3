package dev.kggateway.similarity;

import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Benchmark (not a test): the similarity index's top-k with pruning against the same index walking every posting,
 * on a BSBM-shaped synthetic catalogue (each product 9-22 features; two feature types shared by a large share of
 * the catalogue, the rest long-tailed), interleaved in one JVM so machine load hits both alike. Prints p50/p95 per
 * metric and the index's bytes per link. Run: {@code bench/similarity-index.sh [PRODUCTS=100000] [QUERIES=2000]}.
 */
public final class SimilarityIndexBench {

    public static void main(String[] args) {
        int products = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Random random = new Random(42);
        Map<String, Set<PropertyNode>> catalogue = new LinkedHashMap<>();
        for (int p = 0; p < products; p++) {
            Set<PropertyNode> nodes = new LinkedHashSet<>();
            int count = 9 + random.nextInt(14);
            nodes.add(PropertyIds.node("type", "t" + random.nextInt(4)));            // ~25 % of the catalogue each
            nodes.add(PropertyIds.node("producer", "p" + random.nextInt(40)));       // ~2.5 % each
            while (nodes.size() < count) {
                // Zipf-like feature choice over products/10 features: a few in thousands of products, most in few.
                int features = Math.max(100, products / 10);
                int f = (int) Math.floor(Math.pow(features, random.nextDouble())) - 1;
                nodes.add(PropertyIds.node("feature", "f" + f));
            }
            catalogue.put(String.format("P-%07d", p), nodes);
        }
        long start = System.nanoTime();
        SimilarityIndex pruned = new SimilarityIndex(true);
        SimilarityIndex full = new SimilarityIndex(false);
        catalogue.forEach(pruned::put);
        catalogue.forEach(full::put);
        long[] size = pruned.linksAndArrayBytes();
        System.out.printf("catalogue: %,d products, %,d links; both indexes built in %d ms%n", products, size[0],
                (System.nanoTime() - start) / 1_000_000);
        System.out.printf("index arrays: %,d bytes = %.1f bytes per link (ids and node objects not counted)%n",
                size[1], (double) size[1] / size[0]);
        List<String> ids = new ArrayList<>(catalogue.keySet());
        for (SimilarityMetric metric : List.of(SimilarityMetric.SHARED_COUNT, SimilarityMetric.IDF,
                SimilarityMetric.JACCARD)) {
            long[] withPruning = new long[queries];
            long[] walkingAll = new long[queries];
            Random pick = new Random(7);
            for (int warm = 0; warm < 2; warm++) {
                for (int q = 0; q < queries; q++) {
                    String id = ids.get(pick.nextInt(ids.size()));
                    Set<PropertyNode> source = catalogue.get(id);
                    Map<PropertyNode, Double> weights = weights(pruned, source, metric, products);
                    long t0 = System.nanoTime();
                    var a = pruned.similar(id, weights, 1, 10, metric, source.size());
                    long t1 = System.nanoTime();
                    var b = full.similar(id, weights, 1, 10, metric, source.size());
                    long t2 = System.nanoTime();
                    if (!a.equals(b)) {
                        throw new AssertionError("rankings differ for " + id + " " + metric);
                    }
                    withPruning[q] = t1 - t0;
                    walkingAll[q] = t2 - t1;
                }
            }
            System.out.printf("%-12s top 10: pruned p50 %.3f ms p95 %.3f ms | walking every posting p50 %.3f ms"
                    + " p95 %.3f ms | %d queries, results equal%n", metric, pct(withPruning, 50), pct(withPruning, 95),
                    pct(walkingAll, 50), pct(walkingAll, 95), queries);
        }
    }

    static Map<PropertyNode, Double> weights(SimilarityIndex index, Set<PropertyNode> source, SimilarityMetric metric,
            int n) {
        Map<String, Integer> df = index.documentFrequencies(source);
        Map<PropertyNode, Double> weights = new LinkedHashMap<>();
        source.forEach(node -> weights.put(node, metric.weight(n, df.get(node.id()))));
        return weights;
    }

    static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
