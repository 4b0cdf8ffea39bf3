package com.kggateway.ner.features;

/**
 * One model input row: [CLS] pieces [SEP] (unpadded). {@code labels[i]} is the tag id at position i or -1 where
 * the position is not a labelling unit. {@code firstPiece[k]} is the position of the first piece of word
 * {@code firstWord + k} (-1 when the word has no piece).
 */
public record EncodedWindow(int[] inputIds, int[] labels, int[] firstPiece, int firstWord) {
    public int length() {
        return inputIds.length;
    }

    public int wordCount() {
        return firstPiece.length;
    }
}
