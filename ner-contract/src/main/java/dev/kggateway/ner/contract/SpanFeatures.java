package dev.kggateway.ner.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the span verifier ({@link SpanVerifier}) reads about one predicted entity: scheme {@value #SCHEME}. Each
 * feature has a fixed name ({@link #NAMES}); a weights file names the features it weighs, so the order here is free
 * but a name, once shipped, keeps its meaning (a new meaning is a new scheme).
 *
 * <p>The features are the tagger's own evidence, seen more closely than one mean probability: the calibrated
 * probabilities of the span's words as logits (mean, min, first word), the margin between the first word's best and
 * second-best tag, how much the model hesitates between B and I or O at the span's edges (B-vs-I consistency, is the
 * word before or after also this type), the span's length, its words' shapes and WordNet lexical classes (the model
 * folder's table), its position in the text, whether the same value is also predicted with another type, and the
 * punctuation around it. Every feature is a plain number; the weights come from a logistic regression fitted on a
 * calibration split the tagger never trained on.
 */
public final class SpanFeatures {
    public static final String SCHEME = "span-features v1";

    /** Logits are clipped here: a probability of 1 - 1e-12 says nothing a probability of 1 - 1e-4 does not. */
    static final double LOGIT_CLIP = 25;
    static final double MARGIN_CLIP = 25;

    /** Feature names, in the order of {@link #of}'s vector. */
    public static final List<String> NAMES;
    private static final Map<String, Integer> INDEX = new HashMap<>();
    private static final int TYPE_BASE;
    private static final int TYPE_LOGIT_BASE;
    private static final int SHAPE_BASE;
    private static final int CLASS_BASE;
    private static final String[] NUMERIC = {"meanLogit", "minLogit", "firstLogit", "firstMargin", "firstOutside",
        "maxOutside", "firstBegin", "startsWithI", "previousSameType", "nextContinues", "length1", "length2", "length3",
        "length4plus", "textWordsLog", "relativePosition", "atStart", "atEnd", "otherTypeSameValue", "afterSeparator",
        "endsWithSeparator", "inParentheses", "hasDigit", "upperCaseText"};

    static {
        List<String> names = new ArrayList<>(List.of(NUMERIC));
        TYPE_BASE = names.size();
        TagSet.STANDARD_TYPES.forEach(t -> names.add("type=" + t));
        TYPE_LOGIT_BASE = names.size();
        TagSet.STANDARD_TYPES.forEach(t -> names.add("meanLogit*type=" + t));
        SHAPE_BASE = names.size();
        for (WordShape s : WordShape.values()) {
            names.add("shape=" + s.name());
        }
        CLASS_BASE = names.size();
        for (LexicalClass c : LexicalClass.values()) {
            names.add("class=" + c.name());
        }
        NAMES = Collections.unmodifiableList(names);
        for (int i = 0; i < NAMES.size(); i++) {
            INDEX.put(NAMES.get(i), i);
        }
    }

    private SpanFeatures() {
    }

    /** Index of a feature name, or -1 when this scheme has no such feature. */
    public static int index(String name) {
        return INDEX.getOrDefault(name, -1);
    }

    /** One text as the tagger saw it: words, raw first-piece probability vectors (null: no pieces), tags. */
    public record Tagged(String text, List<Words.Word> words, float[][] wordProbs, TagSet tagSet, double temperature,
            List<String> tags) {
    }

    /**
     * Feature vectors of {@code entities} (all predicted in {@code tagged}, at any confidence).
     *
     * @param lexicalClasses the model folder's lexical-class table; null when it has none (every word UNKNOWN)
     */
    public static List<double[]> of(Tagged tagged, List<Entity> entities, LexicalClassTable lexicalClasses) {
        return of(tagged, entities, lexicalClasses, true);
    }

    /**
     * @param wordClasses false: leave the shape and lexical-class shares at 0 (they are the costly part: regular
     *     expressions and a table look-up per word), for a verifier that does not weigh them
     */
    public static List<double[]> of(Tagged tagged, List<Entity> entities, LexicalClassTable lexicalClasses,
            boolean wordClasses) {
        int n = tagged.words().size();
        double[][] calibrated = new double[n][];
        List<double[]> out = new ArrayList<>(entities.size());
        for (Entity e : entities) {
            out.add(of(tagged, e, entities, lexicalClasses, calibrated, wordClasses));
        }
        return out;
    }

    /** True for the features {@code of(..., wordClasses = false)} leaves at 0. */
    static boolean isWordClass(int index) {
        return index >= SHAPE_BASE;
    }

    private static double[] of(Tagged t, Entity e, List<Entity> all, LexicalClassTable lexicalClasses,
            double[][] calibrated, boolean wordClasses) {
        double[] x = new double[NAMES.size()];
        TagSet tags = t.tagSet();
        int begin = tags.contains("B-" + e.type()) ? tags.id("B-" + e.type()) : -1;
        int inside = tags.contains("I-" + e.type()) ? tags.id("I-" + e.type()) : -1;
        int outside = tags.contains(TagSet.OUTSIDE) ? tags.id(TagSet.OUTSIDE) : -1;
        double sum = 0;
        double min = 1;
        double maxOutside = 0;
        int len = e.endWord() - e.firstWord();
        for (int w = e.firstWord(); w < e.endWord(); w++) {
            double[] p = calibrated(t, w, calibrated);
            double best = p == null ? 1 : p[argmax(p)];
            sum += best;
            min = Math.min(min, best);
            maxOutside = Math.max(maxOutside, p == null || outside < 0 ? 0 : p[outside]);
        }
        double[] first = calibrated(t, e.firstWord(), calibrated);
        x[0] = logit(sum / len);
        x[1] = logit(min);
        x[2] = logit(first == null ? 1 : first[argmax(first)]);
        x[3] = first == null ? MARGIN_CLIP : margin(first);
        x[4] = first == null || outside < 0 ? 0 : first[outside];
        x[5] = maxOutside;
        x[6] = first == null || begin < 0 ? 0 : first[begin];
        x[7] = t.tags().get(e.firstWord()).startsWith("I-") ? 1 : 0;
        double[] before = e.firstWord() > 0 ? calibrated(t, e.firstWord() - 1, calibrated) : null;
        x[8] = before == null ? 0 : (begin < 0 ? 0 : before[begin]) + (inside < 0 ? 0 : before[inside]);
        double[] after = e.endWord() < t.words().size() ? calibrated(t, e.endWord(), calibrated) : null;
        x[9] = after == null || inside < 0 ? 0 : after[inside];
        x[10 + Math.min(len, 4) - 1] = 1;
        x[14] = Math.log(1 + t.words().size());
        x[15] = t.words().size() <= 1 ? 0 : e.firstWord() / (double) (t.words().size() - 1);
        x[16] = e.firstWord() == 0 ? 1 : 0;
        x[17] = e.endWord() == t.words().size() ? 1 : 0;
        x[18] = otherTypeSameValue(e, all) ? 1 : 0;
        x[19] = e.firstWord() > 0 && endsWithSeparator(t.words().get(e.firstWord() - 1).in(t.text())) ? 1 : 0;
        x[20] = endsWithSeparator(t.words().get(e.endWord() - 1).in(t.text())) ? 1 : 0;
        x[21] = t.words().get(e.firstWord()).in(t.text()).startsWith("(")
                || t.words().get(e.endWord() - 1).in(t.text()).endsWith(")") ? 1 : 0;
        x[22] = e.value().chars().anyMatch(Character::isDigit) ? 1 : 0;
        x[23] = mostlyUpperCase(t.text()) ? 1 : 0;
        int type = TagSet.STANDARD_TYPES.indexOf(e.type());
        if (type >= 0) {
            x[TYPE_BASE + type] = 1;
            x[TYPE_LOGIT_BASE + type] = x[0];
        }
        for (int w = e.firstWord(); wordClasses && w < e.endWord(); w++) {
            String word = t.words().get(w).in(t.text());
            x[SHAPE_BASE + WordShape.of(word).ordinal()] += 1.0 / len;
            LexicalClass c = lexicalClasses == null ? LexicalClass.UNKNOWN : lexicalClasses.classOf(word);
            x[CLASS_BASE + c.ordinal()] += 1.0 / len;
        }
        return x;
    }

    private static double[] calibrated(Tagged t, int w, double[][] cache) {
        float[] p = t.wordProbs()[w];
        if (p == null) {
            return null;
        }
        if (cache[w] == null) {
            cache[w] = Calibration.apply(p, 0, p.length, t.temperature());
        }
        return cache[w];
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    static double logit(double p) {
        double q = Math.min(1 - 1e-12, Math.max(1e-12, p));
        return Math.max(-LOGIT_CLIP, Math.min(LOGIT_CLIP, Math.log(q / (1 - q))));
    }

    /** log(best / second best) of one calibrated distribution, clipped. */
    static double margin(double[] p) {
        double best = 0;
        double second = 0;
        for (double v : p) {
            if (v > best) {
                second = best;
                best = v;
            } else if (v > second) {
                second = v;
            }
        }
        return Math.min(MARGIN_CLIP, Math.log(best / Math.max(Calibration.FLOOR, second)));
    }

    private static boolean otherTypeSameValue(Entity e, List<Entity> all) {
        String v = e.value().toLowerCase(Locale.ROOT);
        for (Entity o : all) {
            if (!o.type().equals(e.type()) && o.value().toLowerCase(Locale.ROOT).equals(v)) {
                return true;
            }
        }
        return false;
    }

    /** A word that ends a field: trailing comma, semicolon or colon, or a separator word of its own. */
    static boolean endsWithSeparator(String word) {
        return word.endsWith(",") || word.endsWith(";") || word.endsWith(":") || word.equals("-") || word.equals("|")
                || word.equals("\u2013") || word.equals("\u00b7");
    }

    /** ERP-style text: at least 80 % of its letters upper case (and some letters). */
    static boolean mostlyUpperCase(String text) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters > 0 && upper >= 0.8 * letters;
    }
}
