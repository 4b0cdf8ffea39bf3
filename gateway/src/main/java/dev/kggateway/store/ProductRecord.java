package dev.kggateway.store;

import dev.kggateway.domain.Product;
import dev.kggateway.domain.PropertyNode;
import java.util.List;

/**
 * A complete, validated product version to write: its fields and every property link. A link is {@code vendor} when
 * the input gave it, and carries {@code confidence}/{@code modelVersion} when the model extracted it (both may hold).
 */
public record ProductRecord(Product product, List<Link> links, String enrichedWith) {

    /** A version not run through the model. */
    public ProductRecord(Product product, List<Link> links) {
        this(product, links, null);
    }

    public record Link(PropertyNode property, boolean vendor, Double confidence, String modelVersion) {
        public boolean extracted() {
            return confidence != null;
        }
    }
}
