package com.kggateway.ner.model;

import dev.kggateway.ner.contract.Calibration;
import dev.kggateway.ner.contract.LexicalClassTable;
import dev.kggateway.ner.contract.SpanVerifier;
import dev.kggateway.ner.contract.TagSet;
import com.kggateway.ner.features.Batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several model folders read as one model: per piece, the mean of each member's temperature-scaled tag
 * distribution ({@link Calibration}, the member's own config.json temperature). Decoding and confidence then work
 * on that distribution exactly as on one model's (its temperature is 1: the members' are already applied).
 *
 * <p>Members must agree on everything that gives a probability its meaning (architecture, vocabulary, tokenizer
 * normaliser, tag set, word-feature table; {@link ModelSoup#firstDifference}); the temperature is each member's
 * own. An ensemble of one is that model: its raw probabilities and temperature go to the decoder unchanged (the
 * mean of one calibrated distribution is that distribution, and leaving the calibration to the decoder keeps the
 * single model's figures byte-identical to reading the folder directly).
 */
public final class Ensemble implements AutoCloseable {
    private final List<Path> dirs;
    private final List<ModelFolder> members;

    private Ensemble(List<Path> dirs, List<ModelFolder> members) {
        this.dirs = dirs;
        this.members = members;
    }

    /** Loads every folder after checking they are compatible; throws IllegalArgumentException naming the difference. */
    public static Ensemble load(List<Path> dirs, int threads) throws IOException {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("no model folders");
        }
        for (Path other : dirs.subList(1, dirs.size())) {
            String differs = ModelSoup.firstDifference(dirs.get(0), other);
            if (differs != null) {
                throw new IllegalArgumentException("cannot ensemble " + dirs.get(0) + " and " + other + ": their "
                        + differs + " differ; an ensemble averages tag probabilities, which needs the same "
                        + "architecture, vocabulary, tokenizer, tags and word features");
            }
        }
        List<ModelFolder> members = new ArrayList<>();
        try {
            for (Path dir : dirs) {
                members.add(ModelFolder.load(dir, threads));
            }
        } catch (IOException | RuntimeException e) {
            members.forEach(ModelFolder::close);
            throw e;
        }
        if (members.size() > 1 && members.stream().anyMatch(m -> m.verifier() != null)) {
            members.forEach(ModelFolder::close);
            throw new IllegalArgumentException("a member ships a span verifier (" + SpanVerifier.FILE + "); it scores "
                    + "one model's spans, not an ensemble's");
        }
        return new Ensemble(List.copyOf(dirs), List.copyOf(members));
    }

    public List<Path> dirs() {
        return dirs;
    }

    public List<ModelFolder> members() {
        return members;
    }

    public int size() {
        return members.size();
    }

    /** The temperature the decoder applies to {@link #tagger}'s output: the model's own for one, else 1. */
    public double temperature() {
        return members.size() == 1 ? members.get(0).temperature() : 1.0;
    }

    public TagSet tags() {
        return members.get(0).tags();
    }

    /** The single member's span verifier, or null (an ensemble of several never has one). */
    public SpanVerifier verifier() {
        return members.size() == 1 ? members.get(0).verifier() : null;
    }

    public LexicalClassTable lexicalClasses() {
        return members.get(0).lexicalClasses();
    }

    /** Word probabilities read as the gateway reads them, in windows of at most {@code windowPieces} pieces. */
    public WordTagger tagger(int windowPieces) {
        List<TfTagger> taggers = members.stream().map(m -> m.tagger().windowPieces(windowPieces)).toList();
        if (taggers.size() == 1) {
            return taggers.get(0);
        }
        double[] temperatures = members.stream().mapToDouble(ModelFolder::temperature).toArray();
        TagSet tags = tags();
        return new WordTagger() {
            @Override
            public List<float[][]> wordProbabilities(List<List<String>> sentencesWords) {
                List<List<float[][]>> each = new ArrayList<>();
                for (TfTagger t : taggers) {
                    each.add(t.wordProbabilities(sentencesWords));
                }
                List<float[][]> out = new ArrayList<>(sentencesWords.size());
                for (int s = 0; s < sentencesWords.size(); s++) {
                    float[][] words = new float[sentencesWords.get(s).size()][];
                    for (int w = 0; w < words.length; w++) {
                        double[] sum = null;
                        for (int m = 0; m < taggers.size(); m++) {
                            float[] p = each.get(m).get(s)[w];
                            if (p == null) { // same tokenizer: a word without pieces has none in every member
                                continue;
                            }
                            if (sum == null) {
                                sum = new double[p.length];
                            }
                            addCalibrated(sum, 0, p, p.length, temperatures[m]);
                        }
                        words[w] = sum == null ? null : mean(sum, taggers.size());
                    }
                    out.add(words);
                }
                return out;
            }

            @Override
            public TagSet tags() {
                return tags;
            }
        };
    }

    /**
     * Teacher targets for a batch of rows (distillation): flat [rows * seq * nTags], per piece the mean of the
     * members' temperature-scaled distributions. Every member reads the same rows, so the members must share the
     * encoder of whoever built the batch (checked by {@link #load}).
     */
    public float[] pieceProbabilities(Batch batch) {
        int n = tags().size();
        double[] sum = null;
        for (ModelFolder m : members) {
            float[] p = m.tagger().probabilities(batch);
            if (sum == null) {
                sum = new double[p.length];
            }
            for (int row = 0; row < p.length; row += n) {
                addCalibrated(sum, row, p, n, m.temperature());
            }
        }
        return mean(sum, members.size());
    }

    /** Adds the temperature-scaled distribution {@code p[at, at + n)} into {@code sum[at, at + n)}. */
    private static void addCalibrated(double[] sum, int at, float[] p, int n, double temperature) {
        double[] q = Calibration.apply(p, at, n, temperature);
        for (int k = 0; k < n; k++) {
            sum[at + k] += q[k];
        }
    }

    private static float[] mean(double[] sum, int count) {
        float[] out = new float[sum.length];
        for (int k = 0; k < sum.length; k++) {
            out[k] = (float) (sum[k] / count);
        }
        return out;
    }

    @Override
    public void close() {
        members.forEach(ModelFolder::close);
    }
}
