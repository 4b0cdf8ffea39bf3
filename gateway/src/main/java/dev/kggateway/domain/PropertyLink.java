package dev.kggateway.domain;

import java.util.Comparator;

/**
 * A product–property link with its provenance. {@code confidence} and {@code modelVersion} are set when the model
 * extracted the property, also when the vendor gave it too (the vendor link wins; the model's agreement is kept).
 */
public record PropertyLink(String productId, PropertyNode property, PropertySource source, Double confidence,
        String modelVersion) {

    /** The one order a product's links are served in: vendor links first, then by property type and value. */
    public static final Comparator<PropertyLink> ORDER = Comparator
            .comparing((PropertyLink l) -> l.source().ordinal())
            .thenComparing(l -> l.property().type())
            .thenComparing(l -> l.property().value());

    /** A link the vendor gave, not seen by the model. */
    public static PropertyLink vendor(String productId, PropertyNode property) {
        return new PropertyLink(productId, property, PropertySource.VENDOR, null, null);
    }

    /** True when the vendor gave the property (whether or not the model found it too). */
    public boolean isVendor() {
        return source == PropertySource.VENDOR;
    }

    /** True when the model found the property (an extraction with its confidence is recorded). */
    public boolean isExtracted() {
        return confidence != null;
    }
}
