package dev.kggateway.ner.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PerTypeThresholdsTest {

    /** A one-word entity of a type with a confidence (the threshold tests' fixture; FixedTypeThresholdTest too). */
    static Entity e(String type, String value, double confidence) {
        return new Entity(type, 0, 1, 0, value.length(), value, confidence);
    }

    /**
     * Series is right at 0.6-0.8 and wrong only below 0.5; size is right at 0.99 and wrong at 0.9-0.95. One global
     * threshold at P >= 0.85 must go above 0.95 and drops every series link; per type keeps them.
     */
    private static ThresholdSweep sweep() {
        ThresholdSweep sweep = new ThresholdSweep(true);
        for (int i = 0; i < 10; i++) {
            sweep.add(List.of(e("series", "s" + i, 1), e("size", "z" + i, 1)),
                    List.of(e("series", "s" + i, 0.6 + i * 0.02), e("series", "bad" + i, 0.3 + i * 0.01),
                            e("size", "z" + i, 0.99), e("size", "wrong" + i, 0.9 + i * 0.005)));
        }
        return sweep;
    }

    @Test
    void perTypeThresholdsKeepTheRecallOneGlobalThresholdDrops() {
        ThresholdSweep sweep = sweep();
        double globalRecall = sweep.at(sweep.lowestThresholdFor(0.85, 0).orElseThrow().threshold()).micro().recall();
        assertEquals(0.5, globalRecall, 1e-9, "the global threshold keeps only the sizes");
        PerTypeThresholds.Choice choice = PerTypeThresholds.choose(sweep, 0.85, 0.8, 0.3, 5);
        assertTrue(choice.micro().precision() >= 0.85, choice.toString());
        assertEquals(1.0, choice.micro().recall(), 1e-9, "every right link is kept: " + choice);
        assertTrue(choice.of("series") <= 0.6, "series: " + choice.byType());
        assertTrue(choice.of("size") > 0.9 && choice.of("size") <= 0.99, "size: " + choice.byType());
        assertTrue(choice.perType().get("series").precision() >= 0.8, choice.toString());
        assertEquals(choice.micro().truePositives, sweep.at(choice::of).micro().truePositives);
    }

    @Test
    void typesWithTooLittleSupportKeepTheGlobalThreshold() {
        PerTypeThresholds.Choice choice = PerTypeThresholds.choose(sweep(), 0.85, 0.8, 0.3, 11);
        assertTrue(choice.byType().isEmpty());
        assertEquals(choice.global(), choice.of("series"), 0);
    }

    @Test
    void raisesTheTypeThatDropsMostWrongLinksUntilOverallPrecisionIsReached() {
        ThresholdSweep sweep = new ThresholdSweep(true);
        // per-type precision 0.8 is reached at the start, overall 0.85 is not: a further step is needed
        for (int i = 0; i < 10; i++) {
            sweep.add(List.of(e("brand", "b" + i, 1), e("type", "t" + i, 1)),
                    List.of(e("brand", "b" + i, 0.9 + i * 0.001), e("type", "t" + i, 0.5 + i * 0.01),
                            i < 2 ? e("brand", "x" + i, 0.8) : e("type", "y" + i, i < 4 ? 0.45 : 0.3)));
        }
        PerTypeThresholds.Choice choice = PerTypeThresholds.choose(sweep, 0.85, 0.8, 0.3, 5);
        assertTrue(choice.micro().precision() >= 0.85, choice.toString());
        assertEquals(1.0, choice.micro().recall(), 1e-9, choice.toString());
    }

    @Test
    void noTypeIsSwitchedOffToReachTheTarget() {
        ThresholdSweep sweep = new ThresholdSweep(true);
        // brand is right half of the time at every confidence: only dropping (nearly) all of it would reach 0.85
        for (int i = 0; i < 20; i++) {
            sweep.add(List.of(e("brand", "b" + i, 1)), List.of(e("brand", i % 2 == 0 ? "b" + i : "x" + i, 0.5 + i * 0.02)));
        }
        PerTypeThresholds.Choice choice = PerTypeThresholds.choose(sweep, 0.85, 0.8, 0.3, 5);
        assertTrue(choice.perType().get("brand").recall() >= 0.3, choice.toString());
        assertTrue(choice.micro().precision() < 0.85, "the target is reported as not reached: " + choice);
    }

    @Test
    void perTypeThresholdsRoundTripThroughTheManifest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "{\"name\":\"kg-ner-lab\",\"version\":\"2.7.0\"}");
        assertTrue(ModelManifest.read(dir).orElseThrow().minConfidenceByType().isEmpty());
        ModelManifest.updateCalibration(dir, Map.of("minConfidence", 0.97,
                "minConfidenceByType", Map.of("series", 0.61, "brand", 0.9)));
        ModelManifest m = ModelManifest.read(dir).orElseThrow();
        assertEquals(0.97, m.minConfidence().orElseThrow(), 0);
        assertEquals(Map.of("series", 0.61, "brand", 0.9), m.minConfidenceByType());
        assertFalse(m.minConfidenceByType().containsKey("size"));
    }

    @Test
    void aPerTypeThresholdOutsideZeroToOneIsRejected(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("manifest.json"),
                "{\"name\":\"n\",\"version\":\"1\",\"calibration\":{\"minConfidenceByType\":{\"brand\":1.5}}}");
        assertThrows(IllegalStateException.class, () -> ModelManifest.read(dir));
        Files.writeString(dir.resolve("manifest.json"),
                "{\"name\":\"n\",\"version\":\"1\",\"calibration\":{\"minConfidenceByType\":{\"brand\":\"high\"}}}");
        assertThrows(IllegalStateException.class, () -> ModelManifest.read(dir));
    }
}
