package com.kggateway.ner.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds a description as real text has it: whitespace-separated words with their punctuation attached
 * ("valve,", "(500", "mL)", "Nalgene™"), one BIO tag per word, as the seed labels {@code line.split()} words.
 * Separators that real text writes spaced (" - ", " | ", " – ") stay words of their own, tagged O. A word whose
 * core belongs to an entity keeps the entity's tag when punctuation is glued to it.
 */
final class WhitespaceWords {
    /** Written without a space before: glued to the end of the previous word. */
    private static final Set<String> GLUE_LEFT = Set.of(",", ";", ":", ".", ")", "]", "™", "®", "!");
    /** Written without a space after: glued to the start of the next word. */
    private static final Set<String> GLUE_RIGHT = Set.of("(", "[");
    /** A separator that writes nothing (Title Case titles without commas). */
    static final String NOTHING = "~";

    private final List<String> words = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private String prefix = "";

    /** Adds a literal token, a separator or one word of a phrase with its BIO tag. */
    void add(String token, String tag) {
        if (token.isEmpty() || token.equals(NOTHING)) {
            return;
        }
        if (GLUE_LEFT.contains(token) && words.isEmpty()) {
            return; // nothing to attach to: a description does not start with ","
        }
        if (GLUE_LEFT.contains(token) && prefix.isEmpty()) {
            int last = words.size() - 1;
            String w = words.get(last);
            if (token.equals(".") && w.endsWith(".")) {
                return; // "1/4 in." ends the sentence too
            }
            words.set(last, w + token);
            return;
        }
        if (GLUE_RIGHT.contains(token)) {
            prefix += token;
            return;
        }
        words.add(prefix + token);
        tags.add(tag);
        prefix = "";
    }

    /** Adds a phrase: its words get B-/I- of {@code type}, or O when type is null. */
    void addPhrase(String phrase, String type) {
        String[] parts = phrase.trim().split("\\s+");
        boolean first = true;
        for (String p : parts) {
            if (GLUE_LEFT.contains(p) || GLUE_RIGHT.contains(p)) {
                add(p, "O"); // glued to a neighbour, never a word of its own
                continue;
            }
            add(p, type == null ? "O" : (first ? "B-" : "I-") + type);
            first = false;
        }
    }

    /**
     * Finishes the description: a trailing separator word (" -") or trailing "," / ";" is dropped, as real
     * titles do not end with them.
     */
    private void finish() {
        while (!words.isEmpty() && tags.get(tags.size() - 1).equals("O")
                && words.get(words.size() - 1).chars().noneMatch(Character::isLetterOrDigit)) {
            words.remove(words.size() - 1);
            tags.remove(tags.size() - 1);
        }
        if (!words.isEmpty()) {
            int last = words.size() - 1;
            String w = words.get(last);
            while (w.length() > 1 && (w.endsWith(",") || w.endsWith(";") || w.endsWith(":"))) {
                w = w.substring(0, w.length() - 1);
            }
            words.set(last, w);
        }
        prefix = "";
    }

    List<String> words() {
        finish();
        return words;
    }

    List<String> tags() {
        finish();
        return tags;
    }
}
