package com.kggateway.ner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.kggateway.ner.data.NerCsv;
import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.eval.Evaluation;
import com.kggateway.ner.gen.ProductDescriptionGenerator;
import com.kggateway.ner.model.ModelFolder;
import dev.kggateway.ner.contract.Entity;
import dev.kggateway.ner.contract.ModelFolderFiles;
import dev.kggateway.ner.contract.ModelManifest;
import dev.kggateway.ner.contract.SpanVerifier;
import dev.kggateway.ner.contract.TagSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The customer path on tiny data, through the CLI: train a model, fine-tune it on partially labelled data (only
 * "vendor" types labelled, every other word {@code ?}), and the fine-tuned folder loads, is calibrated and predicts;
 * evaluate chooses and records a minimum confidence.
 */
class FineTuneEndToEndTest {
    private static final Set<String> VENDOR_TYPES = Set.of("product", "size", "material");

    static int run(String... args) {
        return new CommandLine(new NerTrainerCli()).execute(args);
    }

    /** Distant supervision's shape: words of vendor-typed entities keep their tags, everything else is unknown. */
    static List<TaggedSentence> partial(List<TaggedSentence> full) {
        List<TaggedSentence> out = new ArrayList<>();
        for (TaggedSentence s : full) {
            List<String> tags = s.tags().stream()
                    .map(t -> TagSet.type(t) != null && VENDOR_TYPES.contains(TagSet.type(t)) ? t : TagSet.UNKNOWN).toList();
            out.add(new TaggedSentence(s.id(), s.words(), tags));
        }
        return out;
    }

