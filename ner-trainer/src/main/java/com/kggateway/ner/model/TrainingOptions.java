package com.kggateway.ner.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that determines a training run; recorded in manifest.json.
 *
 * @param tagWeights loss weight per entity type (--tag-weight): a labelled position whose gold tag is B-TYPE or
 *     I-TYPE counts W times in the loss, every other labelled position once; empty = the unweighted loss
 */
public record TrainingOptions(int hiddenSize, int numLayers, int numHeads, int intermediateSize, int maxSequenceLength,
                              int vocabSize, float dropout, float unkProbability, int epochs, int batchSize, float learningRate,
                              float warmupFraction, int patience, long seed, int threads, Map<String, Float> tagWeights) {

    public TrainingOptions {
        tagWeights = Map.copyOf(tagWeights == null ? Map.of() : tagWeights);
        for (Map.Entry<String, Float> e : tagWeights.entrySet()) {
            float w = e.getValue();
            if (!(w > 0) || !Float.isFinite(w)) {
                throw new IllegalArgumentException("tag weight of " + e.getKey() + " must be finite and > 0: " + w);
            }
        }
        // sorted, so the manifest records the weights in a stable order
        tagWeights = java.util.Collections.unmodifiableMap(new TreeMap<>(tagWeights));
    }

    /** Unweighted loss (no --tag-weight). */
    public TrainingOptions(int hiddenSize, int numLayers, int numHeads, int intermediateSize, int maxSequenceLength,
                           int vocabSize, float dropout, float unkProbability, int epochs, int batchSize, float learningRate,
                           float warmupFraction, int patience, long seed, int threads) {
        this(hiddenSize, numLayers, numHeads, intermediateSize, maxSequenceLength, vocabSize, dropout, unkProbability,
                epochs, batchSize, learningRate, warmupFraction, patience, seed, threads, Map.of());
    }

    public static TrainingOptions defaults() {
        return new TrainingOptions(128, 2, 4, 512, 64, 4000, 0.1f, 0.08f, 8, 32, 1e-3f, 0.06f, 2, 42L, 2);
    }

    public TrainingOptions withTagWeights(Map<String, Float> weights) {
        return new TrainingOptions(hiddenSize, numLayers, numHeads, intermediateSize, maxSequenceLength, vocabSize,
                dropout, unkProbability, epochs, batchSize, learningRate, warmupFraction, patience, seed, threads, weights);
    }
}
