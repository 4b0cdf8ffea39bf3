package dev.kggateway.ner.contract;

/**
 * The most probable BIO-valid tag sequence: the sum of the words' log-probabilities is maximised over sequences in
 * which {@code I-X} only follows {@code B-X} or {@code I-X} (and never starts the text). The words' probabilities
 * stay independent (the model has no transition scores); the constraint only removes invalid paths, so where the
 * arg-max tags already form a valid sequence they are the answer. Tags that are not BIO ({@code O}, a seed export's
 * padding tag) may follow anything.
 */
public final class BioViterbi {

    /** Floor for a probability of 0 (float softmax underflow): still a possible, if very unlikely, tag. */
    static final double MIN_PROBABILITY = Double.MIN_NORMAL;
    private static final double MIN_LOG = Math.log(MIN_PROBABILITY);
    /** {@link #beginOf}'s value for a tag any tag may precede (O, B-X, a seed export's padding tag). */
    static final int UNCONSTRAINED = -2;

    private BioViterbi() {
    }

    /**
     * @param probs per word the calibrated probability of each tag (in {@code tags}' order), or null for a word the
     *        model did not see: that word is forced to {@link TagSet#outsideId()}
     * @return the chosen tag id per word
     */
    public static int[] decode(double[][] probs, TagSet tags) {
        int n = probs.length;
        int k = tags.size();
        int[] path = new int[n];
        if (n == 0) {
            return path;
        }
        int[] beginOf = beginOf(tags);
        double[] score = new double[k];
        double[] next = new double[k];
        int[][] back = new int[n][k];
        for (int w = 0; w < n; w++) {
            for (int t = 0; t < k; t++) {
                double emit = emission(probs[w], t, tags);
                if (w == 0) {
                    next[t] = beginOf[t] == UNCONSTRAINED ? emit : Double.NEGATIVE_INFINITY;
                    continue;
                }
                int best = -1;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int p = 0; p < k; p++) {
                    if (allowed(beginOf, p, t) && score[p] > bestScore) {
                        bestScore = score[p];
                        best = p;
                    }
                }
                next[t] = best < 0 ? Double.NEGATIVE_INFINITY : bestScore + emit;
                back[w][t] = best;
            }
            double[] swap = score;
            score = next;
            next = swap;
        }
        int last = 0;
        for (int t = 1; t < k; t++) {
            if (score[t] > score[last]) {
                last = t;
            }
        }
        path[n - 1] = last;
        for (int w = n - 1; w > 0; w--) {
            path[w - 1] = back[w][path[w]];
        }
        return path;
    }

    /**
     * The BIO constraint of a tag set, shared with {@link BioSpanMarginal}: for {@code I-X} the id of {@code B-X} (or
     * -1 when the set has none), for any other tag {@link #UNCONSTRAINED}.
     */
    static int[] beginOf(TagSet tags) {
        int[] beginOf = new int[tags.size()];
        for (int t = 0; t < beginOf.length; t++) {
            String tag = tags.tag(t);
            String type = TagSet.type(tag);
            beginOf[t] = type != null && tag.charAt(0) == 'I'
                    ? (tags.contains("B-" + type) ? tags.id("B-" + type) : -1) : UNCONSTRAINED;
        }
        return beginOf;
    }

    /** {@code t} may follow {@code prev}: anything but an {@code I-X} may; {@code I-X} only after B-X or I-X. */
    static boolean allowed(int[] beginOf, int prev, int t) {
        return beginOf[t] == UNCONSTRAINED || prev == t || prev == beginOf[t];
    }

    private static double emission(double[] p, int t, TagSet tags) {
        if (p == null) {
            return t == tags.outsideId() ? 0 : Double.NEGATIVE_INFINITY;
        }
        return p[t] > 0 ? Math.log(p[t]) : MIN_LOG;
    }
}
