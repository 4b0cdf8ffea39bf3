package dev.kggateway.similarity;

import org.eclipse.microprofile.graphql.Description;

/**
 * How shared property nodes are turned into a similarity score: the one place a metric is defined. Each constant
 * carries the weight of a shared node, the score of a candidate, the best score a candidate could still reach (for
 * the in-memory index's top-k pruning) and the name of its SPARQL score snippet ({@code sparql/NAME.rq}, bound into
 * {@code similar-products.rq}); the SPARQL path ({@code store.SimilarityRepository}) and the in-memory
 * {@link SimilarityIndex} both rank with it. Adding a metric means a constant here (and its snippet when neither
 * existing one fits) and a case in the tests' brute-force oracles.
 */
@Description("How shared property nodes are turned into a similarity score.")
public enum SimilarityMetric {

    /** Number of shared property nodes (the seed's measure). */
    @Description("Number of shared property nodes.")
    SHARED_COUNT(Snippet.SUMMED_WEIGHT),

    /** Shared nodes divided by the union of both products' nodes. */
    @Description("Shared property nodes divided by the union of both products' property nodes (0 to 1).")
    JACCARD(Snippet.JACCARD) {
        @Override
        public double score(double sharedWeight, int shared, int sourceCount, int otherCount) {
            return (double) shared / (sourceCount + otherCount - shared);
        }

        @Override
        public double bound(double remainingWeight, int remainingNodes, int sourceCount) {
            // shared / |A ∪ B| <= shared / |A|: a product met only in the remaining nodes shares at most those.
            return (double) remainingNodes / Math.max(1, sourceCount);
        }
    },

    /** Sum over shared nodes of ln(N / df): a shared rare property says more than a common one. */
    @Description("Sum over shared property nodes of ln(products / products with that node): a shared rare property "
            + "counts more than a common one.")
    IDF(Snippet.SUMMED_WEIGHT) {
        @Override
        public boolean usesDocumentFrequencies() {
            return true;
        }

        @Override
        public double weight(int products, int documentFrequency) {
            // ln(N / df) is 0 for a property every product has: it then says nothing about similarity.
            return Math.log((double) products / Math.max(1, documentFrequency));
        }
    };

    /** The SPARQL score snippets; each binds {@code ?rawScore} inside {@code similar-products.rq}. */
    private static final class Snippet {
        /** ?rawScore = the summed weight of the shared nodes. */
        static final String SUMMED_WEIGHT = "similarity-score-weight";
        /** ?rawScore = shared / (sourceCount + the candidate's kg:propertyCount - shared). */
        static final String JACCARD = "similarity-score-jaccard";
    }

    /**
     * Scores are rounded to this many decimal places before ranking, by both paths (here and in
     * {@code similar-products.rq}): sums of IDF weights that are equal in exact arithmetic (ln(N/2)+ln(N/6) and
     * ln(N/3)+ln(N/4)) differ in the last bits depending on the order and the arithmetic of the addition (doubles in
     * the index, decimals in SPARQL), and a tie must go to the smaller id, not to rounding noise.
     */
    public static final int RANK_DECIMALS = 9;

    private final String sparqlScore;

    SimilarityMetric(String sparqlScore) {
        this.sparqlScore = sparqlScore;
    }

    /** Whether {@link #weight(int, int)} needs the document frequency of each node and the product count. */
    public boolean usesDocumentFrequencies() {
        return false;
    }

    /**
     * Whether {@link #score} reads {@code otherCount} (the candidate's node count). When not, the index's bound checks
     * over thousands of candidates do not read it (one cache miss a candidate at BSBM 1M; perf22). Derived from the
     * SPARQL snippet, which the index's score must equal: a summed-weight score never reads the count, and any other
     * snippet (a new metric's too) is assumed to, so forgetting to say so costs speed, never a wrong count.
     */
    public boolean usesOtherCount() {
        return !Snippet.SUMMED_WEIGHT.equals(sparqlScore);
    }

    /** Weight of one of the source product's nodes, carried by {@code documentFrequency} of {@code products}. */
    public double weight(int products, int documentFrequency) {
        return 1.0;
    }

    /**
     * Score of a candidate sharing {@code shared} nodes of summed weight {@code sharedWeight} with a source of
     * {@code sourceCount} nodes, the candidate having {@code otherCount} nodes. Must not decrease in
     * {@code sharedWeight} nor in {@code shared} (up to {@code otherCount}): the index's pruning takes partial
     * scores as lower bounds and the score with every node not yet walked added as an upper bound.
     */
    public double score(double sharedWeight, int shared, int sourceCount, int otherCount) {
        return sharedWeight;
    }

    /**
     * The best score a candidate not met yet can still reach when only nodes of summed weight
     * {@code remainingWeight} ({@code remainingNodes} of them) remain to be walked.
     */
    public double bound(double remainingWeight, int remainingNodes, int sourceCount) {
        return remainingWeight;
    }

    /** Name of the SPARQL snippet ({@code sparql/NAME.rq}) that binds {@code ?rawScore} in similar-products.rq. */
    public String sparqlScore() {
        return sparqlScore;
    }

    /** A score rounded to {@link #RANK_DECIMALS} places, as both paths rank and return it. */
    public static double rankScore(double score) {
        return Math.round(score * 1e9) / 1e9;
    }
}
