package com.kggateway.ner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kggateway.ner.data.NerCsv;
import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.eval.Evaluation;
import com.kggateway.ner.gen.ProductDescriptionGenerator;
import com.kggateway.ner.model.Ensemble;
import com.kggateway.ner.model.ModelFolder;
import com.kggateway.ner.model.NerTrainer;
import com.kggateway.ner.model.TrainingOptions;
import com.kggateway.ner.model.WordTagger;
import dev.kggateway.ner.contract.BioDecoder;
import dev.kggateway.ner.contract.Calibration;
import dev.kggateway.ner.contract.Decoding;
import dev.kggateway.ner.contract.ModelFolderFiles;
import dev.kggateway.ner.contract.TagSet;
import dev.kggateway.ner.contract.WordWindows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ensembles in {@code evaluate} and distillation in {@code train}, on a tiny base model and a sibling fine-tuned from
 * it with another seed: an ensemble of one is that model (same probabilities and entities, bit for bit); an ensemble
 * of two is the mean of the members' temperature-scaled distributions; incompatible members are refused; a
 * distilling student's loss is the weighted cross-entropy against the teacher's distribution on the right positions,
 * a student fitting a teacher moves towards it, and one fitting itself stays where it is.
 */
class EnsembleAndDistillationTest {
    @TempDir
    static Path dir;
    private static Path a;
    private static Path b;
    private static List<TaggedSentence> val;

    private static int run(String... args) {
        return FineTuneEndToEndTest.run(args);
    }

    @BeforeAll
    static void trainBaseAndSibling() throws Exception {
        NerCsv.write(new ProductDescriptionGenerator(31, false).generate(150, "t"), dir.resolve("train.csv"));
        NerCsv.write(new ProductDescriptionGenerator(32, false).generate(40, "v"), dir.resolve("val.csv"));
        a = dir.resolve("a");
        assertEquals(0, run("train", "--train", csv("train"), "--val", csv("val"), "--out", a.toString(), "--epochs", "3",
                "--lr", "8e-3", "--unk-prob", "0", "--hidden", "32", "--layers", "1", "--heads", "2", "--ff", "64",
                "--vocab-size", "400", "--batch-size", "8", "--threads", "1"));
        b = dir.resolve("b");
        assertEquals(0, run("train", "--init-from", a.toString(), "--train", csv("train"), "--val", csv("val"), "--out",
                b.toString(), "--epochs", "1", "--lr", "4e-3", "--seed", "2", "--batch-size", "8", "--threads", "1"));
        val = NerCsv.read(dir.resolve("val.csv"));
    }

    private static String csv(String name) {
        return dir.resolve(name + ".csv").toString();
    }

    private static List<List<String>> words() {
        return val.stream().map(TaggedSentence::words).toList();
    }

    @Test
    void anEnsembleOfOneIsThatModelBitForBit() throws Exception {
        try (ModelFolder folder = ModelFolder.load(a, 1); Ensemble one = Ensemble.load(List.of(a), 1)) {
            assertEquals(folder.temperature(), one.temperature());
            Evaluation direct = Evaluation.run(folder.tagger().windowPieces(WordWindows.DEFAULT_PIECES),
                    folder.temperature(), val, Decoding.VITERBI, BioDecoder.Confidence.SPAN_MARGINAL, null, null);
            Evaluation viaEnsemble = Evaluation.run(one.tagger(WordWindows.DEFAULT_PIECES), one.temperature(), val,
                    Decoding.VITERBI, BioDecoder.Confidence.SPAN_MARGINAL, one.verifier(), one.lexicalClasses());
            long entities = 0;
            for (int i = 0; i < val.size(); i++) {
                Evaluation.Sentence x = direct.sentences().get(i);
                Evaluation.Sentence y = viaEnsemble.sentences().get(i);
                assertEquals(x.predicted(), y.predicted(), "same entities and confidences (exact doubles)");
                assertEquals(x.predictedTags(), y.predictedTags());
                for (int w = 0; w < x.wordProbs().length; w++) {
                    assertArrayEquals(x.wordProbs()[w], y.wordProbs()[w]);
                }
                entities += x.predicted().size();
            }
            assertTrue(entities > 0, "the model predicts entities");
            assertEquals(direct.values(0.0).micro().f1(), viaEnsemble.values(0.0).micro().f1());
        }
    }

