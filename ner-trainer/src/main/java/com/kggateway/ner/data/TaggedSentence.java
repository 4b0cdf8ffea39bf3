package com.kggateway.ner.data;

import dev.kggateway.ner.contract.LabelledText;

import java.util.List;

/** One labelled description: CSV words (whitespace words, the labelling unit) with their tags (same length). */
public record TaggedSentence(String id, List<String> words, List<String> tags) {
    public TaggedSentence {
        if (words.size() != tags.size()) {
            throw new IllegalArgumentException("words and tags differ in length");
        }
        words = List.copyOf(words);
        tags = List.copyOf(tags);
    }

    /** Words joined by single spaces: the text a user would have typed. */
    public String text() {
        return String.join(" ", words);
    }

    /** The sentence as text with word offsets, for decoding and metrics. */
    public LabelledText labelled() {
        return LabelledText.of(words, tags);
    }
}
