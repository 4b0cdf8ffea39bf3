package dev.kggateway.domain;

import org.eclipse.microprofile.graphql.Description;

/** How shared property nodes are turned into a similarity score. */
@Description("How shared property nodes are turned into a similarity score.")
public enum SimilarityMetric {
    /** Number of shared property nodes (the seed's measure). */
    @Description("Number of shared property nodes.")
    SHARED_COUNT,
    /** Shared nodes divided by the union of both products' nodes. */
    @Description("Shared property nodes divided by the union of both products' property nodes (0 to 1).")
    JACCARD,
    /** Sum over shared nodes of ln(N / df): a shared rare property says more than a common one. */
    @Description("Sum over shared property nodes of ln(products / products with that node): a shared rare property "
            + "counts more than a common one.")
    IDF
}
