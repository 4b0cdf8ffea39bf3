package dev.kggateway.ner;

import static dev.kggateway.support.Fixture.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.ner.contract.ModelManifest;
import dev.kggateway.ner.contract.SpanVerifier;
import dev.kggateway.support.Gql;
import dev.kggateway.support.ModelProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A model folder that ships a span verifier (MODEL_CONTRACT.md, {@code span-verifier.json}) through the real model
 * and extractProperties: each property's confidence is the verifier's probability, and the manifest's minimum
 * confidence applies to it. The verifier here weighs only features the test can recompute from the answer (type and
 * number of words), so the expected probability is exact. The shipped folder has no verifier (NerEnrichmentTest).
 */
@QuarkusTest
@TestProfile(SpanVerifierFolderTest.VerifierModel.class)
class SpanVerifierFolderTest {
    static final double BIAS = -1.0;
    static final Map<String, Double> WEIGHTS = Map.of("type=product", 2.5, "length1", 0.5, "length2", 1.0,
            "type=size", 1.5);
    static final double MIN_CONFIDENCE = 0.6;

    /** The shipped folder's files, a verifier with {@link #WEIGHTS} and a manifest threshold of 0.6. */
    public static class VerifierModel extends ModelProfile {
        @Override
        protected Map<String, String> extraOverrides() {
            try {
                Path dir = Files.createTempDirectory("verifier-model");
                try (Stream<Path> files = Files.list(SeedStyleModelFolderTest.SHIPPED)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        Files.copy(f, dir.resolve(f.getFileName()));
                    }
                }
                Files.createDirectories(dir.resolve("variables"));
                try (Stream<Path> vars = Files.list(SeedStyleModelFolderTest.SHIPPED.resolve("variables"))) {
                    for (Path f : vars.toList()) {
                        Files.copy(f, dir.resolve("variables").resolve(f.getFileName()));
                    }
                }
                new SpanVerifier(BIAS, WEIGHTS).write(dir, Map.of("fittedOn", "SpanVerifierFolderTest"));
                ModelManifest.updateCalibration(dir, Map.of("minConfidence", MIN_CONFIDENCE,
                        "minConfidenceByType", Map.of()));
                return Map.of("kg.ner.model-path", dir.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static double expected(String type, String value) {
        int words = value.split(" ").length;
        double z = BIAS + WEIGHTS.getOrDefault("type=" + type, 0.0)
                + (words == 1 ? WEIGHTS.get("length1") : words == 2 ? WEIGHTS.get("length2") : 0);
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void confidenceIsTheVerifiersProbabilityAndTheThresholdAppliesToIt() {
        List<Map<String, Object>> found = Gql.ok("query($t: String!) { extractProperties(text: $t) "
                + "{ type value confidence belowThreshold minConfidence } }",
                vars("t", "Amber borosilicate glass media bottles with screw cap, 500 mL")).getList("data.extractProperties");
        assertTrue(found.size() >= 3, found.toString());
        boolean someBelow = false;
        boolean someKept = false;
        for (Map<String, Object> p : found) {
            double confidence = ((Number) p.get("confidence")).doubleValue();
            assertEquals(expected((String) p.get("type"), (String) p.get("value")), confidence, 1e-9, p.toString());
            assertEquals(MIN_CONFIDENCE, ((Number) p.get("minConfidence")).doubleValue(), 1e-12);
            assertEquals(confidence < MIN_CONFIDENCE, p.get("belowThreshold"), p.toString());
            someBelow |= (Boolean) p.get("belowThreshold");
            someKept |= !(Boolean) p.get("belowThreshold");
        }
        assertTrue(someKept, "products and sizes pass 0.6: " + found);
        assertTrue(someBelow || found.stream().allMatch(p -> List.of("product", "size").contains(p.get("type"))),
                "other types stay below: " + found);
        assertFalse(found.stream().anyMatch(p -> ((Number) p.get("confidence")).doubleValue() >= 1.0));
    }
}
