package com.kggateway.ner.tokenize;

import dev.kggateway.ner.contract.TokenizerJson;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy longest-match-first WordPiece, identical to HF tokenizers' WordPiece model:
 * continuing pieces carry "##"; a word with any unmatchable remainder, or longer than
 * {@link #MAX_INPUT_CHARS_PER_WORD} characters, becomes a single [UNK].
 */
public final class WordPiece {
    public static final int MAX_INPUT_CHARS_PER_WORD = TokenizerJson.MAX_INPUT_CHARS_PER_WORD;
    public static final String CONTINUATION = TokenizerJson.CONTINUATION;

    private final Vocab vocab;

    public WordPiece(Vocab vocab) {
        this.vocab = vocab;
    }

    public Vocab vocab() {
        return vocab;
    }

    /** Word pieces of one pre-token (already normalized). */
    public List<String> split(String word) {
        if (word.codePointCount(0, word.length()) > MAX_INPUT_CHARS_PER_WORD) {
            return List.of(Vocab.UNK);
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            String match = null;
            while (start < end) {
                String candidate = word.substring(start, end);
                if (start > 0) {
                    candidate = CONTINUATION + candidate;
                }
                if (vocab.contains(candidate)) {
                    match = candidate;
                    break;
                }
                end = word.offsetByCodePoints(end, -1);
            }
            if (match == null) {
                return List.of(Vocab.UNK);
            }
            pieces.add(match);
            start = end;
        }
        return pieces;
    }

    /** Ids of the pieces of one pre-token. */
    public int[] ids(String word) {
        List<String> pieces = split(word);
        int[] out = new int[pieces.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = vocab.id(pieces.get(i));
        }
        return out;
    }
}
