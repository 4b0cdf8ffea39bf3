package dev.kggateway.domain;

/** How shared property nodes are turned into a similarity score. */
public enum SimilarityMetric {
    /** Number of shared property nodes (the seed's measure). */
    SHARED_COUNT,
    /** Shared nodes divided by the union of both products' nodes. */
    JACCARD,
    /** Sum over shared nodes of ln(N / df): a shared rare property says more than a common one. */
    IDF
}
