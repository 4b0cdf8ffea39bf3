package com.kggateway.ner.features;

import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.tokenize.BertPreTokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the contract's labelling-unit rule: a CSV word is split into pre-tokens; the first keeps the word's
 * tag, later ones become I-X if the word is B-X/I-X, else O. The pre-token is the unit the model predicts on.
 */
public record PreTokenLabels(List<String> tokens, List<String> tags) {

    public static PreTokenLabels of(TaggedSentence sentence) {
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (int w = 0; w < sentence.words().size(); w++) {
            String tag = sentence.tags().get(w);
            List<String> parts = BertPreTokenizer.tokens(sentence.words().get(w));
            for (int p = 0; p < parts.size(); p++) {
                tokens.add(parts.get(p));
                tags.add(p == 0 || "O".equals(tag) ? tag : "I-" + tag.substring(2));
            }
        }
        return new PreTokenLabels(tokens, tags);
    }
}
