package com.kggateway.ner.model;

import dev.kggateway.ner.contract.TagSet;
import dev.kggateway.ner.contract.WordFeatures;
import com.kggateway.ner.tokenize.Vocab;

import java.util.List;

/** Result of training: everything needed to export a model folder ({@code features} null: none). */
public record TrainedModel(BertConfig config, Vocab vocab, TagSet tags, WeightSnapshot weights,
                           List<EpochStats> history, int bestEpoch, double trainingSeconds, WordFeatures features) {

    /** Progress of one epoch. */
    public record EpochStats(int epoch, double meanLoss, double validationF1, double seconds) { }
}
