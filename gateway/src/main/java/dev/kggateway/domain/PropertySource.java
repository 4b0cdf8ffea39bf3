package dev.kggateway.domain;

import org.eclipse.microprofile.graphql.Description;

/** Where a product–property link comes from. */
@Description("Where a product–property link comes from.")
public enum PropertySource {
    /** Given by the vendor in the product input. */
    @Description("Given by the vendor in the product input (also when the model found it too).")
    VENDOR,
    /** Extracted from the description by the NER model. */
    @Description("Extracted from the description by the NER model only.")
    NER
}
