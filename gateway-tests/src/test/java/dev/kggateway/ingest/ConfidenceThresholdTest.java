package dev.kggateway.ingest;

import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductVersion;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyLink;
import dev.kggateway.domain.PropertySource;
import dev.kggateway.ner.PropertyExtractor;
import dev.kggateway.store.ProductRepository;
import dev.kggateway.support.Gql;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static dev.kggateway.support.Fixture.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kg.ner.min-confidence} with the real model through DJL, on the embedded store and on Fuseki: set to 1.0 here, so nearly everything the model finds
 * is below it. Such links are not written by addProduct, addProducts or reenrichProducts; extractProperties still
 * lists them, marked; a vendor value the model agrees with is still marked as confirmed.
 */
public abstract class ConfidenceThresholdTest {

    static final Map<String, String> STRICT = Map.of("kg.ner.enabled", "true", "kg.ner.min-confidence", "1.0",
            "kg.sample.load-on-empty", "false");

    static final String[] TEXTS = {
            "General Purpose Couplings with valve, PMC Series, Acetal, 1/4 in. hose barb",
            "Amber borosilicate glass media bottles with screw cap, 500 mL, Pyrex",
            "Nitrile exam gloves, powder-free, blue, size M, 100 per box, Ansell" };

    @Inject
    PropertyExtractor extractor;

    @Inject
    ProductRepository products;

    static String key(Map<String, Object> p) {
        return p.get("type") + "=" + p.get("value");
    }

    List<Map<String, Object>> preview(String text) {
        return Gql.ok("query($t: String!) { extractProperties(text: $t) { type value confidence belowThreshold minConfidence } }",
                vars("t", text)).getList("data.extractProperties");
    }

    /** What the model finds at or above the threshold: the links ingest may write. */
    Set<String> kept(String text) {
        return preview(text).stream().filter(p -> !(Boolean) p.get("belowThreshold")).map(ConfidenceThresholdTest::key)
                .collect(Collectors.toSet());
    }

    Set<String> nerLinks(String id) {
        List<Map<String, Object>> props = Gql.ok("query($id: ID!) { product(id: $id) { properties(source: NER) { type value confidence } } }",
                vars("id", id)).getList("data.product.properties");
        props.forEach(p -> assertTrue(((Number) p.get("confidence")).doubleValue() >= 1.0, "written below threshold: " + p));
        return props.stream().map(ConfidenceThresholdTest::key).collect(Collectors.toSet());
    }

    @Test
    void extractPropertiesListsBelowThresholdPropertiesMarkedWithTheThresholdUsed() {
        int below = 0;
        for (String text : TEXTS) {
            for (Map<String, Object> p : preview(text)) {
                assertEquals(1.0, ((Number) p.get("minConfidence")).doubleValue(), 0.0, "the configured value wins");
                double confidence = ((Number) p.get("confidence")).doubleValue();
                assertEquals(confidence < 1.0, p.get("belowThreshold"), p.toString());
                below += (Boolean) p.get("belowThreshold") ? 1 : 0;
            }
        }
        assertTrue(below > 0, "a threshold of 1.0 leaves properties below it");
    }

    @Test
    void addProductAndAddProductsWriteOnlyLinksAtOrAboveTheThreshold() {
        Gql.ok("mutation($in: ProductInput!) { addProduct(input: $in) { id } }",
                vars("in", vars("id", "THR-1", "name", "Coupling", "description", TEXTS[0])));
        assertEquals(kept(TEXTS[0]), nerLinks("THR-1"));
        Gql.ok("mutation($in: [ProductInput!]!) { addProducts(inputs: $in) { added } }",
                vars("in", List.of(vars("id", "THR-2", "name", "Bottle", "description", TEXTS[1]),
                        vars("id", "THR-3", "name", "Gloves", "description", TEXTS[2]))));
        assertEquals(kept(TEXTS[1]), nerLinks("THR-2"));
        assertEquals(kept(TEXTS[2]), nerLinks("THR-3"));
    }

    @Test
    void aVendorValueTheModelAgreesWithIsMarkedEvenBelowTheThreshold() {
        Map<String, Object> below = preview(TEXTS[0]).stream().filter(p -> (Boolean) p.get("belowThreshold")).findFirst()
                .orElseThrow();
        Map<String, Object> product = Gql.ok("""
                mutation($in: ProductInput!) { addProduct(input: $in) { properties { type value source confidence modelVersion } } }""",
                vars("in", vars("id", "THR-V1", "name", "Coupling", "description", TEXTS[0],
                        "properties", List.of(vars("type", below.get("type"), "value", below.get("value"))))))
                .getList("data.addProduct.properties", Map.class).stream()
                .filter(p -> key(p).equals(key(below))).findFirst().orElseThrow();
        assertEquals("VENDOR", product.get("source"));
        assertNotNull(product.get("confidence"), "the model's agreement is kept on the vendor link");
        assertEquals(extractor.model().tag(), product.get("modelVersion"));
    }

    @Test
    void reenrichmentWritesOnlyLinksAtOrAboveTheThreshold() {
        String old = "kg-ner-lab@0.0.1-old";
        products.replaceAll(List.of(ProductVersion.of(new Product("THR-R1", "Coupling", TEXTS[0], null, null, null),
                List.of(PropertyLink.vendor("THR-R1", PropertyIds.node("brand", "cpc")),
                        new PropertyLink("THR-R1", PropertyIds.node("color", "stale-guess"), PropertySource.NER, 0.5,
                                old)), old)));
        Gql.ok("mutation { reenrichProducts(batchSize: 10) { products } }");
        Set<String> ner = nerLinks("THR-R1");
        assertEquals(kept(TEXTS[0]), ner);
        assertFalse(ner.contains("color=stale-guess"));
    }
}
