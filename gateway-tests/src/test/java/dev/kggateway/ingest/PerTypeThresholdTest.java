package dev.kggateway.ingest;

import static dev.kggateway.support.Fixture.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.support.Gql;
import dev.kggateway.support.ModelProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kg.ner.min-confidence-by-type} with the real model through DJL on the embedded store: every type at 0 except
 * size at 1.0, so the model's sizes (calibrated confidence below 1) are listed by extractProperties, marked, with
 * their own threshold, and addProduct writes every other link but no size below 1.0.
 */
@QuarkusTest
@TestProfile(ModelProfile.class)
class PerTypeThresholdTest {

    /**
     * Threshold 0 for every type but size (1.0), in the model profile's application (the real model, an embedded
     * store), through {@link ThresholdKeys}: no application of its own.
     */
    @BeforeEach
    void sizeOnlyThreshold() {
        ThresholdKeys.install(Map.of("kg.ner.min-confidence", "0",
                "kg.ner.min-confidence-by-type.size", "1.0"));
    }

    static final String TEXT = "Amber borosilicate glass media bottles with screw cap, 500 mL, Pyrex, pack of 10";

    @Test
    void theSizeThresholdAppliesToSizesOnly() {
        List<Map<String, Object>> found = Gql.ok(
                "query($t: String!) { extractProperties(text: $t) { type value confidence belowThreshold minConfidence } }",
                vars("t", TEXT)).getList("data.extractProperties");
        List<Map<String, Object>> sizes = found.stream().filter(p -> "size".equals(p.get("type"))).toList();
        assertFalse(sizes.isEmpty(), "the model finds the size: " + found);
        assertTrue(found.size() > sizes.size(), "and other types: " + found);
        for (Map<String, Object> p : found) {
            double min = "size".equals(p.get("type")) ? 1.0 : 0.0;
            assertEquals(min, ((Number) p.get("minConfidence")).doubleValue(), 0.0, p.toString());
            assertEquals(((Number) p.get("confidence")).doubleValue() < min, p.get("belowThreshold"), p.toString());
        }
        assertTrue(sizes.stream().anyMatch(p -> (Boolean) p.get("belowThreshold")), "a size below 1.0: " + sizes);

        Gql.ok("mutation($in: ProductInput!) { addProduct(input: $in) { id } }",
                vars("in", vars("id", "PTT-1", "name", "Bottle", "description", TEXT)));
        Set<String> written = Gql.ok("{ product(id: \"PTT-1\") { properties(source: NER) { type value } } }")
                .getList("data.product.properties", Map.class).stream()
                .map(p -> p.get("type") + "=" + p.get("value")).collect(Collectors.toSet());
        Set<String> kept = found.stream().filter(p -> !(Boolean) p.get("belowThreshold"))
                .map(p -> p.get("type") + "=" + p.get("value")).collect(Collectors.toSet());
        assertEquals(kept, written);
        assertTrue(written.stream().noneMatch(k -> k.startsWith("size=")), written.toString());
    }
}
