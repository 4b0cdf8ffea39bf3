package dev.kggateway.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.ner.contract.Words;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordPiecesTest {

    /** n words of {@code piecesPerWord} pieces each, words "w0 w1 …" separated by one space. */
    static WordPieces words(int n, int piecesPerWord) {
        StringBuilder text = new StringBuilder();
        List<long[]> ids = new ArrayList<>();
        int p = 0;
        for (int w = 0; w < n; w++) {
            text.append(w == 0 ? "" : " ").append("w").append(w);
            long[] wordIds = new long[piecesPerWord];
            for (int k = 0; k < piecesPerWord; k++, p++) {
                wordIds[k] = 100 + p;
            }
            ids.add(wordIds);
        }
        return new WordPieces(text.toString(), Words.split(text.toString()), ids);
    }

    @Test
    void aWordWithoutPiecesTakesNoRoomAndIsMarked() {
        String text = "a \u200b b";
        WordPieces p = new WordPieces(text, Words.split(text), List.of(new long[] {7}, new long[0], new long[] {8, 9}));
        assertEquals(3, p.wordCount());
        assertTrue(p.hasPieces(0) && !p.hasPieces(1) && p.hasPieces(2));
        assertEquals(List.of(new WordPieces.Chunk(0, 3, 0, 3, 0, 3)), p.chunks(62));
    }

    @Test
    void shortTextIsOneChunkOwningEveryWord() {
        List<WordPieces.Chunk> chunks = words(10, 2).chunks(62);
        assertEquals(List.of(new WordPieces.Chunk(0, 10, 0, 20, 0, 10)), chunks);
    }

    @Test
    void longTextWindowsNeverCutAWordAndEveryWordHasExactlyOneOwner() {
        WordPieces text = words(100, 3);
        List<WordPieces.Chunk> chunks = text.chunks(62);
        assertTrue(chunks.size() >= 5);
        List<Integer> owned = new ArrayList<>();
        for (WordPieces.Chunk c : chunks) {
            assertTrue(c.pieceTo() - c.pieceFrom() <= 62, c.toString());
            assertEquals(text.firstPiece[c.wordFrom()], c.pieceFrom(), "window starts on a word boundary");
            assertEquals(text.endPiece[c.wordTo() - 1], c.pieceTo(), "window ends on a word boundary");
            assertTrue(c.wordFrom() <= c.ownFrom() && c.ownTo() <= c.wordTo());
            for (int w = c.ownFrom(); w < c.ownTo(); w++) {
                owned.add(w);
            }
        }
        List<Integer> all = new ArrayList<>();
        for (int w = 0; w < 100; w++) {
            all.add(w);
        }
        assertEquals(all, owned, "each word read exactly once, in order");
        // Overlap: an owned word away from the text's ends is not at its window's edge.
        WordPieces.Chunk second = chunks.get(1);
        assertTrue(second.ownFrom() > second.wordFrom());
    }

    @Test
    void aWordLongerThanTheWindowKeepsItsFirstPieces() {
        WordPieces text = words(3, 70);
        List<WordPieces.Chunk> chunks = text.chunks(62);
        assertEquals(3, chunks.size());
        chunks.forEach(c -> assertEquals(62, c.pieceTo() - c.pieceFrom()));
    }
}
