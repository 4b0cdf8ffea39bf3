package dev.kggateway.ner.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordWindowsTest {

    private static int[][] pieces(int... perWord) {
        int[] first = new int[perWord.length];
        int[] end = new int[perWord.length];
        int total = 0;
        for (int w = 0; w < perWord.length; w++) {
            first[w] = total;
            total += perWord[w];
            end[w] = total;
        }
        return new int[][] {first, end};
    }

    @Test
    void aTextThatFitsIsOneWindowOwningEveryWord() {
        int[][] p = pieces(2, 2, 2);
        assertEquals(List.of(new WordWindows.Window(0, 3, 0, 6, 0, 3)), WordWindows.of(p[0], p[1], 40));
    }

    @Test
    void aLongTextIsReadInOverlappingWindowsEachWordOnce() {
        int[][] p = pieces(3, 1, 1, 3, 1, 1, 1, 3, 1, 1, 1, 3, 1, 1);
        List<WordWindows.Window> windows = WordWindows.of(p[0], p[1], 12);
        assertTrue(windows.size() >= 2);
        int next = 0;
        for (WordWindows.Window w : windows) {
            assertTrue(w.pieceTo() - w.pieceFrom() <= 12);
            assertEquals(next, w.ownFrom(), "owned ranges tile the text");
            assertTrue(w.wordFrom() <= w.ownFrom() && w.ownTo() <= w.wordTo());
            next = w.ownTo();
        }
        assertEquals(14, next);
        assertTrue(windows.get(1).wordFrom() < windows.get(0).wordTo(), "windows overlap");
    }

    @Test
    void aWordLongerThanTheWindowKeepsItsFirstPieces() {
        int[][] p = pieces(1, 50, 1);
        for (WordWindows.Window w : WordWindows.of(p[0], p[1], 40)) {
            assertTrue(w.pieceTo() - w.pieceFrom() <= 40);
        }
    }
}
