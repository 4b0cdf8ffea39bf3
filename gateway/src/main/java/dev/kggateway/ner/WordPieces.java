package dev.kggateway.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * A text's word pieces grouped by pre-token ("word": whitespace and punctuation split, as the tokenizer's
 * pre-tokenizer does), with character offsets, and its split into model-sized chunks that never cut a word — the
 * seed's {@code split_and_duplicate_index}, whose inverse ({@code map_split_preds_to_idx}) is {@link Chunk#wordFrom}.
 */
public final class WordPieces {

    final String text;
    final long[] pieceIds;
    /** Per word: index of its first piece, index after its last piece, first char, char after last. */
    final int[] firstPiece;
    final int[] endPiece;
    final int[] charStart;
    final int[] charEnd;

    /**
     * @param pieceWord word index of each piece (the tokenizer's word ids), non-decreasing
     * @param pieceStart start char of each piece
     * @param pieceEnd end char (exclusive) of each piece
     */
    public WordPieces(String text, long[] pieceIds, long[] pieceWord, int[] pieceStart, int[] pieceEnd) {
        this.text = text;
        this.pieceIds = pieceIds;
        List<int[]> words = new ArrayList<>();
        long current = Long.MIN_VALUE;
        for (int i = 0; i < pieceIds.length; i++) {
            if (pieceWord[i] < 0) {
                continue; // special token: not part of any word
            }
            if (pieceWord[i] != current) {
                words.add(new int[] { i, i + 1, pieceStart[i], pieceEnd[i] });
                current = pieceWord[i];
            } else {
                int[] w = words.get(words.size() - 1);
                w[1] = i + 1;
                w[3] = Math.max(w[3], pieceEnd[i]);
            }
        }
        int n = words.size();
        firstPiece = new int[n];
        endPiece = new int[n];
        charStart = new int[n];
        charEnd = new int[n];
        for (int w = 0; w < n; w++) {
            int[] x = words.get(w);
            firstPiece[w] = x[0];
            endPiece[w] = x[1];
            charStart[w] = x[2];
            charEnd[w] = x[3];
        }
    }

    public int wordCount() {
        return firstPiece.length;
    }

    /**
     * Words {@code [wordFrom, wordTo)} whose pieces {@code [pieceFrom, pieceTo)} fill one model sequence; the
     * prediction for words {@code [ownFrom, ownTo)} is taken from this window.
     */
    public record Chunk(int wordFrom, int wordTo, int pieceFrom, int pieceTo, int ownFrom, int ownTo) {
    }

    /**
     * Splits into windows of at most {@code maxPieces} pieces without cutting a word. Windows overlap by about half,
     * and each word is read in the window where it sits farthest from an edge: a hard cut (the seed's
     * {@code split_and_duplicate_index}) would leave an entity such as "0.22 µm" split across two windows, each
     * without the context that tells what it is. A single word longer than a window keeps its first
     * {@code maxPieces} pieces: only its first piece is labelled anyway.
     */
    public List<Chunk> chunks(int maxPieces) {
        int n = wordCount();
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
        List<Chunk> chunks = new ArrayList<>(windows.size());
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
            chunks.add(new Chunk(win[0], win[1], pieceFrom, pieceTo, ownFrom, ownTo));
        }
        return chunks;
    }
}
