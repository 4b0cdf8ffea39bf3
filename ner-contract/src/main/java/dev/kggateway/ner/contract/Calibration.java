package dev.kggateway.ner.contract;

import java.util.List;

/**
 * Temperature scaling (Guo et al. 2017) on the model's per-word probability vectors: {@code softmax(log p / T)}.
 * The model exports probabilities, not logits; {@code log p} equals the logits up to a per-row constant, which
 * softmax ignores, so this is exactly logit temperature scaling. T &gt; 1 softens over-confident outputs; the
 * arg-max (hence the tags) never changes. T is fitted on validation words by minimising the negative
 * log-likelihood of their gold tags and stored in {@code config.json} ({@code "temperature"}, 1 when absent).
 */
public final class Calibration {
    /** Probabilities are clamped here before the log: float softmax outputs can underflow to 0. */
    static final double FLOOR = 1e-12;

    private Calibration() {
    }

    /** Calibrated distribution of one row {@code probs[offset, offset + n)}. */
    public static double[] apply(float[] probs, int offset, int n, double temperature) {
        double[] out = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            out[k] = Math.log(Math.max(FLOOR, probs[offset + k])) / temperature;
            max = Math.max(max, out[k]);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            out[k] = Math.exp(out[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < n; k++) {
            out[k] /= sum;
        }
        return out;
    }

    public static double[] apply(double[] probs, double temperature) {
        float[] f = new float[probs.length];
        for (int k = 0; k < probs.length; k++) {
            f[k] = (float) probs[k];
        }
        return apply(f, 0, f.length, temperature);
    }

    /** Index of the largest entry of a row. */
    public static int argmax(float[] probs, int offset, int n) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (probs[offset + k] > probs[offset + best]) {
                best = k;
            }
        }
        return best;
    }

    /** Mean negative log-likelihood of the gold tags under temperature T. */
    public static double nll(List<float[]> probs, int[] gold, double temperature) {
        double total = 0;
        for (int i = 0; i < gold.length; i++) {
            float[] p = probs.get(i);
            double[] q = apply(p, 0, p.length, temperature);
            total -= Math.log(Math.max(FLOOR, q[gold[i]]));
        }
        return gold.length == 0 ? 0 : total / gold.length;
    }

    /**
     * T minimising the NLL: a coarse log-spaced grid over [0.05, 20], then golden-section search around the best
     * grid point (NLL is unimodal in log T for practical purposes). Returns 1 when there is nothing to fit.
     */
    public static double fitTemperature(List<float[]> probs, int[] gold) {
        if (gold.length == 0) {
            return 1.0;
        }
        double lo = Math.log(0.05);
        double hi = Math.log(20);
        int steps = 24;
        double best = 0;
        double bestNll = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= steps; i++) {
            double x = lo + (hi - lo) * i / steps;
            double v = nll(probs, gold, Math.exp(x));
            if (v < bestNll) {
                bestNll = v;
                best = x;
            }
        }
        double step = (hi - lo) / steps;
        double a = Math.max(lo, best - step);
        double b = Math.min(hi, best + step);
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double fc = nll(probs, gold, Math.exp(c));
        double fd = nll(probs, gold, Math.exp(d));
        for (int i = 0; i < 30; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - g * (b - a);
                fc = nll(probs, gold, Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + g * (b - a);
                fd = nll(probs, gold, Math.exp(d));
            }
        }
        return Math.exp((a + b) / 2);
    }
}
