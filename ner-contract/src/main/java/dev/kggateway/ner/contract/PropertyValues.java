package dev.kggateway.ner.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which predicted entities of one text become property links, the same way in the gateway (what
 * {@code extractProperties} shows and ingest writes) and in the trainer's (type, value) evaluation: a value that is
 * only function words ("as", "of the") or runs over {@link #MAX_WORDS} words is dropped — a property node is shared
 * by every product that has it, so such a span is a wrong link multiplied — and a (type, value) found twice in a text
 * is one link, with the confidence of its most confident occurrence (the graph holds one link per product, type and
 * value). Entity spans ({@link BioDecoder}) are not changed by this: exact-span metrics still see every occurrence.
 */
public final class PropertyValues {

    /** Longest accepted value in words; catalogue attribute values are short ("1/4 in. hose barb", "griffin low form"). */
    public static final int MAX_WORDS = 6;

    /** English function words and list glue that are never a property on their own. */
    public static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from",
            "in", "into", "is", "it", "its", "of", "on", "or", "per", "the", "to", "with", "without", "w/", "x", "&", "+");

    /** Punctuation at either end of a word ("as," "(of"), compiled once: this runs for every value the model finds. */
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^\\p{Punct}+|\\p{Punct}+$");

    private PropertyValues() {
    }

    /** True when the normalised value (lower case, single spaces; {@link ValueText}) may become a property node. */
    public static boolean plausible(String value) {
        String[] words = value.split(" ");
        if (words.length > MAX_WORDS) {
            return false;
        }
        for (String w : words) {
            if (!STOP_WORDS.contains(EDGE_PUNCTUATION.matcher(w).replaceAll(""))) {
                return true;
            }
        }
        return false;
    }

    /**
     * One entity per (type, value): the most confident occurrence (the first on a tie), at the place of the first
     * occurrence, so the order stays the text's.
     */
    public static List<Entity> onePerValue(List<Entity> entities) {
        Map<Entity.TypedValue, Entity> merged = new LinkedHashMap<>();
        for (Entity e : entities) {
            merged.merge(e.typedValue(), e, (a, b) -> a.confidence() >= b.confidence() ? a : b);
        }
        return new ArrayList<>(merged.values());
    }

    /** The links a text's predicted entities make: {@link #plausible} values only, {@link #onePerValue}. */
    public static List<Entity> links(List<Entity> entities) {
        return onePerValue(entities.stream().filter(e -> plausible(e.value())).toList());
    }
}
