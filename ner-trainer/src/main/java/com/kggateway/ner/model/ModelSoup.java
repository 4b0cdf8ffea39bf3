package com.kggateway.ner.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kggateway.ner.contract.LexicalClassTable;
import dev.kggateway.ner.contract.ModelFolderFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Weight averaging of model folders fine-tuned from one ancestor ("model soup", Wortsman et al. 2022): one model
 * of the same size, so the same inference cost. Only folders with the same architecture, vocabulary, tag set and
 * word-feature table can be averaged: a weight means the same thing in each of them only then.
 */
public final class ModelSoup {
    private ModelSoup() {
    }

    /** Throws IllegalArgumentException naming the first folder and the part that differs from the first folder's. */
    public static void checkCompatible(List<Path> folders) {
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("no model folders to average");
        }
        Path first = folders.get(0);
        for (Path other : folders.subList(1, folders.size())) {
            String differs = firstDifference(first, other);
            if (differs != null) {
                throw new IllegalArgumentException("cannot average " + first + " and " + other + ": their " + differs
                        + " differ; a soup needs folders fine-tuned from one model (same architecture, vocabulary, "
                        + "tags and word features)");
            }
        }
    }

    /** The weighted mean of the models' weights, with the first model's vocabulary, tags, config and features. */
    public static TrainedModel mix(List<NerTrainer.InitialModel> models, double[] weights) {
        List<WeightSnapshot> snapshots = new ArrayList<>();
        models.forEach(m -> snapshots.add(m.weights()));
        NerTrainer.InitialModel first = models.get(0);
        return new TrainedModel(first.config(), first.vocab(), first.tags(),
                WeightSnapshot.weightedMean(snapshots, weights), List.of(), 0, 0, first.features());
    }

    /**
     * The first part in which two folders differ so that their outputs or weights do not mean the same thing
     * (architecture, vocabulary, tokenizer normaliser, tags, word features), or null when none does. The
     * temperature is left aside: soups refit it, ensembles apply each member's own.
     */
    static String firstDifference(Path a, Path b) {
        if (!configWithoutTemperature(a).equals(configWithoutTemperature(b))) {
            return ModelFolderFiles.CONFIG + " (architecture or word-feature scheme; temperature aside)";
        }
        if (!Arrays.equals(bytes(a.resolve(ModelFolderFiles.VOCAB), false), bytes(b.resolve(ModelFolderFiles.VOCAB), false))) {
            return ModelFolderFiles.VOCAB;
        }
        if (!Arrays.equals(bytes(a.resolve(ModelFolderFiles.TOKENIZER), false),
                bytes(b.resolve(ModelFolderFiles.TOKENIZER), false))) {
            return ModelFolderFiles.TOKENIZER;
        }
        for (String tags : List.of(ModelFolderFiles.TAG2INT, ModelFolderFiles.INT2TAG)) {
            if (!ModelFolderFiles.readJson(a.resolve(tags)).equals(ModelFolderFiles.readJson(b.resolve(tags)))) {
                return tags;
            }
        }
        if (!Arrays.equals(bytes(a.resolve(LexicalClassTable.FILE), true), bytes(b.resolve(LexicalClassTable.FILE), true))) {
            return "word features (" + LexicalClassTable.FILE + ")";
        }
        return null;
    }

    private static JsonNode configWithoutTemperature(Path dir) {
        Path file = dir.resolve(ModelFolderFiles.CONFIG);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + " has no " + ModelFolderFiles.CONFIG
                    + ": only folders written by ner-trainer can be averaged");
        }
        ObjectNode c = (ObjectNode) ModelFolderFiles.readJson(file).deepCopy();
        c.remove("temperature");
        return c;
    }

    /** The file's bytes (gunzipped when asked), or an empty array when it does not exist. */
    private static byte[] bytes(Path file, boolean gzip) {
        if (!Files.isRegularFile(file)) {
            return new byte[0];
        }
        try (InputStream in = gzip ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
