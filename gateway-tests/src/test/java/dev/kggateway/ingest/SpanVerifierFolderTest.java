package dev.kggateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.kggateway.api.types.PreviewedProperty;
import dev.kggateway.config.KgConfig;
import dev.kggateway.ner.DjlPropertyExtractor;
import dev.kggateway.ner.ExtractedProperty;
import dev.kggateway.ner.ModelLocator;
import dev.kggateway.ner.contract.ModelManifest;
import dev.kggateway.ner.contract.SpanVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A model folder that ships a span verifier (MODEL_CONTRACT.md, {@code span-verifier.json}) through the gateway's
 * real extractor (the shipped model through DJL, the folder's verifier) and the threshold extractProperties applies:
 * each property's confidence is the verifier's probability, and the manifest's minimum confidence applies to it. The
 * verifier here weighs only features the test can recompute from the answer (type and number of words), so the
 * expected probability is exact. The shipped folder has no verifier (NerEnrichmentTest). A plain JUnit test, not a
 * @QuarkusTest: only the configuration is stubbed, and no extra application starts for it. Not in the fast unit tier
 * (*UnitTest): loading TensorFlow and the model in that tier's fresh JVM took 13.5 s of a quiet run's critical path
 * (most of the tier); in the @QuarkusTest JVM, where plain classes run last, the engine is already loaded
 * (parent-first, %test.quarkus.class-loading) and the JIT warm.
 */
class SpanVerifierFolderTest {
    static final Path SHIPPED = Path.of("../model/ner"); // tests run in gateway-tests/; the shipped model sits at the root
    static final double BIAS = -1.0;
    static final Map<String, Double> WEIGHTS = Map.of("type=product", 2.5, "length1", 0.5, "length2", 1.0,
            "type=size", 1.5);
    static final double MIN_CONFIDENCE = 0.6;

    /** Not closed: the model's native memory goes with the test JVM (close() is the container's). */
    static DjlPropertyExtractor extractor;
    static EnrichmentThreshold threshold;

    /** The shipped folder's files, a verifier with {@link #WEIGHTS} and a manifest threshold of 0.6. */
    static Path verifierFolder() throws IOException {
        Path dir = Files.createTempDirectory("verifier-model");
        try (Stream<Path> files = Files.list(SHIPPED)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Files.createDirectories(dir.resolve("variables"));
        try (Stream<Path> vars = Files.list(SHIPPED.resolve("variables"))) {
            for (Path f : vars.toList()) {
                Files.copy(f, dir.resolve("variables").resolve(f.getFileName()));
            }
        }
        new SpanVerifier(BIAS, WEIGHTS).write(dir, Map.of("fittedOn", "SpanVerifierFolderTest"));
        ModelManifest.updateCalibration(dir, Map.of("minConfidence", MIN_CONFIDENCE, "minConfidenceByType", Map.of()));
        return dir;
    }

    @BeforeAll
    static void load() throws IOException {
        KgConfig config = mock(KgConfig.class, RETURNS_DEEP_STUBS);
        when(config.ner().modelPath()).thenReturn(verifierFolder().toString());
        when(config.ner().tensorflowLibraryPath()).thenReturn("target/tensorflow-natives"); // as %test
        when(config.ner().batchSize()).thenReturn(64); // KgConfig's defaults
        when(config.ner().windowPieces()).thenReturn(40);
        when(config.ner().predictors()).thenReturn(1);
        when(config.ner().minConfidence()).thenReturn(Optional.empty());
        when(config.ner().minConfidenceByType()).thenReturn(Map.of());
        extractor = new DjlPropertyExtractor(config, new ModelLocator(Path.of("target"), () -> {
            throw new AssertionError("a local folder needs no S3");
        }));
        threshold = new EnrichmentThreshold();
        threshold.config = config;
    }

    static double expected(String type, String value) {
        int words = value.split(" ").length;
        double z = BIAS + WEIGHTS.getOrDefault("type=" + type, 0.0)
                + (words == 1 ? WEIGHTS.get("length1") : words == 2 ? WEIGHTS.get("length2") : 0);
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void confidenceIsTheVerifiersProbabilityAndTheThresholdAppliesToIt() {
        EnrichmentThreshold.Threshold inEffect = threshold.of(extractor.model());
        assertEquals("model", inEffect.source());
        List<ExtractedProperty> found = extractor.extract(
                List.of("Amber borosilicate glass media bottles with screw cap, 500 mL")).get(0);
        assertTrue(found.size() >= 3, found.toString());
        boolean someBelow = false;
        boolean someKept = false;
        for (ExtractedProperty e : found) {
            PreviewedProperty p = PreviewedProperty.of(e, inEffect); // what extractProperties answers
            assertEquals(expected(p.type, p.value), p.confidence, 1e-9, e.toString());
            assertEquals(MIN_CONFIDENCE, p.minConfidence, 1e-12);
            assertEquals(p.confidence < MIN_CONFIDENCE, p.belowThreshold, e.toString());
            someBelow |= p.belowThreshold;
            someKept |= !p.belowThreshold;
        }
        assertTrue(someKept, "products and sizes pass 0.6: " + found);
        assertTrue(someBelow || found.stream().allMatch(p -> List.of("product", "size").contains(p.type())),
                "other types stay below: " + found);
        assertFalse(found.stream().anyMatch(p -> p.confidence() >= 1.0));
    }
}
