package com.kggateway.ner.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    /** Data drawn from a known logistic model: P(y=1) = sigmoid(0.5 + 2 x0 - 1 x1), x2 irrelevant, x3 constant. */
    private static List<double[]> x = new ArrayList<>();
    private static int[] y;

    static {
        Random r = new Random(3);
        int n = 20000;
        y = new int[n];
        for (int i = 0; i < n; i++) {
            double[] row = {r.nextGaussian(), 3 * r.nextGaussian() + 5, r.nextGaussian(), 1.0};
            x.add(row);
            y[i] = r.nextDouble() < LogisticRegression.sigmoid(0.5 + 2 * row[0] - row[1] + 5) ? 1 : 0;
        }
    }

    @Test
    void recoversTheGeneratingWeightsInTheOriginalScale() {
        LogisticRegression.Fit fit = LogisticRegression.fit(x, y, 1e-3);
        assertEquals(2.0, fit.weights()[0], 0.12);
        assertEquals(-1.0, fit.weights()[1], 0.06);
        assertEquals(0.0, fit.weights()[2], 0.08);
        assertEquals(0.0, fit.weights()[3], 0.0, "a constant feature keeps weight 0");
        assertEquals(5.5, fit.bias(), 0.35);
        double[] probe = {0.3, 4.0, 0.0, 1.0};
        assertEquals(LogisticRegression.sigmoid(0.5 + 0.6 - 4.0 + 5), fit.probability(probe), 0.03);
    }

    @Test
    void strongRegularisationShrinksTowardsTheBaseRate() {
        LogisticRegression.Fit loose = LogisticRegression.fit(x, y, 1e-3);
        LogisticRegression.Fit tight = LogisticRegression.fit(x, y, 1e7);
        assertTrue(Math.abs(tight.weights()[0]) < 0.05 * Math.abs(loose.weights()[0]), "" + tight.weights()[0]);
        double rate = java.util.Arrays.stream(y).average().orElseThrow();
        assertEquals(rate, tight.probability(new double[] {0, 5, 0, 1}), 0.02, "bias alone: the base rate");
    }

    @Test
    void separableDataStaysFinite() {
        List<double[]> xs = List.of(new double[] {-2}, new double[] {-1}, new double[] {1}, new double[] {2});
        LogisticRegression.Fit fit = LogisticRegression.fit(xs, new int[] {0, 0, 1, 1}, 0.01);
        assertTrue(Double.isFinite(fit.weights()[0]) && fit.weights()[0] > 0);
        assertTrue(fit.probability(new double[] {2}) > 0.9 && fit.probability(new double[] {-2}) < 0.1);
    }
}
