package dev.kggateway.api.types;

import dev.kggateway.domain.Product;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.similarity.SimilarityHit;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A product similar to another one; `shared` is the reason: the property nodes both have.")
public class SimilarProduct {
    @Ignore
    public String productId;
    /** Whether the request selects the similar product's links ({@code product { properties }}): else a summary serves. */
    @Ignore
    public boolean productLinks = true;
    /**
     * The similar product as the ranking read it (a remote store's index reads the hits' products to prove they
     * still exist); null when the ranking read none and the {@code product} field reads it.
     */
    @Ignore
    public Product readWithRanking;
    @NonNull
    @Description("Similarity under the chosen metric; higher is more similar.")
    public double score;
    @NonNull
    @Description("Number of property nodes both products have.")
    public int sharedCount;
    @NonNull
    @Description("The property nodes both products have.")
    public List<@NonNull PropertyNode> shared;

    public static SimilarProduct of(SimilarityHit hit) {
        SimilarProduct s = new SimilarProduct();
        s.productId = hit.productId();
        s.score = hit.score();
        s.sharedCount = hit.sharedCount();
        s.shared = hit.shared();
        return s;
    }
}
