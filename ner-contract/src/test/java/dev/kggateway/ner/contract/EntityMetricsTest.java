package dev.kggateway.ner.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityMetricsTest {

    static List<Entity> entities(String text, List<String> tags, double... p) {
        return BioDecoder.entities(text, Words.split(text), tags, p.length == 0 ? null : p);
    }

    @Test
    void spanAndValueMatchersAgreeOnWholeSpansAndDifferOnPosition() {
        String text = "tubes 50 mL tubes";
        List<Entity> gold = entities(text, List.of("B-product", "B-size", "I-size", "O"));
        List<Entity> pred = entities(text, List.of("O", "B-size", "O", "B-product"));
        EntityMetrics spans = new EntityMetrics();
        spans.addSpans(gold, pred);
        assertEquals(0, spans.micro().truePositives);
        EntityMetrics values = new EntityMetrics();
        values.addValues(gold, pred);
        assertEquals(1, values.micro().truePositives, "product 'tubes' matches by value at another position");
        assertEquals(0.5, values.micro().precision(), 1e-9);
        assertEquals(0.5, values.micro().recall(), 1e-9);
        assertEquals(1.0, values.perType().get("product").f1(), 1e-9);
    }

    @Test
    void valueMatchingIsAMultiset() {
        EntityMetrics m = new EntityMetrics();
        m.addTypedValues(List.of(new Entity.TypedValue("size", "50 ml")),
                List.of(new Entity.TypedValue("size", "50 ml"), new Entity.TypedValue("size", "50 ml")));
        assertEquals(1, m.micro().truePositives);
        assertEquals(2, m.micro().predicted);
        assertTrue(m.markdown().contains("| size |"));
    }

    @Test
    void sweepFindsTheLowestThresholdForAPrecisionTarget() {
        String text = "a b c d";
        List<Entity> gold = entities(text, List.of("B-size", "B-size", "B-size", "O"));
        List<Entity> pred = entities(text, List.of("B-size", "B-size", "O", "B-size"), 0.9, 0.6, 0.1, 0.7);
        ThresholdSweep sweep = new ThresholdSweep(false);
        sweep.add(gold, pred);
        assertEquals(2.0 / 3, sweep.at(0).micro().precision(), 1e-9);
        ThresholdSweep.Row row = sweep.lowestThresholdFor(0.99).orElseThrow();
        assertEquals(0.9, row.threshold(), 1e-9);
        assertEquals(2.0 / 3, sweep.lowestThresholdFor(0.6).orElseThrow().precision(), 1e-9);
        assertEquals(0.6, sweep.bestF1().orElseThrow().threshold(), 1e-9, "F1 2/3 at 0.6 beats 0.4 at 0.7 and 0.5 at 0.9");
        assertEquals(0.5, sweep.separation(), 1e-9, "right: 0.9, 0.6; wrong: 0.7 → one of two pairs ordered");
    }
}
