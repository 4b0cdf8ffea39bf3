package com.kggateway.ner.model;

/** Encoder hyper-parameters; serialized into the model folder's config.json. */
public record BertConfig(int vocabSize, int hiddenSize, int numLayers, int numHeads, int intermediateSize,
                         int maxSequenceLength, int nTags, float dropout) {
    public BertConfig {
        if (hiddenSize % numHeads != 0) {
            throw new IllegalArgumentException("hidden size must be divisible by heads");
        }
    }

    public int headSize() {
        return hiddenSize / numHeads;
    }
}
