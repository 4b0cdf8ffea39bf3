package com.kggateway.ner.features;

import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.tokenize.Vocab;
import com.kggateway.ner.tokenize.WordPiece;
import dev.kggateway.ner.contract.TagSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AlignmentTest {

    private static final TagSet TAGS = TagSet.standard();

    private static WordPiece wordPiece() {
        List<String> pieces = new ArrayList<>(Vocab.SPECIALS); // ids 0..4
        pieces.addAll(List.of("valve", "1", "/", "4", "in", ".", ",", "centri", "##fuge", "##s"));  // 5..14
        return new WordPiece(new Vocab(pieces));
    }

    /** The labelling unit is the whitespace word: its label sits on its first piece only, punctuation included. */
    @Test
    void oneLabelPerWhitespaceWordOnItsFirstPiece() {
        SentenceEncoder enc = new SentenceEncoder(wordPiece(), 64);
        TaggedSentence s = new TaggedSentence("1", List.of("valve,", "1/4", "in."), List.of("B-addon", "B-size", "I-size"));
        List<EncodedWindow> w = enc.encode(s, TAGS);
        assertArrayEquals(new int[] {2, 5, 11, 6, 7, 8, 9, 10, 3}, w.get(0).inputIds());
        int addon = TAGS.id("B-addon");
        int size = TAGS.id("B-size");
        int inSize = TAGS.id("I-size");
        assertArrayEquals(new int[] {-1, addon, -1, size, -1, -1, inSize, -1, -1}, w.get(0).labels());
        assertArrayEquals(new int[] {1, 3, 6}, w.get(0).firstPiece());
    }

    @Test
    void unknownTagsCarryNoLabel() {
        SentenceEncoder enc = new SentenceEncoder(wordPiece(), 64);
        TaggedSentence s = new TaggedSentence("1", List.of("centrifuges", "valve"), List.of("?", "B-addon"));
        List<EncodedWindow> w = enc.encode(s, TAGS);
        assertArrayEquals(new int[] {2, 12, 13, 14, 5, 3}, w.get(0).inputIds());
        assertArrayEquals(new int[] {-1, -1, -1, -1, TAGS.id("B-addon"), -1}, w.get(0).labels());
        assertArrayEquals(new int[] {1, 4}, w.get(0).firstPiece());
    }

    @Test
    void aWordTheNormaliserDropsHasNoPiece() {
        SentenceEncoder enc = new SentenceEncoder(wordPiece(), 64);
        EncodedWindow w = enc.encode(List.of("valve", "\u200b", "valve"), null).get(0);
        assertArrayEquals(new int[] {1, -1, 2}, w.firstPiece());
    }

    @Test
    void longDescriptionsAreSplitIntoWindowsAtWordBoundaries() {
        SentenceEncoder enc = new SentenceEncoder(wordPiece(), 8); // 6 pieces per window
        List<String> tokens = List.of("centrifuges", "valve", "valve", "centrifuges", "valve", "valve", "valve");
        List<EncodedWindow> w = enc.encode(tokens, null);
        // pieces per word: 3,1,1,3,1,1,1 -> windows [3+1+1=5] then [3+1+1+1=6]
        assertEquals(2, w.size());
        assertEquals(0, w.get(0).firstWord());
        assertEquals(3, w.get(0).wordCount());
        assertEquals(3, w.get(1).firstWord());
        assertEquals(4, w.get(1).wordCount());
        assertEquals(8, w.get(1).length());
        for (EncodedWindow x : w) {
            assertEquals(2, x.inputIds()[0]);
            assertEquals(3, x.inputIds()[x.length() - 1]);
        }
    }

    /**
     * At inference a text longer than the window is read as the gateway reads it (ner-contract WordWindows):
     * overlapping windows, every word predicted exactly once, from the window where it sits farthest from an edge,
     * and never from a window longer than the gateway's window even when max_sequence_length allows more (dev-set
     * line 218, 42 pieces: evaluate read it in one window of 64, the gateway in two of 40).
     */
    @Test
    void inferenceReadsLongTextsInTheGatewaysOverlappingWindows() {
        SentenceEncoder enc = new SentenceEncoder(wordPiece(), 64);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            tokens.add(i % 2 == 0 ? "centrifuges" : "valve"); // 3 + 1 pieces: 44 in all
        }
        assertEquals(1, enc.encode(tokens, null).size(), "training rows fill max_sequence_length - 2");
        List<EncodedWindow> w = enc.encodeForInference(tokens, 40);
        assertEquals(2, w.size());
        int[] readFrom = new int[tokens.size()];
        java.util.Arrays.fill(readFrom, -1);
        for (int k = 0; k < w.size(); k++) {
            EncodedWindow x = w.get(k);
            org.junit.jupiter.api.Assertions.assertTrue(x.length() <= 42, "at most 40 pieces + [CLS] [SEP]");
            assertEquals(2, x.inputIds()[0]);
            assertEquals(3, x.inputIds()[x.length() - 1]);
            for (int j = 0; j < x.wordCount(); j++) {
                if (x.firstPiece()[j] >= 0) {
                    assertEquals(-1, readFrom[x.firstWord() + j], "each word is read once");
                    readFrom[x.firstWord() + j] = k;
                    assertEquals(tokens.get(x.firstWord() + j).equals("valve") ? 5 : 12, x.inputIds()[x.firstPiece()[j]]);
                }
            }
        }
        assertEquals(0, readFrom[0]);
        assertEquals(1, readFrom[tokens.size() - 1]);
        org.junit.jupiter.api.Assertions.assertTrue(w.get(1).firstWord() < w.get(0).firstWord() + w.get(0).wordCount(),
                "the windows overlap");
        for (int i = 1; i < readFrom.length; i++) {
            org.junit.jupiter.api.Assertions.assertTrue(readFrom[i] >= readFrom[i - 1], "owned ranges in text order");
        }
    }

    @Test
    void batchPadsWithZeroAndMasks() {
        SentenceEncoder enc = new SentenceEncoder(wordPiece(), 64);
        Batch b = Batch.of(enc.encode(List.of("valve"), null), 5);
        assertArrayEquals(new int[] {2, 5, 3, 0, 0}, b.inputIds);
        assertArrayEquals(new int[] {1, 1, 1, 0, 0}, b.inputMask);
    }
}
