package dev.kggateway.ner.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * How a text's word pieces are read by the model, the same in the gateway and in the trainer's evaluation: windows
 * of at most {@code maxPieces} pieces that never cut a word. Windows overlap by about half, and each word is read in
 * the window where it sits farthest from an edge: a hard cut (the seed's {@code split_and_duplicate_index}) would
 * leave an entity such as "0.22 µm" split across two windows, each without the context that tells what it is. A
 * single word longer than a window keeps its first {@code maxPieces} pieces: only its first piece is labelled anyway.
 */
public final class WordWindows {

    /**
     * Window size the gateway reads with by default ({@code kg.ner.window-pieces}) and the trainer evaluates with:
     * the shipped models saw almost no training text longer than this, and on long descriptions their late position
     * embeddings mislabel numbers; windows of 40 read them right (README, NER).
     */
    public static final int DEFAULT_PIECES = 40;

    private WordWindows() {
    }

    /**
     * Words {@code [wordFrom, wordTo)} whose pieces {@code [pieceFrom, pieceTo)} fill one model sequence; the
     * prediction for words {@code [ownFrom, ownTo)} is taken from this window.
     */
    public record Window(int wordFrom, int wordTo, int pieceFrom, int pieceTo, int ownFrom, int ownTo) {
    }

    /**
     * @param firstPiece per word, the index of its first piece in the text's pieces
     * @param endPiece per word, the index after its last piece ({@code == firstPiece} for a word without pieces)
     */
    public static List<Window> of(int[] firstPiece, int[] endPiece, int maxPieces) {
        int n = firstPiece.length;
        List<int[]> windows = new ArrayList<>();
        int s = 0;
        while (s < n) {
            int e = s + 1;
            while (e < n && endPiece[e] - firstPiece[s] <= maxPieces) {
                e++;
            }
            windows.add(new int[] { s, e });
            if (e >= n) {
                break;
            }
            int middle = firstPiece[s] + (endPiece[e - 1] - firstPiece[s]) / 2;
            int next = s + 1;
            while (next < e - 1 && firstPiece[next] < middle) {
                next++;
            }
            s = next;
        }
        int[] owner = new int[n];
        for (int w = 0; w < n; w++) {
            int best = -1;
            int bestMargin = Integer.MIN_VALUE;
            for (int k = 0; k < windows.size(); k++) {
                int[] win = windows.get(k);
                if (w < win[0] || w >= win[1]) {
                    continue;
                }
                int margin = Math.min(firstPiece[w] - firstPiece[win[0]], endPiece[win[1] - 1] - endPiece[w]);
                if (margin > bestMargin) {
                    bestMargin = margin;
                    best = k;
                }
            }
            owner[w] = best;
        }
        List<Window> out = new ArrayList<>(windows.size());
        for (int k = 0; k < windows.size(); k++) {
            int[] win = windows.get(k);
            int ownFrom = win[1];
            int ownTo = win[0];
            for (int w = win[0]; w < win[1]; w++) {
                if (owner[w] == k) {
                    ownFrom = Math.min(ownFrom, w);
                    ownTo = Math.max(ownTo, w + 1);
                }
            }
            if (ownFrom >= ownTo) {
                continue; // fully covered by better-placed neighbours
            }
            int pieceFrom = firstPiece[win[0]];
            int pieceTo = Math.min(endPiece[win[1] - 1], pieceFrom + maxPieces);
            out.add(new Window(win[0], win[1], pieceFrom, pieceTo, ownFrom, ownTo));
        }
        return out;
    }
}
