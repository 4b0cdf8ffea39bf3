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

    /** Words {@code [wordFrom, wordTo)} whose pieces {@code [pieceFrom, pieceTo)} fill one model sequence. */
    public record Chunk(int wordFrom, int wordTo, int pieceFrom, int pieceTo) {
    }

    /**
     * Splits into chunks of at most {@code maxPieces} pieces without cutting a word. A single word longer than that
     * keeps its first {@code maxPieces} pieces: only its first piece is labelled anyway.
     */
    public List<Chunk> chunks(int maxPieces) {
        List<Chunk> chunks = new ArrayList<>();
        int w = 0;
        while (w < wordCount()) {
            int wordFrom = w;
            int pieceFrom = firstPiece[w];
            int pieceTo = Math.min(endPiece[w], pieceFrom + maxPieces);
            w++;
            while (w < wordCount() && endPiece[w] - pieceFrom <= maxPieces) {
                pieceTo = endPiece[w];
                w++;
            }
            chunks.add(new Chunk(wordFrom, w, pieceFrom, pieceTo));
        }
        return chunks;
    }
}
