package com.kggateway.ner.model;

/**
 * Encoder hyper-parameters; serialized into the model folder's config.json. {@code featureCount} is the number of
 * per-word feature ids ({@link dev.kggateway.ner.contract.WordFeatures#COUNT}) the model takes as a fourth input, 0
 * for a model that reads word pieces only.
 */
public record BertConfig(int vocabSize, int hiddenSize, int numLayers, int numHeads, int intermediateSize,
                         int maxSequenceLength, int nTags, float dropout, int featureCount) {
    public BertConfig {
        if (hiddenSize % numHeads != 0) {
            throw new IllegalArgumentException("hidden size must be divisible by heads");
        }
    }

    /** A model without word features. */
    public BertConfig(int vocabSize, int hiddenSize, int numLayers, int numHeads, int intermediateSize,
                      int maxSequenceLength, int nTags, float dropout) {
        this(vocabSize, hiddenSize, numLayers, numHeads, intermediateSize, maxSequenceLength, nTags, dropout, 0);
    }

    public boolean takesFeatures() {
        return featureCount > 0;
    }

    public BertConfig withFeatureCount(int count) {
        return new BertConfig(vocabSize, hiddenSize, numLayers, numHeads, intermediateSize, maxSequenceLength, nTags,
                dropout, count);
    }

    public int headSize() {
        return hiddenSize / numHeads;
    }
}
