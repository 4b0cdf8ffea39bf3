package dev.kggateway.similarity;

import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.support.SimilarityOracle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pruned top-k of {@link SimilarityIndex} against a brute force over all pairs, on catalogues shaped like real
 * ones (a few very popular nodes shared by most products, a long tail of rare ones, as in BSBM), for every metric,
 * several k and minShared, and after updates and removals. A plain unit test: no Quarkus, no store. The brute force
 * scores with {@link SimilarityOracle}, so every SimilarityMetric is covered.
 */
class SimilarityIndexTopKTest {

    record Ranked(String id, double score, int shared, Set<String> common) {
    }

    static Map<String, Set<PropertyNode>> catalogue(long seed, int products) {
        Random random = new Random(seed);
        Map<String, Set<PropertyNode>> catalogue = new LinkedHashMap<>();
        for (int p = 0; p < products; p++) {
            Set<PropertyNode> nodes = new LinkedHashSet<>();
            int count = 1 + random.nextInt(20);
            for (int i = 0; i < count; i++) {
                // Zipf-like: value v of a type is chosen with probability ~ 1/(v+1); type 'common' has 2 values.
                String type = "t" + random.nextInt(6);
                int values = type.equals("t0") ? 2 : 400;
                int v = (int) Math.floor(Math.pow(values, random.nextDouble())) - 1;
                nodes.add(PropertyIds.node(type, "v" + v));
            }
            catalogue.put(String.format("P-%05d", p), nodes);
        }
        return catalogue;
    }

    static Map<PropertyNode, Integer> documentFrequencies(Map<String, Set<PropertyNode>> catalogue) {
        Map<PropertyNode, Integer> df = new HashMap<>();
        catalogue.values().forEach(nodes -> nodes.forEach(n -> df.merge(n, 1, Integer::sum)));
        return df;
    }

    static List<Ranked> bruteForce(Map<String, Set<PropertyNode>> catalogue, Map<PropertyNode, Integer> df, String id,
            int first, int minShared, SimilarityMetric metric) {
        return cut(bruteForce(catalogue, df, id, metric), first, minShared);
    }

    /** The first {@code first} of a whole brute-force ranking that share at least {@code minShared} nodes. */
    static List<Ranked> cut(List<Ranked> ranked, int first, int minShared) {
        return ranked.stream().filter(r -> r.shared() >= minShared).limit(first).toList();
    }

    /** Every other product sharing a node with {@code id}, best first (score, then id). */
    static List<Ranked> bruteForce(Map<String, Set<PropertyNode>> catalogue, Map<PropertyNode, Integer> df, String id,
            SimilarityMetric metric) {
        Set<PropertyNode> source = catalogue.get(id);
        List<Ranked> ranked = new ArrayList<>();
        catalogue.forEach((other, theirs) -> {
            if (other.equals(id)) {
                return;
            }
            Set<String> common = new TreeSet<>();
            List<Integer> sharedDfs = new ArrayList<>();
            for (PropertyNode n : source) {
                if (theirs.contains(n)) {
                    common.add(n.id());
                    sharedDfs.add(df.get(n));
                }
            }
            if (common.isEmpty()) {
                return;
            }
            double score = SimilarityOracle.score(metric, catalogue.size(), sharedDfs, source.size(), theirs.size());
            ranked.add(new Ranked(other, SimilarityMetric.rankScore(score), common.size(), common));
        });
        ranked.sort(Comparator.comparingDouble((Ranked r) -> -r.score()).thenComparing(Ranked::id));
        return ranked;
    }

    static List<Ranked> indexed(SimilarityIndex index, Map<String, Set<PropertyNode>> catalogue, String id, int first,
            int minShared, SimilarityMetric metric) {
        Set<PropertyNode> source = catalogue.get(id);
        Map<String, Integer> df = index.documentFrequencies(source);
        Map<PropertyNode, Double> weights = new LinkedHashMap<>();
        source.forEach(n -> weights.put(n, metric.weight(catalogue.size(), df.get(n.id()))));
        List<SimilarityHit> hits = index.similar(id, weights, minShared, first, metric, source.size());
        return hits.stream().map(h -> new Ranked(h.productId(), h.score(), h.sharedCount(),
                new TreeSet<>(h.shared().stream().map(PropertyNode::id).toList()))).toList();
    }

    static void assertSameRanking(List<Ranked> expected, List<Ranked> actual, String what) {
        assertEquals(expected, actual, what);
    }

    @Test
    void prunedTopKEqualsBruteForceForEveryMetricKAndMinShared() {
        Map<String, Set<PropertyNode>> catalogue = catalogue(20261201L, 3000);
        SimilarityIndex index = new SimilarityIndex();
        catalogue.forEach(index::put);
        Random random = new Random(7);
        List<String> ids = new ArrayList<>(catalogue.keySet());
        Map<PropertyNode, Integer> df = documentFrequencies(catalogue);
        int compared = 0;
        for (int q = 0; q < 30; q++) {
            String id = ids.get(random.nextInt(ids.size()));
            for (SimilarityMetric metric : SimilarityMetric.values()) {
                // The whole ranking once per product and metric; each (first, minShared) is a cut of it.
                List<Ranked> all = bruteForce(catalogue, df, id, metric);
                for (int first : new int[] {1, 10, 50}) {
                    for (int minShared : new int[] {1, 2, 4}) {
                        String what = id + " " + metric + " first=" + first + " minShared=" + minShared;
                        assertSameRanking(cut(all, first, minShared),
                                indexed(index, catalogue, id, first, minShared, metric), what);
                        compared++;
                    }
                }
            }
        }
        assertEquals(30 * SimilarityMetric.values().length * 3 * 3, compared);
        assertTrue(index.postingEntriesSkipped.sum() > 0, "the popular postings were pruned at least once");
        assertTrue(index.candidatesNotCompleted.sum() > 0, "candidates that cannot enter the top k were left incomplete");
    }

    @Test
    void rankingFollowsUpdatesAndRemovals() {
        Map<String, Set<PropertyNode>> catalogue = catalogue(99L, 1500);
        SimilarityIndex index = new SimilarityIndex();
        catalogue.forEach(index::put);
        Random random = new Random(3);
        List<String> ids = new ArrayList<>(catalogue.keySet());
        for (int i = 0; i < 300; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            if (i % 3 == 0) {
                catalogue.remove(id);
                index.put(id, null);
            } else {
                Set<PropertyNode> replacement = catalogue(random.nextLong(), 1).values().iterator().next();
                catalogue.put(id, replacement);
                index.put(id, replacement);
            }
        }
        List<String> left = new ArrayList<>(catalogue.keySet());
        Map<PropertyNode, Integer> df = documentFrequencies(catalogue);
        for (int q = 0; q < 40; q++) {
            String id = left.get(random.nextInt(left.size()));
            for (SimilarityMetric metric : SimilarityMetric.values()) {
                assertSameRanking(bruteForce(catalogue, df, id, 10, 1, metric), indexed(index, catalogue, id, 10, 1, metric),
                        id + " " + metric + " after updates");
            }
        }
        assertTrue(left.size() < 1500);
    }
}
