package com.kggateway.ner.features;

/**
 * One model input row: [CLS] pieces [SEP] (unpadded). {@code labels[i]} is the tag id at position i or -1 where
 * the position is not a labelling unit. {@code firstPiece[k]} is the position of the first piece of word
 * {@code firstWord + k} (-1 when the word has no piece). {@code featureIds[i]} is the word feature id of the word
 * that piece i belongs to ({@link dev.kggateway.ner.contract.WordFeatures#PAD_ID} for specials; all PAD when the
 * model takes no features).
 */
public record EncodedWindow(int[] inputIds, int[] labels, int[] firstPiece, int firstWord, int[] featureIds) {
    public int length() {
        return inputIds.length;
    }

    public int wordCount() {
        return firstPiece.length;
    }
}
