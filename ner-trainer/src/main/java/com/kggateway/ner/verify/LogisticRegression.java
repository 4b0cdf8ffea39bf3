package com.kggateway.ner.verify;

import java.util.List;

/**
 * L2-regularised logistic regression fitted by Newton's method on standardised features (the bias is not
 * penalised), returned in the original feature scale. Plain Java on purpose: the span verifier has ~80 features and a
 * few thousand examples, which a 20-line Newton loop fits exactly in milliseconds; Smile or Tribuo would bring tens of
 * megabytes of dependencies (and Tribuo protobuf) into the trainer for one dot product.
 */
public final class LogisticRegression {
    private static final int MAX_ITERATIONS = 100;

    /** Bias and weights in the original feature scale. */
    public record Fit(double bias, double[] weights) {
        public double probability(double[] x) {
            double z = bias;
            for (int i = 0; i < weights.length; i++) {
                z += weights[i] * x[i];
            }
            return 1 / (1 + Math.exp(-z));
        }
    }

    private LogisticRegression() {
    }

    /**
     * @param l2 penalty {@code l2 / 2 * |w|^2} on the standardised weights, added to the summed log-loss
     */
    public static Fit fit(List<double[]> x, int[] y, double l2) {
        int n = x.size();
        int d = x.get(0).length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.sqrt(scale[j]);
        }
        double[][] z = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            z[i][0] = 1;
            for (int j = 0; j < d; j++) {
                z[i][j + 1] = scale[j] > 1e-12 ? (x.get(i)[j] - mean[j]) / scale[j] : 0; // constant: weight stays 0
            }
        }
        double[] w = new double[d + 1];
        double loss = objective(z, y, w, l2);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] g = new double[d + 1];
            double[][] h = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(dot(w, z[i]));
                double r = p - y[i];
                double v = p * (1 - p);
                for (int a = 0; a <= d; a++) {
                    g[a] += r * z[i][a];
                    if (z[i][a] == 0) {
                        continue;
                    }
                    for (int b = 0; b <= a; b++) {
                        h[a][b] += v * z[i][a] * z[i][b];
                    }
                }
            }
            for (int a = 0; a <= d; a++) {
                for (int b = 0; b < a; b++) {
                    h[b][a] = h[a][b];
                }
                double penalty = a == 0 ? 1e-9 : l2;
                g[a] += a == 0 ? 0 : l2 * w[a];
                h[a][a] += penalty;
            }
            double[] step = Cholesky.solve(h, g);
            double t = 1;
            double[] next = new double[d + 1];
            double nextLoss;
            do { // damped Newton: halve the step until the objective does not grow
                for (int a = 0; a <= d; a++) {
                    next[a] = w[a] - t * step[a];
                }
                nextLoss = objective(z, y, next, l2);
                t /= 2;
            } while (nextLoss > loss + 1e-12 && t > 1e-6);
            double change = Math.abs(loss - nextLoss);
            w = next;
            loss = nextLoss;
            if (change < 1e-10 * Math.max(1, loss)) {
                break;
            }
        }
        double bias = w[0];
        double[] weights = new double[d];
        for (int j = 0; j < d; j++) {
            weights[j] = scale[j] > 1e-12 ? w[j + 1] / scale[j] : 0;
            bias -= weights[j] * mean[j];
        }
        return new Fit(bias, weights);
    }

    private static double objective(double[][] z, int[] y, double[] w, double l2) {
        double total = 0;
        for (int i = 0; i < z.length; i++) {
            double s = dot(w, z[i]);
            // log(1 + e^s) - y s, computed without overflow
            total += (s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s))) - y[i] * s;
        }
        for (int a = 1; a < w.length; a++) {
            total += l2 / 2 * w[a] * w[a];
        }
        return total;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double sigmoid(double s) {
        return 1 / (1 + Math.exp(-s));
    }

    /** Solves a symmetric positive-definite system. */
    static final class Cholesky {
        private Cholesky() {
        }

        static double[] solve(double[][] a, double[] b) {
            int n = b.length;
            double[][] l = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = a[i][j];
                    for (int k = 0; k < j; k++) {
                        s -= l[i][k] * l[j][k];
                    }
                    l[i][j] = i == j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j][j];
                }
            }
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double s = b[i];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * y[k];
                }
                y[i] = s / l[i][i];
            }
            double[] x = new double[n];
            for (int i = n - 1; i >= 0; i--) {
                double s = y[i];
                for (int k = i + 1; k < n; k++) {
                    s -= l[k][i] * x[k];
                }
                x[i] = s / l[i][i];
            }
            return x;
        }
    }
}
