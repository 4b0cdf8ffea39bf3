package com.kggateway.ner.model;

/** Everything that determines a training run; recorded in manifest.json. */
public record TrainingOptions(int hiddenSize, int numLayers, int numHeads, int intermediateSize, int maxSequenceLength,
                              int vocabSize, float dropout, float unkProbability, int epochs, int batchSize, float learningRate,
                              float warmupFraction, int patience, long seed, int threads) {

    public static TrainingOptions defaults() {
        return new TrainingOptions(128, 2, 4, 512, 64, 4000, 0.1f, 0.08f, 8, 32, 1e-3f, 0.06f, 2, 42L, 2);
    }
}
