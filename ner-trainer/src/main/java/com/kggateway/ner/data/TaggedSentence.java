package com.kggateway.ner.data;

import java.util.List;

/** One labelled description: CSV words with their BIO tags (same length). */
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
}
