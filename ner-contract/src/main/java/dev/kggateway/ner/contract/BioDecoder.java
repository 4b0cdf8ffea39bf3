package dev.kggateway.ner.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One tag per word to entities, with seqeval's default (lenient IOB2) semantics: a {@code B-X} always starts an
 * entity, an {@code I-X} continues an {@code X} entity and otherwise starts a new one; {@code O}, {@code ?} and
 * non-BIO tags end it. The value is {@link ValueText#value} of the text from the first word's start to the last
 * word's end, so edge punctuation is stripped and an entity whose text has no letter or digit is dropped here —
 * whatever the model says, no such value can reach the graph.
 */
public final class BioDecoder {

    /**
     * How word probabilities become an entity's confidence: the mean or the minimum of its words' calibrated
     * probabilities of their chosen tags, or the span's posterior marginal under the BIO-constrained model
     * ({@link BioSpanMarginal}), which also sees the words just outside the span.
     */
    public enum Confidence {
        MEAN, MIN, SPAN_MARGINAL;

        /** The manifest's / command line's spelling ("mean", "min", "span-marginal"). */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Confidence parse(String id) {
            for (Confidence c : values()) {
                if (c.id().equalsIgnoreCase(id.trim())) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown confidence '" + id + "' (mean, min or span-marginal)");
        }
    }

    /** The aggregation the shipped contract uses (chosen on the dev set, see BENCHMARKS-ner.md). */
    public static final Confidence CONFIDENCE = Confidence.MEAN;

    /**
     * Connector words a value never starts with: "to" / "x" of a range or dimension that the model split ("12\" x"
     * | "to 30.0"), "or" / "of" / "by" between two values. "with", "w/", "in", "for" and "and" may start an accessory
     * or a type ("with handle", "in denatured alcohol", "for cryovials"), so they are not here.
     */
    static final Set<String> NOT_FIRST = Set.of("to", "or", "of", "by", "x", "\u00d7", "&", "per");

    /**
     * Connector words a value never ends with ("hose barb to", "tubing for", "16 or"); a trailing "x" is kept only
     * for a quantity or a grade, where it is a multipack ("4 X" before a size) or a concentrate ("10 X"). "in" ends sizes ("1/4 in") and "a" ends types
     * ("Type A"), so they are not here.
     */
    static final Set<String> NOT_LAST = Set.of("to", "or", "and", "for", "of", "by", "with", "w/", "&", "the", "per",
            "from", "at", "on");

    private static final Set<String> MULTIPACK_X = Set.of("x", "\u00d7");

    /** The entity type whose leading connector is not part of its value. */
    static final String ADDON = "addon";

    /**
     * Connectors an add-on value never starts with: the dev-set guide puts them inside the add-on span ("with valve",
     * "w/ screw caps", "incl. refill insert"), but the add-on itself is what follows, and one spelling per connector
     * would split one shared property node ("valve") into several. Compared as the word's {@link ValueText} value, so
     * "w/" and "W." are "w", "incl." is "incl". Closed list on purpose: "without", "w/o" and "no" change the meaning
     * and stay; "in" starts a medium ("in DI water"), which is a different value from the bare medium.
     */
    static final Set<String> ADDON_CONNECTORS = Set.of("with", "w", "incl", "including", "includes", "featuring",
            "plus", "and");

    /** "w/" glued to the add-on ("w/IPA"), but not "w/o" or "w/out" (without). */
    private static final Pattern GLUED_WITH =
            Pattern.compile("(?i)w/(?!o(?:ut)?(?![\\p{L}\\p{N}]))(?=[\\p{L}\\p{N}])");

    /** Types whose value may end in a multiplier "x": a multipack "4 X" (quantity), a concentrate "10 X" (grade). */
    private static final Set<String> MULTIPLIER_TYPES = Set.of("quantity", "grade");

    /** Entity type and word range {@code [from, to)}. */
    public record TagSpan(String type, int from, int to) {
    }

    private BioDecoder() {
    }

    public static List<TagSpan> spans(List<String> tags) {
        List<TagSpan> spans = new ArrayList<>();
        String type = null;
        int start = -1;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : TagSet.OUTSIDE;
            String tagType = TagSet.type(tag);
            boolean continues = type != null && tagType != null && tag.charAt(0) == 'I' && tagType.equals(type);
            if (type != null && !continues) {
                spans.add(new TagSpan(type, start, i));
                type = null;
            }
            if (tagType != null && !continues) {
                type = tagType;
                start = i;
            }
        }
        return spans;
    }

    public static List<Entity> entities(String text, List<Words.Word> words, List<String> tags, double[] probOfWord) {
        return entities(text, words, tags, probOfWord, CONFIDENCE);
    }

    /**
     * @param words the text's words ({@link Words#split})
     * @param tags one tag per word
     * @param probOfWord calibrated probability of each word's tag (null: all 1, for gold labels)
     */
    public static List<Entity> entities(String text, List<Words.Word> words, List<String> tags, double[] probOfWord,
            Confidence aggregation) {
        if (aggregation == Confidence.SPAN_MARGINAL) {
            throw new IllegalArgumentException("span-marginal confidence needs the tag lattice (BioSpanMarginal)");
        }
        return entities(text, words, tags, probOfWord, aggregation, null);
    }

    /**
     * @param marginals the text's tag lattice, required for {@link Confidence#SPAN_MARGINAL} (ignored otherwise):
     *        the confidence is the marginal of the tag span the decoder chose, before connector and punctuation
     *        trimming, since that is the span the model's tags describe
     */
    public static List<Entity> entities(String text, List<Words.Word> words, List<String> tags, double[] probOfWord,
            Confidence aggregation, BioSpanMarginal marginals) {
        if (aggregation == Confidence.SPAN_MARGINAL && probOfWord != null && marginals == null) {
            throw new IllegalArgumentException("span-marginal confidence needs the tag lattice");
        }
        if (tags.size() != words.size()) {
            throw new IllegalArgumentException(words.size() + " words but " + tags.size() + " tags");
        }
        List<Entity> out = new ArrayList<>();
        for (TagSpan tagged : spans(tags)) {
            TagSpan span = withoutConnectorEdges(text, words, tagged);
            if (span == null) {
                continue;
            }
            int from = words.get(span.from()).start();
            int to = words.get(span.to() - 1).end();
            if (ADDON.equals(span.type())) {
                from = afterGluedWith(text, from, to);
            }
            int[] bounds = ValueText.bounds(text, from, to);
            String value = bounds == null ? null : ValueText.value(text, from, to);
            if (value == null) {
                continue;
            }
            double confidence = 1;
            if (probOfWord != null && aggregation == Confidence.SPAN_MARGINAL) {
                confidence = marginals.of(tagged.type(), tagged.from(), tagged.to());
            } else if (probOfWord != null) {
                double sum = 0;
                double min = 1;
                for (int w = span.from(); w < span.to(); w++) {
                    sum += probOfWord[w];
                    min = Math.min(min, probOfWord[w]);
                }
                confidence = aggregation == Confidence.MIN ? min : sum / (span.to() - span.from());
            }
            out.add(new Entity(span.type(), span.from(), span.to(), bounds[0], bounds[1], value, confidence));
        }
        return out;
    }

    /**
     * Start of an add-on's text after a "w/" glued to its first word ("w/IPA" → "IPA"), edge punctuation before it
     * skipped ("(w/IPA"); {@code from} itself when there is none.
     */
    static int afterGluedWith(String text, int from, int to) {
        int[] b = ValueText.bounds(text, from, to);
        if (b == null) {
            return from;
        }
        Matcher m = GLUED_WITH.matcher(text).region(b[0], b[1]);
        return m.lookingAt() ? m.end() : from;
    }

    /**
     * The span without leading {@link #NOT_FIRST} (for an add-on also {@link #ADDON_CONNECTORS}) and trailing
     * {@link #NOT_LAST} words, or null when nothing else is left (a value made only of connectors, such as "of",
     * "to" or "in", is no value).
     */
    static TagSpan withoutConnectorEdges(String text, List<Words.Word> words, TagSpan span) {
        int from = span.from();
        int to = span.to();
        boolean addon = ADDON.equals(span.type());
        while (from < to && (NOT_FIRST.contains(bare(text, words.get(from)))
                || addon && ADDON_CONNECTORS.contains(bare(text, words.get(from))))) {
            from++;
        }
        while (to > from) {
            String last = bare(text, words.get(to - 1));
            boolean multipack = MULTIPLIER_TYPES.contains(span.type()) && MULTIPACK_X.contains(last) && to - 1 > from;
            if (!NOT_LAST.contains(last) && !(MULTIPACK_X.contains(last) && !multipack)) {
                break;
            }
            to--;
        }
        if (from == to || onlyConnectors(text, words, from, to)) {
            return null;
        }
        return from == span.from() && to == span.to() ? span : new TagSpan(span.type(), from, to);
    }

    private static boolean onlyConnectors(String text, List<Words.Word> words, int from, int to) {
        for (int w = from; w < to; w++) {
            String b = bare(text, words.get(w));
            if (!CONNECTORS.contains(b)) {
                return false;
            }
        }
        return true;
    }

    /** Words that are never a value on their own. */
    private static final Set<String> CONNECTORS = Set.of("to", "or", "and", "for", "of", "by", "with", "w/", "&",
            "the", "per", "from", "at", "on", "in", "x", "\u00d7");

    private static String bare(String text, Words.Word word) {
        String v = ValueText.value(text, word.start(), word.end());
        return v == null ? "" : v;
    }

    /** Gold entities of a labelled sentence: its words joined by single spaces, as {@link LabelledText} does. */
    public static List<Entity> gold(LabelledText sentence) {
        return entities(sentence.text(), sentence.words(), sentence.tags(), null);
    }
}