    @Test
    void anEnsembleOfTwoAveragesTheMembersTemperatureScaledDistributions() throws Exception {
        Path hot = copy(b, "b-hot");
        ModelFolderFiles.writeTemperature(hot, 2.5); // a temperature far from a's: it must be applied before the mean
        List<List<String>> words = words();
        try (ModelFolder fa = ModelFolder.load(a, 1); ModelFolder fb = ModelFolder.load(hot, 1);
             Ensemble two = Ensemble.load(List.of(a, hot), 1); Ensemble swapped = Ensemble.load(List.of(hot, a), 1)) {
            assertEquals(1.0, two.temperature(), "the members' temperatures are already applied");
            assertNull(two.verifier());
            WordTagger tagger = two.tagger(WordWindows.DEFAULT_PIECES);
            List<float[][]> pa = fa.tagger().wordProbabilities(words);
            List<float[][]> pb = fb.tagger().wordProbabilities(words);
            List<float[][]> mean = tagger.wordProbabilities(words);
            List<float[][]> other = swapped.tagger(WordWindows.DEFAULT_PIECES).wordProbabilities(words);
            double maxFromA = 0;
            for (int s = 0; s < words.size(); s++) {
                for (int w = 0; w < words.get(s).size(); w++) {
                    float[] x = pa.get(s)[w];
                    if (x == null) {
                        assertNull(mean.get(s)[w]);
                        continue;
                    }
                    double[] ca = Calibration.apply(x, 0, x.length, fa.temperature());
                    double[] cb = Calibration.apply(pb.get(s)[w], 0, x.length, 2.5);
                    double sum = 0;
                    for (int k = 0; k < x.length; k++) {
                        assertEquals((ca[k] + cb[k]) / 2, mean.get(s)[w][k], 1e-6, "the mean of the calibrated members");
                        assertEquals(mean.get(s)[w][k], other.get(s)[w][k], 1e-6, "member order does not matter");
                        maxFromA = Math.max(maxFromA, Math.abs(mean.get(s)[w][k] - ca[k]));
                        sum += mean.get(s)[w][k];
                    }
                    assertEquals(1.0, sum, 1e-5);
                }
            }
            assertTrue(maxFromA > 1e-3, "the ensemble is not its first member: " + maxFromA);
            Evaluation e = Evaluation.run(tagger, two.temperature(), val, Decoding.VITERBI,
                    BioDecoder.Confidence.SPAN_MARGINAL, null, null);
            assertTrue(e.values(0.0).micro().f1() > 0, "the ensemble decodes entities");
        }
        assertEquals(0, run("evaluate", "--model", a + "," + hot, "--data", csv("val"), "--threads", "1",
                "--decoding", "viterbi", "--confidence", "span-marginal", "--sweep"));
        assertEquals(0, run("evaluate", "--model", a.toString(), "--model", hot.toString(), "--data", csv("val"),
                "--threads", "1"), "repeated --model works like a comma-separated list");
        assertNotEquals(0, run("evaluate", "--model", a + "," + hot, "--data", csv("val"), "--threads", "1",
                "--choose-min-confidence", "0.85", "--write"), "--write needs one model's manifest");
    }

