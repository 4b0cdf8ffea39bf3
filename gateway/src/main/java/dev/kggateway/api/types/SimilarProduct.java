package dev.kggateway.api.types;

import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.SimilarityHit;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A product similar to another one; `shared` is the reason: the property nodes both have.")
public class SimilarProduct {
    @Ignore
    public String productId;
    @NonNull
    public double score;
    @NonNull
    public int sharedCount;
    @NonNull
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
