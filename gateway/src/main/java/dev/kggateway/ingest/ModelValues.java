package dev.kggateway.ingest;

import java.util.Set;

/**
 * Which model-extracted values may become property nodes. A node is shared by every product that has it, so a span
 * that is only function words ("with", "of the") or runs over half a description is a wrong link multiplied; such
 * spans are dropped. Vendor values are the vendor's word and are not filtered here (only validated by Ids).
 */
final class ModelValues {

    /** Longest accepted value in words; catalogue attribute values are short ("1/4 in. hose barb", "griffin low form"). */
    static final int MAX_WORDS = 6;

    /** English function words and list glue that are never a property on their own. */
    static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in",
            "into", "is", "it", "its", "of", "on", "or", "per", "the", "to", "with", "without", "w/", "x", "&", "+");

    private ModelValues() {
    }

    /** True when the normalised value (lower case, single spaces) may become a node. */
    static boolean plausible(String value) {
        String[] words = value.split(" ");
        if (words.length > MAX_WORDS) {
            return false;
        }
        for (String w : words) {
            if (!STOP_WORDS.contains(w.replaceAll("^\\p{Punct}+|\\p{Punct}+$", ""))) {
                return true;
            }
        }
        return false;
    }
}