    @Test
    void trainThenFineTuneOnPartialLabelsThenPredict(@TempDir Path dir) throws Exception {
        NerCsv.write(new ProductDescriptionGenerator(11, false).generate(150, "t"), dir.resolve("train.csv"));
        NerCsv.write(new ProductDescriptionGenerator(12, false).generate(40, "v"), dir.resolve("val.csv"));
        NerCsv.write(partial(new ProductDescriptionGenerator(13, false).generate(80, "c")), dir.resolve("catalogue.csv"));
        String[] tiny = {"--hidden", "32", "--layers", "1", "--heads", "2", "--ff", "64", "--vocab-size", "400",
                "--batch-size", "8", "--threads", "1"};
        Path base = dir.resolve("base");
        assertEquals(0, run(concat(new String[] {"train", "--train", dir.resolve("train.csv").toString(), "--val",
                dir.resolve("val.csv").toString(), "--out", base.toString(), "--epochs", "4", "--lr", "8e-3", "--unk-prob", "0"}, tiny)));
        Path tuned = dir.resolve("tuned");
        // fine-tune on a mix, as for real text next to generated data: the first 60 catalogue sentences plus the
        // fully labelled training set oversampled twice
        assertEquals(0, run("train", "--init-from", base.toString(), "--train", dir.resolve("catalogue.csv").toString(),
                "--train-limit", "60", "--add-train", dir.resolve("train.csv") + "*2",
                "--out", tuned.toString(), "--epochs", "1", "--threads", "1"));

        JsonNode manifest = ModelFolderFiles.readJson(tuned.resolve("manifest.json"));
        assertEquals(base.toString(), manifest.path("fineTunedFrom").asText());
        // no --val: the last 10 % of the 60 limited catalogue sentences validate, the repeats only train
        assertEquals(54 + 2 * 150, manifest.path("trainingSentences").asInt(), "limit and repeats applied");
        assertEquals(2, manifest.path("trainingData").size(), "every training file recorded");
        assertEquals(54, manifest.path("trainingData").get(0).path("sentencesUsed").asInt());
        assertEquals(2, manifest.path("trainingData").get(1).path("repeated").asInt());
        assertEquals(64, manifest.path("trainingData").get(1).path("sha256").asText().length());
        double t = ModelFolderFiles.config(tuned).temperature();
        assertTrue(t > 0.05 && t < 20, "fitted temperature " + t);
        assertEquals(t, manifest.path("calibration").path("temperature").asDouble(), 1e-12);
        assertEquals(ModelFolderFiles.readJson(base.resolve("vocab.txt").getParent().resolve("config.json")).path("hidden_size"),
                ModelFolderFiles.readJson(tuned.resolve("config.json")).path("hidden_size"), "architecture kept");

        List<TaggedSentence> val = NerCsv.read(dir.resolve("val.csv"));
        try (ModelFolder b = ModelFolder.load(base, 1); ModelFolder f = ModelFolder.load(tuned, 1)) {
            assertEquals(b.tags().tags(), f.tags().tags(), "tag set kept");
            Evaluation e = Evaluation.run(f.tagger(), f.temperature(), val);
            List<Entity> predicted = e.sentences().stream().flatMap(s -> s.predicted().stream()).toList();
            assertTrue(!predicted.isEmpty(), "the fine-tuned model predicts entities");
            for (Entity x : predicted) {
                assertTrue(x.value().codePoints().anyMatch(Character::isLetterOrDigit), x.toString());
                assertTrue(x.confidence() > 0 && x.confidence() <= 1, x.toString());
            }
            float[] before = b.tagger().wordProbabilities(List.of(val.get(0).words())).get(0)[0];
            float[] after = f.tagger().wordProbabilities(List.of(val.get(0).words())).get(0)[0];
            assertNotEquals(before[0], after[0], "fine-tuning changed the weights");
        }

        assertEquals(0, run("evaluate", "--model", tuned.toString(), "--data", dir.resolve("val.csv").toString(),
                "--sweep", "--choose-min-confidence", "0.01", "--write", "--threads", "1"));
        ModelManifest m = ModelManifest.read(tuned).orElseThrow();
        assertTrue(m.minConfidence().isPresent(), "min confidence recorded");
        assertTrue(m.calibration().orElseThrow().chosenOn().contains("val.csv"));

        // span verifier on the small model: two "sources" (one per file), cross-validated, written into the folder
        NerCsv.write(new ProductDescriptionGenerator(14, false).generate(40, "w"), dir.resolve("calib2.csv"));
        assertTrue(SpanVerifier.read(tuned).isEmpty());
        assertEquals(0, run("fit-verifier", "--model", tuned.toString(), "--data", dir.resolve("val.csv").toString(),
                dir.resolve("calib2.csv").toString(), "--precision", "0.01", "--min-recall", "0", "--l2", "1,100",
                "--write", "--threads", "1"));
        SpanVerifier verifier = SpanVerifier.read(tuned).orElseThrow();
        JsonNode file = ModelFolderFiles.readJson(tuned.resolve(SpanVerifier.FILE));
        assertEquals(2, file.path("groups").asInt());
        assertTrue(file.path("fittedOn").asText().contains("calib2.csv (sha256 "), file.toString());
        ModelManifest withVerifier = ModelManifest.read(tuned).orElseThrow();
        assertTrue(withVerifier.calibration().orElseThrow().chosenOn().contains("out-of-fold"));
        try (ModelFolder f = ModelFolder.load(tuned, 1)) {
            Evaluation plain = Evaluation.run(f.tagger(), f.temperature(), val);
            Evaluation verified = Evaluation.run(f.tagger(), f.temperature(), val, verifier, f.lexicalClasses());
            List<Entity> a = plain.sentences().stream().flatMap(s -> s.predicted().stream()).toList();
            List<Entity> b = verified.sentences().stream().flatMap(s -> s.predicted().stream()).toList();
            assertEquals(a.stream().map(Entity::typedValue).toList(), b.stream().map(Entity::typedValue).toList(),
                    "the verifier changes confidences, never the entities");
            assertTrue(b.stream().allMatch(x -> x.confidence() > 0 && x.confidence() < 1));
            assertNotEquals(a.stream().map(Entity::confidence).toList(), b.stream().map(Entity::confidence).toList());
        }
        assertEquals(0, run("evaluate", "--model", tuned.toString(), "--data", dir.resolve("val.csv").toString(),
                "--sweep", "--threads", "1"), "evaluate reads the folder's verifier");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
