package dev.kggateway.support;

import dev.kggateway.similarity.SimilarityMetric;
import java.util.List;

/**
 * The tests' oracle of every {@link SimilarityMetric}: each metric scored from its definition, independently of the
 * enum's own code, for the brute-force rankings of {@code SimilarityIndexTopKTest} (in-memory index) and
 * {@link Fixture#similar} (GraphQL contract on each store). A new metric needs its case here (the switch does not
 * compile without it) and nowhere else in the tests.
 */
public final class SimilarityOracle {

    private SimilarityOracle() {
    }

    /**
     * Score of a candidate with {@code otherSize} nodes sharing nodes of document frequencies {@code sharedDfs} (in
     * the source's order) with a source of {@code sourceSize} nodes, in a catalogue of {@code products}.
     */
    public static double score(SimilarityMetric metric, int products, List<Integer> sharedDfs, int sourceSize,
            int otherSize) {
        int shared = sharedDfs.size();
        return switch (metric) {
            case SHARED_COUNT -> shared;
            case JACCARD -> (double) shared / (sourceSize + otherSize - shared);
            case IDF -> {
                double sum = 0;
                for (int df : sharedDfs) {
                    sum += Math.log((double) products / df);
                }
                yield sum;
            }
        };
    }
}
