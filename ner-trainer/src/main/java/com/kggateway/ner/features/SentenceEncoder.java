package com.kggateway.ner.features;

import com.kggateway.ner.tokenize.WordPiece;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns pre-tokens into BERT rows. Descriptions longer than max_sequence_length - 2 pieces are split into
 * consecutive windows at pre-token boundaries (as the seed splits long sentences), so every pre-token is predicted
 * exactly once.
 */
public final class SentenceEncoder {
    private final WordPiece wordPiece;
    private final int maxSequenceLength;

    public SentenceEncoder(WordPiece wordPiece, int maxSequenceLength) {
        this.wordPiece = wordPiece;
        this.maxSequenceLength = maxSequenceLength;
    }

    public int maxSequenceLength() {
        return maxSequenceLength;
    }

    /** @param tagIds per pre-token tag id, or null at inference time */
    public List<EncodedWindow> encode(List<String> preTokens, int[] tagIds) {
        int budget = maxSequenceLength - 2;
        List<EncodedWindow> windows = new ArrayList<>();
        int start = 0;
        while (start < preTokens.size()) {
            int[] ids = new int[maxSequenceLength];
            int[] labels = new int[maxSequenceLength];
            Arrays.fill(labels, -1);
            List<Integer> first = new ArrayList<>();
            int pos = 0;
            ids[pos++] = wordPiece.vocab().clsId();
            int t = start;
            while (t < preTokens.size()) {
                int[] pieces = wordPiece.ids(preTokens.get(t));
                if (pos - 1 + pieces.length > budget) {
                    if (t > start) {
                        break; // next window
                    }
                    // a single pre-token longer than the budget: keep what fits; only its first piece is labelled
                    pieces = Arrays.copyOf(pieces, budget);
                }
                first.add(pos);
                if (tagIds != null) {
                    labels[pos] = tagIds[t];
                }
                System.arraycopy(pieces, 0, ids, pos, pieces.length);
                pos += pieces.length;
                t++;
            }
            ids[pos++] = wordPiece.vocab().sepId();
            windows.add(new EncodedWindow(Arrays.copyOf(ids, pos), Arrays.copyOf(labels, pos),
                    first.stream().mapToInt(Integer::intValue).toArray(), start));
            start = t;
        }
        if (windows.isEmpty()) {
            windows.add(new EncodedWindow(new int[] {wordPiece.vocab().clsId(), wordPiece.vocab().sepId()},
                    new int[] {-1, -1}, new int[0], 0));
        }
        return windows;
    }

    public List<EncodedWindow> encode(PreTokenLabels labelled, TagSet tags) {
        int[] tagIds = labelled.tags().stream().mapToInt(tags::id).toArray();
        return encode(labelled.tokens(), tagIds);
    }
}
