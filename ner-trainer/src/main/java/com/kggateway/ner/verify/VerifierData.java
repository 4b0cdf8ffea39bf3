package com.kggateway.ner.verify;

import com.kggateway.ner.eval.Evaluation;
import dev.kggateway.ner.contract.Entity;
import dev.kggateway.ner.contract.EntityMetrics;
import dev.kggateway.ner.contract.LexicalClassTable;
import dev.kggateway.ner.contract.SpanFeatures;
import dev.kggateway.ner.contract.TagSet;
import dev.kggateway.ner.contract.ThresholdSweep;
import java.util.ArrayList;
import java.util.List;

/**
 * The span verifier's examples: every entity the model predicts at confidence 0, its {@link SpanFeatures}, its label
 * (1 when its type and word range equal a gold entity's) and the group (source) of its sentence, so that
 * cross-validation can hold out whole sources.
 */
public final class VerifierData {

    /** One predicted entity. */
    public record Example(int sentence, Entity entity, double[] features, int label, String group) {
    }

    private final List<Evaluation.Sentence> sentences;
    private final List<Example> examples;

    private VerifierData(List<Evaluation.Sentence> sentences, List<Example> examples) {
        this.sentences = sentences;
        this.examples = examples;
    }

    /**
     * @param evaluation the model's predictions WITHOUT a verifier (mean-probability confidence)
     * @param groupOf the group (source) of each sentence, in the evaluation's order
     * @param dropPrefixes features whose name starts with one of these are set to 0 (so their weight stays 0)
     */
    public static VerifierData of(Evaluation evaluation, TagSet tagSet, double temperature,
            LexicalClassTable lexicalClasses, List<String> groupOf, List<String> dropPrefixes) {
        List<Example> examples = new ArrayList<>();
        List<Evaluation.Sentence> sentences = evaluation.sentences();
        for (int s = 0; s < sentences.size(); s++) {
            Evaluation.Sentence sentence = sentences.get(s);
            List<Entity> predicted = sentence.predicted();
            List<double[]> x = SpanFeatures.of(new SpanFeatures.Tagged(sentence.text().text(), sentence.text().words(),
                    sentence.wordProbs(), tagSet, temperature, sentence.predictedTags()), predicted, lexicalClasses);
            x.forEach(v -> dropped(v, dropPrefixes));
            List<Entity> right = new ArrayList<>(new EntityMetrics().addSpans(sentence.gold(), predicted));
            String group = groupOf.get(s);
            for (int i = 0; i < predicted.size(); i++) {
                int label = right.remove(predicted.get(i)) ? 1 : 0;
                examples.add(new Example(s, predicted.get(i), x.get(i), label, group));
            }
        }
        return new VerifierData(sentences, examples);
    }

    private static void dropped(double[] features, List<String> prefixes) {
        for (int i = 0; i < features.length; i++) {
            String name = SpanFeatures.NAMES.get(i);
            if (prefixes.stream().anyMatch(name::startsWith)) {
                features[i] = 0;
            }
        }
    }

    public List<Example> examples() {
        return examples;
    }

    /** (type, value) threshold sweep of the sentences with each example's confidence replaced by {@code score}. */
    public ThresholdSweep sweep(double[] score) {
        List<List<Entity>> rescored = new ArrayList<>();
        sentences.forEach(s -> rescored.add(new ArrayList<>()));
        for (int i = 0; i < examples.size(); i++) {
            Entity e = examples.get(i).entity();
            rescored.get(examples.get(i).sentence()).add(new Entity(e.type(), e.firstWord(), e.endWord(), e.start(),
                    e.end(), e.value(), score[i]));
        }
        ThresholdSweep sweep = new ThresholdSweep(true);
        for (int s = 0; s < sentences.size(); s++) {
            sweep.add(sentences.get(s).gold(), rescored.get(s));
        }
        return sweep;
    }

    /** ROC AUC of a score against the labels of the examples {@code [indexes]} (Mann-Whitney, ties count half). */
    public double auc(double[] score, List<Integer> indexes) {
        List<Integer> order = new ArrayList<>(indexes);
        order.sort((a, b) -> Double.compare(score[a], score[b]));
        double rankSumRight = 0;
        long right = 0;
        int i = 0;
        while (i < order.size()) {
            int j = i;
            while (j < order.size() && score[order.get(j)] == score[order.get(i)]) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0; // mean 1-based rank of the tie block
            for (int k = i; k < j; k++) {
                if (examples.get(order.get(k)).label() == 1) {
                    rankSumRight += rank;
                    right++;
                }
            }
            i = j;
        }
        long wrong = order.size() - right;
        if (right == 0 || wrong == 0) {
            return Double.NaN;
        }
        return (rankSumRight - right * (right + 1) / 2.0) / ((double) right * wrong);
    }

    /** Mean log-loss of probabilities against the labels of the examples {@code [indexes]}. */
    public double logLoss(double[] probability, List<Integer> indexes) {
        double total = 0;
        for (int i : indexes) {
            double p = Math.min(1 - 1e-12, Math.max(1e-12, probability[i]));
            total -= examples.get(i).label() == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return indexes.isEmpty() ? Double.NaN : total / indexes.size();
    }
}
