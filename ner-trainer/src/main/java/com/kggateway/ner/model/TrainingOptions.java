package com.kggateway.ner.model;

import java.util.Collections;
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
        tagWeights.forEach(TrainingOptions::requireValidTagWeight);
        // sorted, so the manifest records the weights in a stable order
        tagWeights = Collections.unmodifiableMap(new TreeMap<>(tagWeights));
    }

    /**
     * The one rule for a loss weight, checked wherever weights enter (the --tag-weight option, these options, the
     * trainer's per-tag table): finite and > 0.
     */
    public static void requireValidTagWeight(String type, float weight) {
        if (!(weight > 0) || !Float.isFinite(weight)) {
            throw new IllegalArgumentException("tag weight of " + type + " must be finite and > 0: " + weight);
        }
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
