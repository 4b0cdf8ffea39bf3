package dev.kggateway.ner.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void temperatureOneIsIdentityAndLargerTSoftens() {
        float[] p = {0.7f, 0.2f, 0.1f};
        assertArrayEquals(new double[] {0.7, 0.2, 0.1}, Calibration.apply(p, 0, 3, 1.0), 1e-6);
        double[] soft = Calibration.apply(p, 0, 3, 2.0);
        // softmax(log p / 2) = sqrt(p) / sum sqrt(p)
        double z = Math.sqrt(0.7) + Math.sqrt(0.2) + Math.sqrt(0.1);
        assertEquals(Math.sqrt(0.7) / z, soft[0], 1e-6);
        assertEquals(1.0, soft[0] + soft[1] + soft[2], 1e-9);
        assertEquals(0, Calibration.argmax(p, 0, 3));
    }

    @Test
    void zeroProbabilitiesDoNotBreakTheLog() {
        double[] q = Calibration.apply(new float[] {1f, 0f, 0f}, 0, 3, 3.0);
        assertTrue(q[0] > 0.99 && q[1] > 0);
    }

    /**
     * Over-confident predictions: the model says 0.99 but is right only 80 % of the time. The fitted T must soften
     * (T > 1) until the confidence of the top tag is close to 0.8, and must lower the NLL.
     */
    @Test
    void fitsTheTemperatureOfOverConfidentPredictions() {
        Random random = new Random(1);
        List<float[]> probs = new ArrayList<>();
        int n = 4000;
        int[] gold = new int[n];
        for (int i = 0; i < n; i++) {
            probs.add(new float[] {0.99f, 0.005f, 0.005f});
            gold[i] = random.nextDouble() < 0.8 ? 0 : 1 + random.nextInt(2);
        }
        double t = Calibration.fitTemperature(probs, gold);
        assertTrue(t > 1.5, "T = " + t);
        assertEquals(0.8, Calibration.apply(probs.get(0), 0, 3, t)[0], 0.01);
        assertTrue(Calibration.nll(probs, gold, t) < Calibration.nll(probs, gold, 1.0));
    }

    @Test
    void wellCalibratedPredictionsKeepTemperatureNearOne() {
        Random random = new Random(2);
        List<float[]> probs = new ArrayList<>();
        int n = 6000;
        int[] gold = new int[n];
        for (int i = 0; i < n; i++) {
            float top = 0.5f + 0.5f * random.nextFloat();
            probs.add(new float[] {top, 1 - top});
            gold[i] = random.nextDouble() < top ? 0 : 1;
        }
        assertEquals(1.0, Calibration.fitTemperature(probs, gold), 0.15);
    }
}
