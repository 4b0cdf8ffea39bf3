package com.kggateway.ner.tokenize;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordPieceTest {

    private static Vocab vocab(String... pieces) {
        List<String> all = new ArrayList<>(Vocab.SPECIALS);
        all.addAll(List.of(pieces));
        return new Vocab(all);
    }

    @Test
    void greedyLongestMatchFirst() {
        WordPiece wp = new WordPiece(vocab("cent", "centri", "##fuge", "##f", "##uge", "µm", "0", "22", "."));
        assertEquals(List.of("centri", "##fuge"), wp.split("centrifuge"));
        assertEquals(List.of("µm"), wp.split("µm"));
    }

    @Test
    void wholeWordBecomesUnkWhenAnyRemainderIsUnknown() {
        WordPiece wp = new WordPiece(vocab("tube", "##s"));
        assertEquals(List.of("tube", "##s"), wp.split("tubes"));
        assertEquals(List.of(Vocab.UNK), wp.split("tubex"));
    }

    @Test
    void tooLongWordIsUnk() {
        WordPiece wp = new WordPiece(vocab("a", "##a"));
        assertEquals(List.of(Vocab.UNK), wp.split("a".repeat(WordPiece.MAX_INPUT_CHARS_PER_WORD + 1)));
        assertEquals(WordPiece.MAX_INPUT_CHARS_PER_WORD, wp.split("a".repeat(WordPiece.MAX_INPUT_CHARS_PER_WORD)).size());
    }

    @Test
    void learnedVocabularyCoversEveryTrainingCharacterAndMergesFrequentWords() {
        Map<String, Integer> freq = new TreeMap<>();
        freq.put("tubes", 50);
        freq.put("tips", 40);
        freq.put("µl", 30);
        freq.put("xylophone", 1);
        Vocab v = new WordPieceVocabBuilder(200, 2).build(freq);
        assertEquals(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"), v.pieces().subList(0, 5));
        WordPiece wp = new WordPiece(v);
        assertEquals(List.of("tubes"), wp.split("tubes"));
        assertEquals(List.of("µl"), wp.split("µl"));
        // rare word: still representable from characters, never [UNK]
        assertTrue(!wp.split("xylophone").contains(Vocab.UNK));
        assertTrue(wp.split("xylophone").size() > 1);
    }
}
