package com.kggateway.ner.model;

import dev.kggateway.ner.contract.TagSet;

import java.util.List;

/**
 * What evaluation reads from a model: per sentence, per whitespace word, a probability vector over the tag set at
 * the word's first piece (null for a word without pieces). One TF model ({@link TfTagger}) or the mean of several
 * ({@link Ensemble}).
 */
public interface WordTagger {
    List<float[][]> wordProbabilities(List<List<String>> sentencesWords);

    TagSet tags();
}
