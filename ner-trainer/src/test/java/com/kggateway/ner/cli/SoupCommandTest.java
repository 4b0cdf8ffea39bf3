package com.kggateway.ner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.kggateway.ner.data.NerCsv;
import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.gen.ProductDescriptionGenerator;
import com.kggateway.ner.model.ModelFolder;
import com.kggateway.ner.model.ModelSoup;
import com.kggateway.ner.model.WeightSnapshot;
import dev.kggateway.ner.contract.BioDecoder;
import dev.kggateway.ner.contract.Decoding;
import dev.kggateway.ner.contract.ModelFolderFiles;
import dev.kggateway.ner.contract.ModelManifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weight averaging through the CLI on tiny models: a base model and two siblings fine-tuned from it with other
 * seeds; the soup of a model with itself is that model, the soup of two siblings is their mean and neither of
 * them, it loads and predicts, and folders of another vocabulary or architecture are refused.
 */
class SoupCommandTest {
    @TempDir
    static Path dir;
    private static Path siblingA;
    private static Path siblingB;

    private static int run(String... args) {
        return FineTuneEndToEndTest.run(args);
    }

    @BeforeAll
    static void trainBaseAndTwoSiblings() throws Exception {
        NerCsv.write(new ProductDescriptionGenerator(21, false).generate(150, "t"), dir.resolve("train.csv"));
        NerCsv.write(new ProductDescriptionGenerator(22, false).generate(40, "v"), dir.resolve("val.csv"));
        NerCsv.write(new ProductDescriptionGenerator(23, false).generate(40, "c"), dir.resolve("calib.csv"));
        Path base = dir.resolve("base");
        assertEquals(0, run("train", "--train", dir.resolve("train.csv").toString(), "--val", dir.resolve("val.csv").toString(),
                "--out", base.toString(), "--epochs", "3", "--lr", "8e-3", "--unk-prob", "0", "--hidden", "32", "--layers", "1",
                "--heads", "2", "--ff", "64", "--vocab-size", "400", "--batch-size", "8", "--threads", "1"));
        siblingA = fineTune(base, "a", "1");
        siblingB = fineTune(base, "b", "2");
    }

    private static Path fineTune(Path base, String name, String seed) {
        Path out = dir.resolve(name);
        assertEquals(0, run("train", "--init-from", base.toString(), "--train", dir.resolve("train.csv").toString(),
                "--val", dir.resolve("val.csv").toString(), "--out", out.toString(), "--epochs", "1", "--lr", "4e-3",
                "--seed", seed, "--batch-size", "8", "--threads", "1"));
        return out;
    }

    private static WeightSnapshot weights(Path folder) throws Exception {
        try (ModelFolder m = ModelFolder.load(folder, 1)) {
            return m.initialModel(0f).weights();
        }
    }

