package dev.kggateway.domain;

/**
 * A product–property link with its provenance. {@code confidence} and {@code modelVersion} are set when the model
 * extracted the property, also when the vendor gave it too (the vendor link wins; the model's agreement is kept).
 */
public record PropertyLink(String productId, PropertyNode property, PropertySource source, Double confidence,
        String modelVersion) {
}
