package com.kggateway.ner.cli;

import dev.kggateway.ner.contract.Entity;
import dev.kggateway.ner.contract.ThresholdSweep;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recorded minimum confidence never lets through links the chosen (exact) threshold drops. */
class EvaluateThresholdRoundingTest {

    private static Entity e(String value, double confidence) {
        return new Entity("product", 0, 1, 0, value.length(), value, confidence);
    }

    private static ThresholdSweep sweep(List<String> gold, Object... predictions) {
        ThresholdSweep sweep = new ThresholdSweep(true);
        List<Entity> predicted = new ArrayList<>();
        for (int i = 0; i < predictions.length; i += 2) {
            predicted.add(e((String) predictions[i], (Double) predictions[i + 1]));
        }
        sweep.add(gold.stream().map(v -> e(v, 1.0)).toList(), predicted);
        return sweep;
    }

    @Test
    void roundsUpWhenTheRoundFigureKeepsTheTarget() {
        // a wrong link just above the 4-decimal floor: flooring 0.99583 to 0.9958 would let it through
        ThresholdSweep s = sweep(List.of("a", "b", "c"), "x", 0.99581, "a", 0.99583, "b", 0.997, "c", 0.998);
        assertEquals(1.0, s.at(0.99583).micro().precision(), 1e-9);
        assertTrue(s.at(0.9958).micro().precision() < 1.0, "the floored value lets the wrong link through");
        double recorded = EvaluateCommand.recordedThreshold(s, 0.99583, 1.0, 0.3);
        assertEquals(0.9959, recorded, 0.0);
        assertEquals(1.0, s.at(recorded).micro().precision(), 1e-9);
    }

    @Test
    void keepsTheExactValueWhenRoundingUpLosesThePrecisionTarget() {
        // at 0.9959 a right link (0.99585) is dropped while a wrong one (0.9959) stays: precision 0.75 -> 0.5
        ThresholdSweep s = sweep(List.of("a", "b", "c", "d"), "a", 0.99583, "b", 0.99585, "w", 0.9959, "c", 0.999);
        assertEquals(0.75, s.at(0.99583).micro().precision(), 1e-9);
        assertEquals(0.99583, EvaluateCommand.recordedThreshold(s, 0.99583, 0.75, 0.3), 0.0);
    }

    @Test
    void keepsTheExactValueWhenRoundingUpLosesTheMinimumRecall() {
        ThresholdSweep s = sweep(List.of("a", "b", "c", "d"), "a", 0.99583, "b", 0.999);
        assertEquals(0.5, s.at(0.99583).micro().recall(), 1e-9);
        assertEquals(0.99583, EvaluateCommand.recordedThreshold(s, 0.99583, 1.0, 0.4), 0.0);
    }

    @Test
    void aFourDecimalThresholdStaysAsItIs() {
        ThresholdSweep s = sweep(List.of("a"), "a", 0.9958);
        assertEquals(0.9958, EvaluateCommand.recordedThreshold(s, 0.9958, 0.85, 0.3), 0.0);
        assertEquals(0.5, EvaluateCommand.recordedThreshold(s, 0.5, null, 0.0), 0.0);
    }
}
