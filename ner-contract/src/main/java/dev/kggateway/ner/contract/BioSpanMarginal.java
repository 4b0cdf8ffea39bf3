package dev.kggateway.ner.contract;

import java.util.Arrays;

/**
 * The posterior probability of an entity span under the model {@link BioViterbi} decodes with: independent calibrated
 * per-word tag distributions, restricted to BIO-valid sequences ({@code I-X} only after {@code B-X} or {@code I-X},
 * never first) and renormalised over them. The marginal of span {@code (X, [i, j))} is the mass of valid sequences
 * with {@code B-X} at i, {@code I-X} at i+1..j-1 and no {@code I-X} at j (or j = n), over the mass of all valid
 * sequences. Unlike the mean of the chosen tags' probabilities it sees the boundaries: a next word that is likely
 * {@code I-X} (the span should be longer) or a first word that is likely {@code I-X} of a span before it lowers it.
 *
 * <p>Scaled forward–backward (each forward row normalised to 1, its scale kept as a log), so long texts neither
 * underflow nor need log-sum-exp. Zero probabilities get {@link BioViterbi}'s floor, a word without pieces is forced
 * {@code O}, as in the decoder.
 */
public final class BioSpanMarginal {

    private final TagSet tags;
    private final double[][] emit;
    /** Forward mass of valid prefixes ending at w with tag t, normalised per word. */
    private final double[][] alpha;
    /** Backward mass of valid suffixes after w given tag t at w, with the same scales as {@link #alpha}. */
    private final double[][] beta;
    /** log of the normaliser of {@link #alpha}'s row w. */
    private final double[] logScale;
    /** The tag set's BIO constraint ({@link BioViterbi#beginOf}). */
    private final int[] beginOf;

    private BioSpanMarginal(TagSet tags, double[][] emit, double[][] alpha, double[][] beta, double[] logScale,
            int[] beginOf) {
        this.tags = tags;
        this.emit = emit;
        this.alpha = alpha;
        this.beta = beta;
        this.logScale = logScale;
        this.beginOf = beginOf;
    }

    /**
     * @param probs per word the calibrated probability of each tag (in {@code tags}' order), or null for a word the
     *        model did not see (forced {@link TagSet#outsideId()})
     */
    public static BioSpanMarginal of(double[][] probs, TagSet tags) {
        int n = probs.length;
        int k = tags.size();
        int[] beginOf = BioViterbi.beginOf(tags);
        double[][] emit = new double[n][k];
        for (int w = 0; w < n; w++) {
            for (int t = 0; t < k; t++) {
                emit[w][t] = probs[w] == null ? (t == tags.outsideId() ? 1 : 0)
                        : probs[w][t] > 0 ? probs[w][t] : BioViterbi.MIN_PROBABILITY;
            }
        }
        double[][] alpha = new double[n][k];
        double[] logScale = new double[n];
        for (int w = 0; w < n; w++) {
            double sum = 0;
            for (int t = 0; t < k; t++) {
                double in;
                if (w == 0) {
                    in = beginOf[t] == BioViterbi.UNCONSTRAINED ? 1 : 0;
                } else {
                    in = 0;
                    for (int p = 0; p < k; p++) {
                        if (BioViterbi.allowed(beginOf, p, t)) {
                            in += alpha[w - 1][p];
                        }
                    }
                }
                alpha[w][t] = in * emit[w][t];
                sum += alpha[w][t];
            }
            // sum > 0: O (or a non-BIO tag) is allowed anywhere and has at least the floor
            for (int t = 0; t < k; t++) {
                alpha[w][t] /= sum;
            }
            logScale[w] = Math.log(sum);
        }
        double[][] beta = new double[n][k];
        if (n > 0) {
            Arrays.fill(beta[n - 1], 1);
        }
        for (int w = n - 2; w >= 0; w--) {
            double scale = Math.exp(logScale[w + 1]);
            for (int t = 0; t < k; t++) {
                double out = 0;
                for (int x = 0; x < k; x++) {
                    if (BioViterbi.allowed(beginOf, t, x)) {
                        out += emit[w + 1][x] * beta[w + 1][x];
                    }
                }
                beta[w][t] = out / scale;
            }
        }
        return new BioSpanMarginal(tags, emit, alpha, beta, logScale, beginOf);
    }

    /**
     * P(B-type at {@code from}, I-type at from+1..to-1, no I-type at {@code to}) among valid sequences; 0 when the tag
     * set has no B-/I- tag of that type.
     */
    public double of(String type, int from, int to) {
        int n = emit.length;
        if (from < 0 || to > n || from >= to) {
            throw new IllegalArgumentException("span [" + from + ", " + to + ") of " + n + " words");
        }
        String b = "B-" + type;
        String i = "I-" + type;
        if (!tags.contains(b) || to - from > 1 && !tags.contains(i)) {
            return 0;
        }
        int bId = tags.id(b);
        // Prefix mass up to from-1 is C(from-1) = exp(sum of logScale[0..from-1]) (alpha rows sum to 1 after
        // scaling); B-X may follow any tag, so all of it counts.
        double logP = Math.log(emit[from][bId]);
        for (int w = from + 1; w < to; w++) {
            logP += Math.log(emit[w][tags.id(i)]);
        }
        if (to < n) {
            // suffix: the tag at `to` must be allowed after I-X (or B-X) and not be I-X: any unconstrained tag
            double s = 0;
            for (int t = 0; t < emit[to].length; t++) {
                if (beginOf[t] == BioViterbi.UNCONSTRAINED) {
                    s += emit[to][t] * beta[to][t];
                }
            }
            logP += Math.log(s);
            for (int w = from; w <= to; w++) {
                logP -= logScale[w];
            }
        } else {
            for (int w = from; w < n; w++) {
                logP -= logScale[w];
            }
        }
        return Math.max(0, Math.min(1, Math.exp(logP)));
    }

    /** Posterior probability of tag {@code t} at word {@code w} (for tests and diagnostics). */
    public double tag(int w, int t) {
        return alpha[w][t] * beta[w][t];
    }
}
