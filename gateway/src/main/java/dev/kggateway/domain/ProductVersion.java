package dev.kggateway.domain;

import java.util.Collection;
import java.util.List;

/**
 * A complete, validated product version to write: the product with every property link (in
 * {@link PropertyLink#ORDER}), and the tag of the model its description was run through ({@code null}: not run
 * through the model). The product is also what the store holds once the version is written.
 */
public record ProductVersion(Product product, String enrichedWith) {

    /** The version of {@code fields} with {@code links} (any order; their product ids must be the product's). */
    public static ProductVersion of(Product fields, Collection<PropertyLink> links, String enrichedWith) {
        return new ProductVersion(fields.withLinks(links.stream().sorted(PropertyLink.ORDER).toList()), enrichedWith);
    }

    public List<PropertyLink> links() {
        return product.links();
    }
}
