package com.kggateway.ner.eval;

import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.model.WordTagger;
import dev.kggateway.ner.contract.BioDecoder;
import dev.kggateway.ner.contract.Calibration;
import dev.kggateway.ner.contract.Decoding;
import dev.kggateway.ner.contract.Entity;
import dev.kggateway.ner.contract.EntityMetrics;
import dev.kggateway.ner.contract.LabelledText;
import dev.kggateway.ner.contract.LexicalClassTable;
import dev.kggateway.ner.contract.Predictions;
import dev.kggateway.ner.contract.PropertyValues;
import dev.kggateway.ner.contract.SpanVerifier;
import dev.kggateway.ner.contract.TagSet;
import dev.kggateway.ner.contract.ThresholdSweep;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Runs a model over labelled sentences the way the gateway does (whitespace words, first-piece probabilities,
 * temperature, {@link BioDecoder}) and scores it with the contract's metrics. The (type, value) scores count the
 * links the gateway would make of the predictions ({@link PropertyValues#links}: plausible values, one per (type,
 * value)), so they describe what {@code extractProperties} returns; exact-span scores count every predicted span.
 */
public final class Evaluation {
    private static final int CHUNK = 512;

    /**
     * One sentence: gold entities, predicted entities (confidence: the span verifier's probability when one is given,
     * else the calibrated mean), predicted tags and the model's raw first-piece probabilities per word.
     */
    public record Sentence(TaggedSentence source, LabelledText text, List<Entity> gold, List<Entity> predicted,
                           List<String> predictedTags, float[][] wordProbs) { }

    private final List<Sentence> sentences;
    private final Decoding decoding;

    private Evaluation(List<Sentence> sentences, Decoding decoding) {
        this.sentences = sentences;
        this.decoding = decoding;
    }

    /** An evaluation of sentences already predicted (scoring without a model). */
    static Evaluation of(List<Sentence> sentences, Decoding decoding) {
        return new Evaluation(List.copyOf(sentences), decoding);
    }

    public static Evaluation run(WordTagger tagger, double temperature, List<TaggedSentence> data) {
        return run(tagger, temperature, data, null, null);
    }

    /**
     * @param verifier the model folder's span verifier, or null for the mean-probability confidence
     * @param lexicalClasses the folder's lexical-class table (the verifier's features; null when it has none)
     */
    public static Evaluation run(WordTagger tagger, double temperature, List<TaggedSentence> data, SpanVerifier verifier,
            LexicalClassTable lexicalClasses) {
        return run(tagger, temperature, data, Decoding.ARGMAX, verifier, lexicalClasses);
    }

    /** @param decoding how word tags are chosen (the model folder's, or the command line's) */
    public static Evaluation run(WordTagger tagger, double temperature, List<TaggedSentence> data, Decoding decoding,
            SpanVerifier verifier, LexicalClassTable lexicalClasses) {
        return run(tagger, temperature, data, decoding, BioDecoder.CONFIDENCE, verifier, lexicalClasses);
    }

    /** @param confidence how an entity's confidence is computed (the model folder's, or the command line's) */
    public static Evaluation run(WordTagger tagger, double temperature, List<TaggedSentence> data, Decoding decoding,
            BioDecoder.Confidence confidence, SpanVerifier verifier, LexicalClassTable lexicalClasses) {
        List<Sentence> out = new ArrayList<>(data.size());
        for (int from = 0; from < data.size(); from += CHUNK) {
            List<TaggedSentence> chunk = data.subList(from, Math.min(data.size(), from + CHUNK));
            List<float[][]> probs = tagger.wordProbabilities(chunk.stream().map(TaggedSentence::words).toList());
            for (int i = 0; i < chunk.size(); i++) {
                LabelledText text = chunk.get(i).labelled();
                Predictions.WordTags tags = Predictions.tags(probs.get(i), tagger.tags(), temperature, decoding);
                List<Entity> predicted = Predictions.entities(text.text(), text.words(), probs.get(i), tagger.tags(),
                        temperature, decoding, confidence, verifier, lexicalClasses);
                out.add(new Sentence(chunk.get(i), text, BioDecoder.gold(text), predicted, tags.tags(), probs.get(i)));
            }
        }
        return new Evaluation(out, decoding);
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    /** Exact (type, word range) match, keeping predictions with confidence ≥ {@code minConfidence}. */
    public EntityMetrics spans(double minConfidence) {
        return sweep(false).at(minConfidence);
    }

    /** Exact (type, word range) match, keeping predictions with confidence ≥ the threshold of their type. */
    public EntityMetrics spans(ToDoubleFunction<String> minConfidenceOfType) {
        return sweep(false).at(minConfidenceOfType);
    }

    /** (type, value) match per sentence, keeping predictions with confidence ≥ the threshold of their type. */
    public EntityMetrics values(ToDoubleFunction<String> minConfidenceOfType) {
        return sweep(true).at(minConfidenceOfType);
    }

    /** (type, value) match per sentence, keeping predictions with confidence ≥ {@code minConfidence}. */
    public EntityMetrics values(double minConfidence) {
        return sweep(true).at(minConfidence);
    }

    public ThresholdSweep sweep(boolean byValue) {
        ThresholdSweep sweep = new ThresholdSweep(byValue);
        for (Sentence s : sentences) {
            sweep.add(s.gold(), scored(s.predicted(), byValue));
        }
        return sweep;
    }

    /** Same predictions with another way of turning word probabilities into an entity confidence. */
    public ThresholdSweep sweep(boolean byValue, BioDecoder.Confidence aggregation, WordTagger tagger, double temperature) {
        ThresholdSweep sweep = new ThresholdSweep(byValue);
        List<float[][]> probs = new ArrayList<>();
        for (int from = 0; from < sentences.size(); from += CHUNK) {
            probs.addAll(tagger.wordProbabilities(sentences.subList(from, Math.min(sentences.size(), from + CHUNK))
                    .stream().map(s -> s.source().words()).toList()));
        }
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            Predictions.WordTags tags = Predictions.tags(probs.get(i), tagger.tags(), temperature, decoding);
            sweep.add(s.gold(), scored(Predictions.entities(s.text().text(), s.text().words(), tags, tagger.tags(),
                    aggregation), byValue));
        }
        return sweep;
    }

    /** By value: the links the gateway makes of the predictions; by span: every predicted span. */
    private static List<Entity> scored(List<Entity> predicted, boolean byValue) {
        return byValue ? PropertyValues.links(predicted) : predicted;
    }

    /**
     * Fits the temperature on labelled words (tags in the model's tag set; {@code ?} and words without pieces
     * skipped) by minimising the NLL of their gold tags.
     */
    public static double fitTemperature(WordTagger tagger, List<TaggedSentence> data) {
        List<float[]> probs = new ArrayList<>();
        List<Integer> gold = new ArrayList<>();
        TagSet tags = tagger.tags();
        for (int from = 0; from < data.size(); from += CHUNK) {
            List<TaggedSentence> chunk = data.subList(from, Math.min(data.size(), from + CHUNK));
            List<float[][]> p = tagger.wordProbabilities(chunk.stream().map(TaggedSentence::words).toList());
            for (int i = 0; i < chunk.size(); i++) {
                for (int w = 0; w < chunk.get(i).tags().size(); w++) {
                    String tag = chunk.get(i).tags().get(w);
                    if (p.get(i)[w] != null && tags.contains(tag)) {
                        probs.add(p.get(i)[w]);
                        gold.add(tags.id(tag));
                    }
                }
            }
        }
        return Calibration.fitTemperature(probs, gold.stream().mapToInt(Integer::intValue).toArray());
    }
}