    @Test
    void incompatibleMembersAreRefused() throws Exception {
        Path otherVocab = dir.resolve("other-vocab");
        assertEquals(0, run("train", "--train", csv("val"), "--out", otherVocab.toString(), "--epochs", "1", "--hidden",
                "32", "--layers", "1", "--heads", "2", "--ff", "64", "--vocab-size", "300", "--batch-size", "8",
                "--threads", "1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ensemble.load(List.of(a, otherVocab), 1));
        assertTrue(e.getMessage().contains(otherVocab.toString()), e.getMessage());
        assertNotEquals(0, run("evaluate", "--model", a + "," + otherVocab, "--data", csv("val"), "--threads", "1"));

        Path accents = copy(a, "a-accents");
        ObjectNode tokenizer = (ObjectNode) ModelFolderFiles.readJson(accents.resolve(ModelFolderFiles.TOKENIZER));
        ObjectNode normalizer = (ObjectNode) tokenizer.path("normalizer");
        normalizer.put("strip_accents", !normalizer.path("strip_accents").asBoolean(false));
        ModelFolderFiles.writeJson(accents.resolve(ModelFolderFiles.TOKENIZER), tokenizer);
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> Ensemble.load(List.of(a, accents), 1));
        assertTrue(t.getMessage().contains(ModelFolderFiles.TOKENIZER), t.getMessage());

        assertNotEquals(0, run("train", "--init-from", a.toString(), "--teacher", otherVocab.toString(), "--train",
                csv("val"), "--val", csv("val"), "--out", dir.resolve("refused").toString(), "--epochs", "1",
                "--threads", "1"), "a teacher that reads other pieces cannot teach");
    }

    /**
     * With every row in one batch, no dropout and no [UNK] masking, the first step's loss is computed on the initial
     * weights: W x mean over labelled words of -sum(teacher * log student) + (1 - W) x mean -log student(gold).
     * Computed here from the exported folders' first-piece probabilities (another code path than the trainer's).
     */
    @Test
    void theDistillationLossIsTheWeightedCrossEntropyAgainstTheTeacherOnTheLabelledPositions() throws Exception {
        double expectedSoft = 0;
        double expectedHard = 0;
        int count = 0;
        List<TaggedSentence> train;
        try (ModelFolder student = ModelFolder.load(a, 1); ModelFolder teacherFolder = ModelFolder.load(b, 1)) {
            // sentences that fit one training row, read in one window of that size: the rows the trainer sees
            train = val.stream().filter(s -> student.encoder().encode(s.words(), null).size() == 1).toList();
            assertTrue(train.size() >= 20, "enough sentences in one row: " + train.size());
            List<List<String>> words = train.stream().map(TaggedSentence::words).toList();
            int row = student.maxSequenceLength() - 2;
            TagSet tags = student.tags();
            List<float[][]> ps = student.tagger().windowPieces(row).wordProbabilities(words);
            List<float[][]> pt = teacherFolder.tagger().windowPieces(row).wordProbabilities(words);
            for (int s = 0; s < train.size(); s++) {
                for (int w = 0; w < train.get(s).words().size(); w++) {
                    float[] p = ps.get(s)[w];
                    String gold = train.get(s).tags().get(w);
                    if (p == null || TagSet.UNKNOWN.equals(gold)) {
                        continue;
                    }
                    double[] t = Calibration.apply(pt.get(s)[w], 0, p.length, teacherFolder.temperature());
                    for (int k = 0; k < p.length; k++) {
                        expectedSoft -= t[k] * Math.log(p[k]);
                    }
                    expectedHard -= Math.log(p[tags.id(gold)]);
                    count++;
                }
            }
        }
        expectedSoft /= count;
        expectedHard /= count;
        assertTrue(Math.abs(expectedSoft - expectedHard) > 1e-3, "the two losses differ, so the mix is visible");
        for (float weight : new float[] {1f, 0.5f}) {
            List<Float> losses = new ArrayList<>();
            try (ModelFolder init = ModelFolder.load(a, 1); Ensemble teacher = Ensemble.load(List.of(b), 1)) {
                TrainingOptions options = new TrainingOptions(32, 1, 2, 64, 64, 400, 0f, 0f, 1, 10_000, 1e-6f, 0.06f, 2,
                        1, 1);
                new NerTrainer(options, new PrintStream(PrintStream.nullOutputStream())).distilling(teacher, weight)
                        .train(train, List.of(), init.initialModel(0f), losses::add);
            }
            assertEquals(1, losses.size(), "one batch");
            double expected = weight * expectedSoft + (1 - weight) * expectedHard;
            assertEquals(expected, losses.get(0), 1e-4 * expected, "weight " + weight);
        }
    }

    /**
     * Through the command: W = 1 towards the sibling moves the student (initialised as a) towards the sibling; W = 1
     * with a as its own teacher leaves it where it is (the gradient is zero at the teacher), far closer than the
     * other run moved. The manifest records the teacher.
     */
    @Test
    void aStudentMovesTowardsItsTeacherAndStaysWhenItIsItsOwnTeacher() throws Exception {
        Path towardsB = distil("towards-b", b, "1");
        Path a1 = copy(a, "a-t1");
        ModelFolderFiles.writeTemperature(a1, 1.0); // a's own outputs as the targets: the student starts at the optimum
        Path self = distil("self", a1, "1");
        Path half = distil("half", b, "0.5");
        List<List<String>> words = words();
        double aToB;
        double studentToB;
        double selfToA;
        double studentFromA;
        try (ModelFolder fa = ModelFolder.load(a, 1); ModelFolder fb = ModelFolder.load(b, 1);
             ModelFolder fs = ModelFolder.load(towardsB, 1); ModelFolder fself = ModelFolder.load(self, 1)) {
            // raw model outputs against the teacher's calibrated targets, at the teacher's temperature
            List<float[][]> pa = fa.tagger().wordProbabilities(words);
            List<float[][]> pb = fb.tagger().wordProbabilities(words);
            List<float[][]> ps = fs.tagger().wordProbabilities(words);
            List<float[][]> pself = fself.tagger().wordProbabilities(words);
            aToB = meanAbs(pa, pb, 1.0, fb.temperature());
            studentToB = meanAbs(ps, pb, 1.0, fb.temperature());
            selfToA = meanAbs(pself, pa, 1.0, 1.0);
            studentFromA = meanAbs(ps, pa, 1.0, 1.0);
        }
        assertTrue(studentToB < aToB * 0.8, "distilled towards b: " + studentToB + " vs a's " + aToB);
        assertTrue(selfToA < studentFromA * 0.5, "its own teacher: moved " + selfToA + " vs " + studentFromA);
        JsonNode teacher = ModelFolderFiles.readJson(half.resolve("manifest.json")).path("teacher");
        assertEquals(0.5, teacher.path("distillWeight").asDouble(), 1e-9);
        assertEquals(b.toString(), teacher.path("members").get(0).path("folder").asText());
        assertEquals("1.0.0", teacher.path("members").get(0).path("version").asText());
        assertTrue(teacher.path("members").get(0).path("temperature").asDouble() > 0);
        for (JsonNode epoch : ModelFolderFiles.readJson(half.resolve("manifest.json")).path("history")) {
            assertTrue(Double.isFinite(epoch.path("meanLoss").asDouble()), "finite loss");
        }
        assertTrue(ModelFolderFiles.readJson(a.resolve("manifest.json")).path("teacher").isMissingNode(),
                "no teacher, no entry");
    }

    private static Path distil(String name, Path teacher, String weight) {
        Path out = dir.resolve(name);
        assertEquals(0, run("train", "--init-from", a.toString(), "--teacher", teacher.toString(), "--distill-weight",
                weight, "--train", csv("train"), "--val", csv("val"), "--out", out.toString(), "--epochs", "3", "--lr",
                "3e-3", "--dropout", "0", "--unk-prob", "0", "--batch-size", "8", "--threads", "1"));
        return out;
    }

    /**
     * Mean absolute difference between the first distributions at temperature tx and the second at ty: the student
     * is fitted to its teacher's temperature-scaled distribution with its own outputs unscaled.
     */
    private static double meanAbs(List<float[][]> x, List<float[][]> y, double tx, double ty) {
        double sum = 0;
        long n = 0;
        for (int s = 0; s < x.size(); s++) {
            for (int w = 0; w < x.get(s).length; w++) {
                if (x.get(s)[w] == null) {
                    continue;
                }
                double[] p = Calibration.apply(x.get(s)[w], 0, x.get(s)[w].length, tx);
                double[] q = Calibration.apply(y.get(s)[w], 0, y.get(s)[w].length, ty);
                for (int k = 0; k < p.length; k++) {
                    sum += Math.abs(p[k] - q[k]);
                    n++;
                }
            }
        }
        return sum / n;
    }

    private static Path copy(Path from, String name) throws IOException {
        Path to = dir.resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(f -> {
                try {
                    Files.copy(f, to.resolve(from.relativize(f).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }
}
