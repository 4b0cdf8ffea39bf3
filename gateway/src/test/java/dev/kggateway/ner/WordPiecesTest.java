package dev.kggateway.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordPiecesTest {

    /** n words of {@code piecesPerWord} pieces each, words "w0 w1 …" separated by one space. */
    static WordPieces words(int n, int piecesPerWord) {
        int pieces = n * piecesPerWord;
        long[] ids = new long[pieces];
        long[] wordOf = new long[pieces];
        int[] start = new int[pieces];
        int[] end = new int[pieces];
        StringBuilder text = new StringBuilder();
        int p = 0;
        for (int w = 0; w < n; w++) {
            int wordStart = text.length();
            text.append("w").append(w);
            for (int k = 0; k < piecesPerWord; k++, p++) {
                ids[p] = 100 + p;
                wordOf[p] = w;
                start[p] = wordStart;
                end[p] = text.length();
            }
            text.append(' ');
        }
        return new WordPieces(text.toString(), ids, wordOf, start, end);
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