    private static String[] soup(Path out, String models, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("soup", "--models", models, "--val",
                dir.resolve("val.csv").toString(), "--out", out.toString(), "--threads", "1", "--model-version", "9.9.9"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void theSoupOfAModelWithItselfIsThatModel() throws Exception {
        Path out = dir.resolve("self");
        assertEquals(0, run(soup(out, siblingA + "," + siblingA)));
        assertEquals(0.0, weights(out).maxAbsDifference(weights(siblingA)), "averaging a model with itself changes nothing");
        List<String> words = NerCsv.read(dir.resolve("val.csv")).get(0).words();
        try (ModelFolder a = ModelFolder.load(siblingA, 1); ModelFolder s = ModelFolder.load(out, 1)) {
            assertArrayEquals(a.tagger().wordProbabilities(List.of(words)).get(0)[0],
                    s.tagger().wordProbabilities(List.of(words)).get(0)[0], 1e-6f);
            assertEquals(a.temperature(), s.temperature(), 1e-6, "the same model fits the same temperature");
        }
    }

    @Test
    void theSoupOfTwoSiblingsIsTheirMeanLoadsAndPredicts() throws Exception {
        WeightSnapshot a = weights(siblingA);
        WeightSnapshot b = weights(siblingB);
        assertTrue(a.maxAbsDifference(b) > 1e-4, "the siblings differ");
        Path out = dir.resolve("ab");
        assertEquals(0, run(soup(out, siblingA + "," + siblingB, "--eval", "calib=" + dir.resolve("calib.csv"))));
        WeightSnapshot soup = weights(out);
        assertTrue(soup.maxAbsDifference(a) > 1e-5 && soup.maxAbsDifference(b) > 1e-5, "the soup is neither sibling");
        WeightSnapshot mean = WeightSnapshot.weightedMean(List.of(a, b), new double[] {1, 1});
        assertTrue(soup.maxAbsDifference(mean) < 1e-6, "the exported weights are the mean");
        assertTrue(soup.maxAbsDifference(a) <= a.maxAbsDifference(b) / 2 + 1e-6, "halfway between them");

        JsonNode manifest = ModelFolderFiles.readJson(out.resolve("manifest.json"));
        assertEquals("uniform", manifest.path("soup").asText());
        assertEquals(2, manifest.path("ingredients").size());
        JsonNode first = manifest.path("ingredients").get(0);
        assertEquals(siblingA.toString(), first.path("folder").asText());
        assertEquals(0.5, first.path("weight").asDouble(), 1e-9);
        assertEquals(dir.resolve("base").toString(), first.path("fineTunedFrom").asText(), "ingredient provenance kept");
        assertEquals(64, first.path("variablesSha256").path("variables.index").asText().length());
        assertNotEquals(first.path("variablesSha256"), manifest.path("ingredients").get(1).path("variablesSha256"));
        assertTrue(manifest.path("metrics").has("calib"));
        ModelManifest read = ModelManifest.read(out).orElseThrow();
        assertEquals("9.9.9", read.version());
        assertEquals(Decoding.VITERBI, read.decoding(), "decoding viterbi by default, as the shipped model");
        assertTrue(manifest.path("confidence").isMissingNode(), "no --confidence: none written");
        assertEquals(BioDecoder.Confidence.MEAN, read.confidence());
        double t = ModelFolderFiles.config(out).temperature();
        assertEquals(t, manifest.path("calibration").path("temperature").asDouble(), 1e-12);
        assertTrue(t > 0.05 && t < 20, "fitted temperature " + t);

        try (ModelFolder s = ModelFolder.load(out, 1)) {
            List<TaggedSentence> val = NerCsv.read(dir.resolve("val.csv"));
            long entities = com.kggateway.ner.eval.Evaluation.run(s.tagger(), s.temperature(), val).sentences().stream()
                    .mapToLong(x -> x.predicted().size()).sum();
            assertTrue(entities > 0, "the soup predicts entities");
        }

        Path onlyA = dir.resolve("weighted");
        assertEquals(0, run(soup(onlyA, siblingA + "," + siblingB, "--weights", "1,0", "--decoding", "argmax",
                "--confidence", "span-marginal")));
        assertEquals(0.0, weights(onlyA).maxAbsDifference(a), "weight 0 leaves a model out");
        assertEquals("weighted", ModelFolderFiles.readJson(onlyA.resolve("manifest.json")).path("soup").asText());
        assertEquals(Decoding.ARGMAX, ModelManifest.read(onlyA).orElseThrow().decoding());
        assertEquals(BioDecoder.Confidence.SPAN_MARGINAL, ModelManifest.read(onlyA).orElseThrow().confidence());
        assertNotEquals(0, run(soup(dir.resolve("misspelt"), siblingA + "," + siblingB, "--confidence", "marginal")),
                "an unknown confidence fails the command");
    }

    @Test
    void aGreedySoupRecordsEveryStep() throws Exception {
        Path out = dir.resolve("greedy");
        assertEquals(0, run(soup(out, siblingA + "," + siblingB + "," + siblingA, "--greedy-on",
                dir.resolve("calib.csv").toString())));
        JsonNode manifest = ModelFolderFiles.readJson(out.resolve("manifest.json"));
        assertEquals("greedy", manifest.path("soup").asText());
        JsonNode greedy = manifest.path("greedy");
        assertEquals(2, greedy.path("steps").size(), "each ingredient after the best one is tried once");
        assertEquals(64, greedy.path("selectedOnSha256").asText().length());
        int kept = 1;
        for (JsonNode step : greedy.path("steps")) {
            kept += step.path("kept").asBoolean() ? 1 : 0;
        }
        assertEquals(kept, manifest.path("ingredients").size(), "the manifest lists the kept ingredients only");
    }

    @Test
    void foldersOfAnotherVocabularyOrArchitectureAreRefused() {
        Path other = dir.resolve("other");
        assertEquals(0, run("train", "--train", dir.resolve("val.csv").toString(), "--out", other.toString(),
                "--epochs", "1", "--hidden", "32", "--layers", "1", "--heads", "2", "--ff", "64", "--vocab-size", "300",
                "--batch-size", "8", "--threads", "1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSoup.checkCompatible(List.of(siblingA, other)));
        assertTrue(e.getMessage().contains("config.json") || e.getMessage().contains("vocab.txt"), e.getMessage());
        assertTrue(e.getMessage().contains(other.toString()), e.getMessage());
        assertNotEquals(0, run(soup(dir.resolve("refused"), siblingA + "," + other)), "the command fails");
    }
}
