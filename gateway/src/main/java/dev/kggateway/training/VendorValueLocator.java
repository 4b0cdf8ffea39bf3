package dev.kggateway.training;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Distant supervision: finds a product's vendor property values in its description and tags the words they cover.
 * Words are whitespace-separated (the labelling unit of model and trainer); a value matches a run of whole words,
 * compared case-insensitively with edge punctuation stripped ("Acetal," matches the value "acetal", "tube" does not
 * match "tubes"). When matches overlap, the longest wins; words no value covers are tagged {@link #UNKNOWN}, not O:
 * a vendor fills in only some attributes, so an uncovered word may still be a property.
 */
public final class VendorValueLocator {

    /** The partial-label tag: the word's tag is not known. */
    public static final String UNKNOWN = "?";

    /** A vendor property to look for. */
    public record Value(String type, String value) {
    }

    /** The description's words with one tag each, and how many of the given values were found at least once. */
    public record Located(List<String> words, List<String> tags, int located) {
    }

    private record Match(int start, int length, int value) {
    }

    private VendorValueLocator() {
    }

    public static Located locate(String description, List<Value> values) {
        List<String> words = words(description);
        String[] keys = words.stream().map(VendorValueLocator::key).toArray(String[]::new);
        List<Match> matches = new ArrayList<>();
        for (int v = 0; v < values.size(); v++) {
            String[] valueKeys = words(values.get(v).value()).stream().map(VendorValueLocator::key).toArray(String[]::new);
            if (valueKeys.length == 0 || Arrays.stream(valueKeys).allMatch(String::isEmpty)) {
                continue;
            }
            for (int start = 0; start + valueKeys.length <= keys.length; start++) {
                if (Arrays.equals(keys, start, start + valueKeys.length, valueKeys, 0, valueKeys.length)) {
                    matches.add(new Match(start, valueKeys.length, v));
                }
            }
        }
        matches.sort(Comparator.comparingInt((Match m) -> -m.length()).thenComparingInt(Match::start)
                .thenComparingInt(Match::value));
        String[] tags = new String[words.size()];
        Arrays.fill(tags, UNKNOWN);
        boolean[] found = new boolean[values.size()];
        for (Match m : matches) {
            boolean free = true;
            for (int i = m.start(); i < m.start() + m.length() && free; i++) {
                free = tags[i].equals(UNKNOWN);
            }
            if (!free) {
                continue;
            }
            String type = values.get(m.value()).type();
            for (int i = m.start(); i < m.start() + m.length(); i++) {
                tags[i] = (i == m.start() ? "B-" : "I-") + type;
            }
            found[m.value()] = true;
        }
        int located = 0;
        for (boolean f : found) {
            located += f ? 1 : 0;
        }
        return new Located(words, List.of(tags), located);
    }

    static List<String> words(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
    }

    /** The comparison key of a word: NFC, lower case, without the punctuation at its edges. */
    static String key(String word) {
        String w = Normalizer.normalize(word, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        int from = 0;
        int to = w.length();
        while (from < to && isEdgePunctuation(w.charAt(from))) {
            from++;
        }
        while (to > from && isEdgePunctuation(w.charAt(to - 1))) {
            to--;
        }
        return w.substring(from, to);
    }

    /** Punctuation that frames a word in running text (commas, brackets, quotes, full stops, marks) but is not part of it. */
    private static boolean isEdgePunctuation(char c) {
        return ",;:.!?()[]{}\"'\u2018\u2019\u201c\u201d\u2122\u00ae\u00a9".indexOf(c) >= 0;
    }
}
