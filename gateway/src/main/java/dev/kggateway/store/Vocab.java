package dev.kggateway.store;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/**
 * Terms of the gateway's RDF vocabulary, every one of them (the .rq files spell the same terms with the {@code kg:}
 * prefix). The vocabulary namespace is fixed; data IRIs use the configured base.
 */
public final class Vocab {
    public static final String NS = "https://w3id.org/kg-gateway/vocab#";
    public static final String PREFIX = "kg";
    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    public static final IRI PRODUCT = VF.createIRI(NS, "Product");
    public static final IRI PROPERTY = VF.createIRI(NS, "Property");
    public static final IRI EXTRACTION = VF.createIRI(NS, "Extraction");
    public static final IRI PRODUCT_ID = VF.createIRI(NS, "productId");
    public static final IRI NAME = VF.createIRI(NS, "name");
    public static final IRI DESCRIPTION = VF.createIRI(NS, "description");
    public static final IRI PRICE = VF.createIRI(NS, "price");
    public static final IRI CURRENCY = VF.createIRI(NS, "currency");
    public static final IRI MANUFACTURER = VF.createIRI(NS, "manufacturer");
    public static final IRI PROPERTY_COUNT = VF.createIRI(NS, "propertyCount");
    public static final IRI ENRICHED_WITH = VF.createIRI(NS, "enrichedWith");
    public static final IRI HAS_PROPERTY = VF.createIRI(NS, "hasProperty");
    public static final IRI VENDOR_PROPERTY = VF.createIRI(NS, "vendorProperty");
    public static final IRI EXTRACTED_PROPERTY = VF.createIRI(NS, "extractedProperty");
    public static final IRI PROPERTY_TYPE = VF.createIRI(NS, "propertyType");
    public static final IRI PROPERTY_VALUE = VF.createIRI(NS, "propertyValue");
    public static final IRI OF_PRODUCT = VF.createIRI(NS, "ofProduct");
    public static final IRI OF_PROPERTY = VF.createIRI(NS, "ofProperty");
    public static final IRI CONFIDENCE = VF.createIRI(NS, "confidence");
    public static final IRI MODEL_VERSION = VF.createIRI(NS, "modelVersion");
    /** Change feed: when a subject was last written (store clock), the write's unique token, and the subject that
     * stands for the whole catalogue ("anything may have changed"). */
    public static final IRI MODIFIED_AT = VF.createIRI(NS, "modifiedAt");
    public static final IRI WRITE_TOKEN = VF.createIRI(NS, "writeToken");
    public static final IRI CATALOGUE = VF.createIRI(NS, "catalogue");

    private Vocab() {
    }
}
