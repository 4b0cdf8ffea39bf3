package dev.kggateway.training;

import dev.kggateway.ner.contract.TagSet;
import dev.kggateway.ner.contract.ValueText;
import dev.kggateway.ner.contract.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Distant supervision: finds a product's vendor property values in its description and tags the words they cover.
 * Words are ner-contract's {@link Words} (whitespace-separated, the labelling unit of model and trainer); a value
 * matches a run of whole words, each compared as its {@link ValueText} (case-insensitive, edge punctuation stripped) ("Acetal," matches the value "acetal", "tube" does not
 * match "tubes"). When matches overlap, the longest wins; words no value covers are tagged {@link #UNKNOWN}, not O:
 * a vendor fills in only some attributes, so an uncovered word may still be a property.
 */
public final class VendorValueLocator {

    /** The partial-label tag: the word's tag is not known. */
    public static final String UNKNOWN = TagSet.UNKNOWN;

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

    /** The labelling unit of model and trainer: whitespace-separated words, punctuation attached. */
    static List<String> words(String text) {
        return text == null ? List.of() : Words.strings(text);
    }

    /** The comparison key of a word: its value text (edge punctuation and trademark signs stripped, normalised). */
    static String key(String word) {
        String value = ValueText.value(word, 0, word.length());
        return value == null ? "" : value;
    }
}
