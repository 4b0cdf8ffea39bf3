package com.kggateway.ner.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EntityMetricsTest {

    @Test
    void matchesHandComputedScores() {
        EntityMetrics m = new EntityMetrics();
        // gold: type[0,2) product[2,3) addon[4,5)      predicted: type[0,1) product[2,3) addon[4,5) color[5,6)
        m.add(List.of("B-type", "I-type", "B-product", "O", "B-addon", "O"),
              List.of("B-type", "O", "B-product", "O", "B-addon", "B-color"));
        // gold: size[0,2)                               predicted: size[0,2)
        m.add(List.of("B-size", "I-size"), List.of("B-size", "I-size"));
        // TP = product, addon, size = 3; predicted = 5; gold = 4
        assertEquals(3, m.micro().truePositives);
        assertEquals(3.0 / 5, m.micro().precision(), 1e-12);
        assertEquals(3.0 / 4, m.micro().recall(), 1e-12);
        assertEquals(2 * 0.6 * 0.75 / 1.35, m.micro().f1(), 1e-12);
        assertEquals(0.0, m.perType().get("type").f1(), 1e-12);
        assertEquals(0.0, m.perType().get("color").precision(), 1e-12);
        assertEquals(1.0, m.perType().get("size").f1(), 1e-12);
    }
}
