package com.kggateway.ner.features;

import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.tokenize.Vocab;
import com.kggateway.ner.tokenize.WordPiece;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AlignmentTest {

    private static final TagSet TAGS = TagSet.from(List.of());

    private static WordPiece wordPiece() {
        List<String> pieces = new ArrayList<>(Vocab.SPECIALS); // ids 0..4
        pieces.addAll(List.of("valve", "1", "/", "4", "in", ".", ",", "centri", "##fuge", "##s"));  // 5..14
        return new WordPiece(new Vocab(pieces));
    }

    @Test
    void contractLabellingUnitRule() {
        TaggedSentence s = new TaggedSentence("1", List.of("valve,", "1/4", "in."), List.of("B-addon", "B-size", "I-size"));
        PreTokenLabels p = PreTokenLabels.of(s);
        assertEquals(List.of("valve", ",", "1", "/", "4", "in", "."), p.tokens());
        assertEquals(List.of("B-addon", "I-addon", "B-size", "I-size", "I-size", "I-size", "I-size"), p.tags());

        PreTokenLabels o = PreTokenLabels.of(new TaggedSentence("2", List.of("w/"), List.of("O")));
        assertEquals(List.of("O", "O"), o.tags());
    }

    @Test
    void labelsOnlyFirstPieceOfEachPreToken() {
        SentenceEncoder enc = new SentenceEncoder(wordPiece(), 64);
        TaggedSentence s = new TaggedSentence("1", List.of("centrifuges", "valve"), List.of("B-product", "B-addon"));
        List<EncodedWindow> w = enc.encode(PreTokenLabels.of(s), TAGS);
        assertEquals(1, w.size());
        assertArrayEquals(new int[] {2, 12, 13, 14, 5, 3}, w.get(0).inputIds());
        int product = TAGS.id("B-product");
        int addon = TAGS.id("B-addon");
        assertArrayEquals(new int[] {-1, product, -1, -1, addon, -1}, w.get(0).labels());
        assertArrayEquals(new int[] {1, 4}, w.get(0).firstPiece());
    }

    @Test
    void longDescriptionsAreSplitIntoWindowsAtPreTokenBoundaries() {
        SentenceEncoder enc = new SentenceEncoder(wordPiece(), 8); // 6 pieces per window
        List<String> tokens = List.of("centrifuges", "valve", "valve", "centrifuges", "valve", "valve", "valve");
        List<EncodedWindow> w = enc.encode(tokens, null);
        // pieces per token: 3,1,1,3,1,1,1 -> windows [3+1+1=5] then [3+1+1+1=6]
        assertEquals(2, w.size());
        assertEquals(0, w.get(0).firstPreToken());
        assertEquals(3, w.get(0).preTokenCount());
        assertEquals(3, w.get(1).firstPreToken());
        assertEquals(4, w.get(1).preTokenCount());
        assertEquals(8, w.get(1).length());
        for (EncodedWindow x : w) {
            assertEquals(2, x.inputIds()[0]);
            assertEquals(3, x.inputIds()[x.length() - 1]);
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
