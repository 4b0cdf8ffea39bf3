package com.kggateway.ner.features;

import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.tokenize.BertPreTokenizer;
import com.kggateway.ner.tokenize.WordPiece;
import dev.kggateway.ner.contract.TagSet;
import dev.kggateway.ner.contract.WordFeatures;
import dev.kggateway.ner.contract.WordWindows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns whitespace words (the labelling unit) into BERT rows: each word's pieces are the WordPiece pieces of its
 * BERT pre-tokens ("valve," → valve ,), and the word's label sits on its first piece; other pieces, specials and
 * padding carry -1 (no loss, no prediction), as do words tagged {@code ?} (unknown). Descriptions longer than
 * max_sequence_length - 2 pieces are split into consecutive windows at word boundaries, so every word is
 * predicted exactly once.
 */
public final class SentenceEncoder {
    private final WordPiece wordPiece;
    private final int maxSequenceLength;
    private final WordFeatures features;

    public SentenceEncoder(WordPiece wordPiece, int maxSequenceLength) {
        this(wordPiece, maxSequenceLength, null);
    }

    /** @param features the word features the model takes, or null */
    public SentenceEncoder(WordPiece wordPiece, int maxSequenceLength, WordFeatures features) {
        this.wordPiece = wordPiece;
        this.maxSequenceLength = maxSequenceLength;
        this.features = features;
    }

    public WordFeatures features() {
        return features;
    }

    public int maxSequenceLength() {
        return maxSequenceLength;
    }

    /** Piece ids of one whitespace word: the pieces of all its pre-tokens (none for a word the normaliser drops). */
    public int[] pieces(String word) {
        List<String> preTokens = BertPreTokenizer.tokens(word, wordPiece.vocab().stripAccents());
        if (preTokens.size() == 1) {
            return wordPiece.ids(preTokens.get(0));
        }
        int[] all = new int[0];
        for (String t : preTokens) {
            int[] ids = wordPiece.ids(t);
            int at = all.length;
            all = Arrays.copyOf(all, at + ids.length);
            System.arraycopy(ids, 0, all, at, ids.length);
        }
        return all;
    }

    /**
     * @param words whitespace words
     * @param tagIds per word tag id, -1 for unknown, or null at inference time
     */
    public List<EncodedWindow> encode(List<String> words, int[] tagIds) {
        int budget = maxSequenceLength - 2;
        List<EncodedWindow> windows = new ArrayList<>();
        int start = 0;
        while (start < words.size()) {
            int[] ids = new int[maxSequenceLength];
            int[] featureIds = new int[maxSequenceLength]; // PAD_ID (0) for specials
            int[] labels = new int[maxSequenceLength];
            Arrays.fill(labels, -1);
            List<Integer> first = new ArrayList<>();
            int pos = 0;
            ids[pos++] = wordPiece.vocab().clsId();
            int t = start;
            while (t < words.size()) {
                int[] pieces = pieces(words.get(t));
                if (pos - 1 + pieces.length > budget) {
                    if (t > start) {
                        break; // next window
                    }
                    // a single word longer than the budget: keep what fits; only its first piece is labelled
                    pieces = Arrays.copyOf(pieces, budget);
                }
                if (pieces.length == 0) {
                    first.add(-1); // nothing the model can see: predicted outside
                } else {
                    first.add(pos);
                    if (tagIds != null) {
                        labels[pos] = tagIds[t];
                    }
                }
                System.arraycopy(pieces, 0, ids, pos, pieces.length);
                if (features != null) {
                    Arrays.fill(featureIds, pos, pos + pieces.length, features.id(words.get(t)));
                }
                pos += pieces.length;
                t++;
            }
            ids[pos++] = wordPiece.vocab().sepId();
            windows.add(new EncodedWindow(Arrays.copyOf(ids, pos), Arrays.copyOf(labels, pos),
                    first.stream().mapToInt(Integer::intValue).toArray(), start, Arrays.copyOf(featureIds, pos)));
            start = t;
        }
        if (windows.isEmpty()) {
            windows.add(new EncodedWindow(new int[] {wordPiece.vocab().clsId(), wordPiece.vocab().sepId()},
                    new int[] {-1, -1}, new int[0], 0, new int[2]));
        }
        return windows;
    }

    /**
     * Inference rows of a text as the gateway reads it: ner-contract's {@link WordWindows} of at most
     * {@code windowPieces} pieces (capped by max_sequence_length - 2), overlapping, each word predicted once, in the
     * window where it sits farthest from an edge ({@code firstPiece} is -1 for the words a window does not own).
     */
    public List<EncodedWindow> encodeForInference(List<String> words, int windowPieces) {
        int n = words.size();
        int[][] pieces = new int[n][];
        int[] firstPiece = new int[n];
        int[] endPiece = new int[n];
        int total = 0;
        for (int w = 0; w < n; w++) {
            pieces[w] = pieces(words.get(w));
            firstPiece[w] = total;
            total += pieces[w].length;
            endPiece[w] = total;
        }
        int maxPieces = Math.min(maxSequenceLength - 2, windowPieces);
        List<EncodedWindow> windows = new ArrayList<>();
        for (WordWindows.Window win : WordWindows.of(firstPiece, endPiece, maxPieces)) {
            int length = win.pieceTo() - win.pieceFrom() + 2;
            int[] ids = new int[length];
            int[] featureIds = new int[length]; // PAD_ID (0) for specials
            int[] labels = new int[length];
            Arrays.fill(labels, -1);
            int[] first = new int[win.wordTo() - win.wordFrom()];
            ids[0] = wordPiece.vocab().clsId();
            for (int w = win.wordFrom(); w < win.wordTo(); w++) {
                int from = Math.max(firstPiece[w], win.pieceFrom());
                int to = Math.min(endPiece[w], win.pieceTo());
                for (int p = from; p < to; p++) {
                    ids[1 + p - win.pieceFrom()] = pieces[w][p - firstPiece[w]];
                }
                if (features != null && from < to) {
                    Arrays.fill(featureIds, 1 + from - win.pieceFrom(), 1 + to - win.pieceFrom(), features.id(words.get(w)));
                }
                boolean owned = w >= win.ownFrom() && w < win.ownTo() && from < to;
                first[w - win.wordFrom()] = owned ? 1 + firstPiece[w] - win.pieceFrom() : -1;
            }
            ids[length - 1] = wordPiece.vocab().sepId();
            windows.add(new EncodedWindow(ids, labels, first, win.wordFrom(), featureIds));
        }
        return windows;
    }

    /** Training rows of a labelled sentence; {@code ?} words get no label. */
    public List<EncodedWindow> encode(TaggedSentence sentence, TagSet tags) {
        int[] tagIds = sentence.tags().stream().mapToInt(t -> TagSet.UNKNOWN.equals(t) ? -1 : tags.id(t)).toArray();
        return encode(sentence.words(), tagIds);
    }
}
