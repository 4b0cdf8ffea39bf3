package dev.kggateway.ner;

import dev.kggateway.ner.contract.WordWindows;
import dev.kggateway.ner.contract.Words;
import java.util.List;

/**
 * A text's word pieces grouped by word — the contract's labelling unit, a whitespace-separated word
 * ({@link Words}) — and its split into model-sized chunks that never cut a word: the seed's
 * {@code split_and_duplicate_index}, whose inverse ({@code map_split_preds_to_idx}) is {@link Chunk#wordFrom}. A word
 * without pieces (only characters the tokenizer's normaliser drops) has {@code firstPiece == endPiece}.
 */
public final class WordPieces {

    final String text;
    final List<Words.Word> words;
    final long[] pieceIds;
    /** Per word: index of its first piece and index after its last piece. */
    final int[] firstPiece;
    final int[] endPiece;

    /**
     * @param words the text's words
     * @param pieceIdsOfWord the word pieces of each word, in order
     */
    public WordPieces(String text, List<Words.Word> words, List<long[]> pieceIdsOfWord) {
        this.text = text;
        this.words = words;
        int n = words.size();
        firstPiece = new int[n];
        endPiece = new int[n];
        int total = 0;
        for (int w = 0; w < n; w++) {
            firstPiece[w] = total;
            total += pieceIdsOfWord.get(w).length;
            endPiece[w] = total;
        }
        pieceIds = new long[total];
        for (int w = 0; w < n; w++) {
            System.arraycopy(pieceIdsOfWord.get(w), 0, pieceIds, firstPiece[w], pieceIdsOfWord.get(w).length);
        }
    }

    /** True if the model sees at least one piece of word {@code w}. */
    boolean hasPieces(int w) {
        return endPiece[w] > firstPiece[w];
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
     * Splits into windows of at most {@code maxPieces} pieces without cutting a word: ner-contract's {@link WordWindows}
     * (overlapping windows, each word read where it sits farthest from an edge), the windows the trainer evaluates with.
     */
    public List<Chunk> chunks(int maxPieces) {
        return WordWindows.of(firstPiece, endPiece, maxPieces).stream()
                .map(w -> new Chunk(w.wordFrom(), w.wordTo(), w.pieceFrom(), w.pieceTo(), w.ownFrom(), w.ownTo()))
                .toList();
    }
}
