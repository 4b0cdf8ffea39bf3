package dev.kggateway.domain;

/** Where a product–property link comes from. */
public enum PropertySource {
    /** Given by the vendor in the product input. */
    VENDOR,
    /** Extracted from the description by the NER model. */
    NER
}
