package dev.kggateway.ner.contract;

import static dev.kggateway.ner.contract.PerTypeThresholdsTest.e;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The global threshold chosen while some types are held at thresholds chosen elsewhere (evaluate
 * --choose-min-confidence with --type-min-confidence): the held type's own threshold must decide which of its links
 * count in the micro precision the global threshold is chosen for.
 */
class FixedTypeThresholdTest {

    /**
     * Ten lines, each with one size and one series gold value. Size: right at 0.9, wrong at 0.60 + 0.01 i. Series:
     * right at 0.95, wrong at 0.3.
     */
    private static ThresholdSweep sweep() {
        ThresholdSweep sweep = new ThresholdSweep(true);
        for (int i = 0; i < 10; i++) {
            sweep.add(List.of(e("series", "s" + i, 1), e("size", "z" + i, 1)),
                    List.of(e("series", "s" + i, 0.95), e("series", "bad" + i, 0.3),
                            e("size", "z" + i, 0.9), e("size", "wrong" + i, 0.6 + i * 0.01)));
        }
        return sweep;
    }

    @Test
    void theHeldTypesThresholdDecidesTheGlobalChoice() {
        ThresholdSweep sweep = sweep();
        // no type held: at 0.65 the kept links are 20 right and 5 wrong sizes (0.65..0.69): precision 0.8
        assertEquals(0.65, sweep.lowestThresholdFor(0.8, 0).orElseThrow().threshold(), 1e-9);
        // series held at 0.5 (its wrong links at 0.3 dropped whatever the global): the same 0.65
        assertEquals(0.65, sweep.lowestThresholdFor(0.8, 0, Map.of("series", 0.5)).orElseThrow().threshold(), 1e-9);
        // series held at 0: its 10 wrong links stay in, 20 right of 30 at best, so no global threshold reaches 0.8
        assertTrue(sweep.lowestThresholdFor(0.8, 0, Map.of("series", 0.0)).isEmpty(),
                "the held series threshold 0 was ignored");
        // series held above all its links: only 10 sizes can be right, at most 2 wrong: the global rises to 0.68
        ThresholdSweep.Row off = sweep.lowestThresholdFor(0.8, 0, Map.of("series", 0.96)).orElseThrow();
        assertEquals(0.68, off.threshold(), 1e-9, "the held series threshold 0.96 was ignored");
        assertEquals(10.0 / 12, off.precision(), 1e-9);
        assertEquals(0.5, off.recall(), 1e-9);
    }

    @Test
    void theFallbacksAndFiguresUseTheHeldThresholdToo() {
        ThresholdSweep sweep = sweep();
        Map<String, Double> held = Map.of("series", 0.0);
        // best precision with series at 0: above every wrong size, 20 right of 30
        ThresholdSweep.Row best = sweep.highestPrecisionWithRecall(0.3, held).orElseThrow();
        assertEquals(2.0 / 3, best.precision(), 1e-9);
        assertEquals(0.9, best.threshold(), 1e-9, "the lowest threshold above every wrong size (the next confidence)");
        EntityMetrics at = sweep.at(0.9, held);
        assertEquals(30, at.micro().predicted, "20 series (held at 0) and 10 sizes (at the global 0.9)");
        assertEquals(20, at.micro().truePositives);
        assertEquals(20, at.perType().get("series").predicted, "series kept at 0, not at the global 0.9");
        // the held type's sweep alone: right at 0.95, wrong at 0.3
        List<EntityMetrics.Counts> series = sweep.typeCounts("series", new double[] {0, 0.5, 0.96});
        assertEquals(0.5, series.get(0).precision(), 1e-9);
        assertEquals(1.0, series.get(1).precision(), 1e-9);
        assertEquals(1.0, series.get(1).recall(), 1e-9);
        assertEquals(0, series.get(2).predicted);
        assertTrue(sweep.typeMarkdown("series", new double[] {0.5}).contains("| 0.500 | 1.0000 | 1.0000 | 1.0000 | 10 | 10 | 10 |"));
    }
}
