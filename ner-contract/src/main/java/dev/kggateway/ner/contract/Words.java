package dev.kggateway.ner.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * The labelling unit: a whitespace-separated word, as the seed's {@code line.split()} makes it. Punctuation stays
 * attached ("valve,", "(500", "in.", "0.010\""); the model predicts one tag per word (on its first word piece) and
 * {@link ValueText} strips edge punctuation when a value is built.
 *
 * <p>Whitespace is Unicode White_Space (what Python's {@code str.split()} and the HuggingFace BERT pre-tokenizer
 * split on, including no-break spaces), so every word piece the tokenizer produces lies inside exactly one word.
 */
public final class Words {

    /** One word: characters {@code [start, end)} of the text. */
    public record Word(int start, int end) {
        public String in(String text) {
            return text.substring(start, end);
        }
    }

    private Words() {
    }

    public static List<Word> split(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isWhitespace(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !isWhitespace(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            words.add(new Word(start, i));
        }
        return words;
    }

    /** The words' strings. */
    public static List<String> strings(String text) {
        return split(text).stream().map(w -> w.in(text)).toList();
    }

    /** Unicode White_Space: Java's whitespace plus the no-break spaces it leaves out, and NEL. */
    public static boolean isWhitespace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    /** True if the string contains any whitespace character (a CSV word must not). */
    public static boolean containsWhitespace(String s) {
        return s.codePoints().anyMatch(Words::isWhitespace);
    }
}
