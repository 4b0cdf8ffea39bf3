package dev.kggateway.ner;

/** Some exports (seed-style Keras models) end in logits rather than probabilities; normalise those. */
final class Softmax {

    private Softmax() {
    }

    static float[] ensureProbabilities(float[] values, int classes) {
        for (int row = 0; row < values.length; row += classes) {
            double sum = 0;
            boolean nonNegative = true;
            for (int k = 0; k < classes; k++) {
                sum += values[row + k];
                nonNegative &= values[row + k] >= 0;
            }
            if (nonNegative && Math.abs(sum - 1.0) < 1e-3) {
                continue;
            }
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, values[row + k]);
            }
            double total = 0;
            for (int k = 0; k < classes; k++) {
                total += Math.exp(values[row + k] - max);
            }
            for (int k = 0; k < classes; k++) {
                values[row + k] = (float) (Math.exp(values[row + k] - max) / total);
            }
        }
        return values;
    }
}
