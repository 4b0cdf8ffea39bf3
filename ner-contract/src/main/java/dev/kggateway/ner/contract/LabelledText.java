package dev.kggateway.ner.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * A labelled sentence in the seed's CSV shape (one whitespace word per row, one tag per word) as text: the words
 * joined by single spaces, with their character ranges.
 */
public record LabelledText(String text, List<Words.Word> words, List<String> tags) {

    public static LabelledText of(List<String> csvWords, List<String> tags) {
        if (csvWords.size() != tags.size()) {
            throw new IllegalArgumentException("words and tags differ in length");
        }
        StringBuilder sb = new StringBuilder();
        List<Words.Word> words = new ArrayList<>(csvWords.size());
        for (String w : csvWords) {
            if (w.isEmpty() || Words.containsWhitespace(w)) {
                throw new IllegalArgumentException("a word must be non-empty without whitespace: '" + w + "'");
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            words.add(new Words.Word(sb.length(), sb.length() + w.length()));
            sb.append(w);
        }
        return new LabelledText(sb.toString(), List.copyOf(words), List.copyOf(tags));
    }
}
