package dev.kggateway.ner.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The forward–backward span marginal against an oracle that enumerates every tag sequence, keeps the BIO-valid ones
 * and sums their probability products.
 */
class BioSpanMarginalTest {

    private static final TagSet TAGS = new TagSet(List.of("O", "B-a", "I-a", "B-b", "I-b"));

    @Test
    void everySpanOfRandomLatticesMatchesTheEnumeration() {
        Random random = new Random(20);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(6);
            double[][] probs = lattice(random, n);
            BioSpanMarginal marginal = BioSpanMarginal.of(probs, TAGS);
            for (String type : List.of("a", "b")) {
                for (int from = 0; from < n; from++) {
                    for (int to = from + 1; to <= n; to++) {
                        double expected = bruteForce(probs, type, from, to);
                        assertEquals(expected, marginal.of(type, from, to), 1e-12,
                                "trial " + trial + " n " + n + " " + type + " [" + from + ", " + to + ")");
                    }
                }
            }
            for (int w = 0; w < n; w++) {
                double sum = 0;
                for (int t = 0; t < TAGS.size(); t++) {
                    sum += marginal.tag(w, t);
                }
                assertEquals(1, sum, 1e-12, "tag posteriors of a word sum to 1");
            }
        }
    }

    @Test
    void aLikelyContinuationLowersTheShorterSpan() {
        // word 1 is B-a for sure, word 2 is I-a with 0.6: the one-word span [1, 2) is only 0.4 likely, whatever the
        // mean of its chosen tag (1.0) says
        double[][] probs = {
                {0.9, 0.025, 0.025, 0.025, 0.025},
                {0, 1, 0, 0, 0},
                {0.4, 0, 0.6, 0, 0}};
        BioSpanMarginal m = BioSpanMarginal.of(probs, TAGS);
        assertEquals(0.4, m.of("a", 1, 2), 1e-9);
        assertEquals(0.6, m.of("a", 1, 3), 1e-9);
    }

    @Test
    void theSpanMarginalConfidenceChangesOnlyConfidencesAndIsTheUntrimmedTagSpans() {
        TagSet tags = TagSet.standard();
        String text = "Conical Tubes of polypropylene , 50 mL";
        List<Words.Word> words = Words.split(text);
        Random random = new Random(3);
        float[][] probs = new float[words.size()][];
        String[] gold = {"B-type", "B-product", "I-product", "B-material", "O", "B-size", "I-size"};
        for (int w = 0; w < probs.length; w++) {
            float[] p = new float[tags.size()];
            float sum = 0;
            for (int t = 0; t < p.length; t++) {
                p[t] = (float) random.nextDouble() * 0.1f + (t == tags.id(gold[w]) ? 1 : 0);
                sum += p[t];
            }
            for (int t = 0; t < p.length; t++) {
                p[t] /= sum;
            }
            probs[w] = p;
        }
        List<Entity> mean = Predictions.entities(text, words, probs, tags, 1.2, Decoding.VITERBI,
                BioDecoder.Confidence.MEAN, null, null);
        List<Entity> marginal = Predictions.entities(text, words, probs, tags, 1.2, Decoding.VITERBI,
                BioDecoder.Confidence.SPAN_MARGINAL, null, null);
        assertEquals(4, mean.size());
        assertEquals(mean.size(), marginal.size());
        Predictions.WordTags t = Predictions.tags(probs, tags, 1.2, Decoding.VITERBI);
        BioSpanMarginal lattice = BioSpanMarginal.of(t.calibrated(), tags);
        List<BioDecoder.TagSpan> tagSpans = BioDecoder.spans(t.tags());
        assertEquals(mean.size(), tagSpans.size());
        for (int e = 0; e < mean.size(); e++) {
            Entity a = mean.get(e);
            Entity b = marginal.get(e);
            assertEquals(List.of(a.type(), a.firstWord(), a.endWord(), a.value()),
                    List.of(b.type(), b.firstWord(), b.endWord(), b.value()));
            BioDecoder.TagSpan span = tagSpans.get(e);
            assertEquals(lattice.of(span.type(), span.from(), span.to()), b.confidence(), 1e-12);
        }
        // "Tubes of" is the tag span: the connector is trimmed from the entity, not from the span the model tagged
        assertEquals("tubes", marginal.get(1).value());
        assertEquals(2, marginal.get(1).endWord());
        assertEquals(lattice.of("product", 1, 3), marginal.get(1).confidence(), 1e-12);
    }

    @Test
    void wordsWithoutPiecesAreOutside() {
        double[][] probs = {{0.1, 0.6, 0.1, 0.1, 0.1}, null, {0.1, 0.1, 0.6, 0.1, 0.1}};
        BioSpanMarginal m = BioSpanMarginal.of(probs, TAGS);
        assertEquals(0, m.of("a", 0, 2), 0);
        assertEquals(bruteForce(probs, "a", 0, 1), m.of("a", 0, 1), 1e-12);
        assertEquals(1, m.tag(1, TAGS.outsideId()), 1e-12);
    }

    @Test
    void longTextsDoNotUnderflow() {
        Random random = new Random(7);
        double[][] probs = lattice(random, 64);
        for (double[] p : probs) {
            if (p != null) {
                for (int t = 0; t < p.length; t++) {
                    p[t] *= 1e-300; // only ratios matter: the scaled recursion must not underflow
                }
            }
        }
        BioSpanMarginal m = BioSpanMarginal.of(probs, TAGS);
        double sum = 0;
        for (int t = 0; t < TAGS.size(); t++) {
            sum += m.tag(63, t);
        }
        assertEquals(1, sum, 1e-9);
    }

    /** Per word a random distribution over the 5 tags, some entries 0, some words without pieces. */
    private static double[][] lattice(Random random, int n) {
        double[][] probs = new double[n][];
        for (int w = 0; w < n; w++) {
            if (random.nextInt(8) == 0) {
                continue; // null: forced O
            }
            double[] p = new double[TAGS.size()];
            double sum = 0;
            for (int t = 0; t < p.length; t++) {
                p[t] = random.nextInt(6) == 0 ? 0 : Math.pow(random.nextDouble(), 3);
                sum += p[t];
            }
            if (sum == 0) {
                p[0] = sum = 1;
            }
            for (int t = 0; t < p.length; t++) {
                p[t] /= sum;
            }
            probs[w] = p;
        }
        return probs;
    }

    /** Sum over every valid sequence with the span, over the sum over every valid sequence. */
    static double bruteForce(double[][] probs, String type, int from, int to) {
        int n = probs.length;
        int k = TAGS.size();
        int b = TAGS.id("B-" + type);
        int i = TAGS.id("I-" + type);
        double z = 0;
        double span = 0;
        int[] seq = new int[n];
        int total = (int) Math.pow(k, n);
        for (int code = 0; code < total; code++) {
            int c = code;
            for (int w = 0; w < n; w++) {
                seq[w] = c % k;
                c /= k;
            }
            double weight = 1;
            for (int w = 0; w < n && weight > 0; w++) {
                String tag = TAGS.tag(seq[w]);
                if (tag.startsWith("I-")) {
                    String prev = w == 0 ? null : TAGS.tag(seq[w - 1]);
                    if (prev == null || !prev.substring(Math.min(2, prev.length())).equals(tag.substring(2))
                            || prev.equals("O")) {
                        weight = 0;
                        break;
                    }
                }
                double e = probs[w] == null ? (seq[w] == TAGS.outsideId() ? 1 : 0)
                        : probs[w][seq[w]] > 0 ? probs[w][seq[w]] : Double.MIN_NORMAL;
                weight *= e;
            }
            if (weight == 0) {
                continue;
            }
            z += weight;
            boolean match = seq[from] == b && (to == n || seq[to] != i);
            for (int w = from + 1; w < to && match; w++) {
                match = seq[w] == i;
            }
            if (match) {
                span += weight;
            }
        }
        assertTrue(z > 0);
        return span / z;
    }
}
