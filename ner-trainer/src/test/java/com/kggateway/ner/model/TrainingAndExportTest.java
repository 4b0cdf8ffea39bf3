package com.kggateway.ner.model;

import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.features.Batch;
import com.kggateway.ner.features.EncodedWindow;
import com.kggateway.ner.gen.ProductDescriptionGenerator;
import dev.kggateway.ner.contract.LexicalClass;
import dev.kggateway.ner.contract.LexicalClassTable;
import dev.kggateway.ner.contract.ModelFolderFiles;
import dev.kggateway.ner.contract.WordFeatures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trains a tiny model once (a few seconds on 2 cores) and checks learning, export and reload. */
class TrainingAndExportTest {
    private static final TrainingOptions TINY = new TrainingOptions(32, 1, 2, 64, 64, 400, 0.1f, 0.05f, 3, 16,
            5e-3f, 0.1f, 5, 7L, 1);
    private static List<TaggedSentence> train;
    private static List<TaggedSentence> validation;
    private static TrainedModel trained;
    private static final List<Float> losses = new ArrayList<>();

    @BeforeAll
    static void trainTiny() {
        train = new ProductDescriptionGenerator(1, false).generate(160, "t");
        validation = new ProductDescriptionGenerator(2, false).generate(40, "v");
        trained = new NerTrainer(TINY, new PrintStream(new ByteArrayOutputStream())).train(train, validation, losses::add);
    }

    @Test
    void trainingStepsReduceTheLoss() {
        assertEquals(0, losses.size() % 3, "same number of steps in each of the 3 epochs");
        double first = losses.subList(0, 5).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        double last = losses.subList(losses.size() - 5, losses.size()).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        assertTrue(first > Math.log(21) * 0.8, "starts near uniform over 21 tags: " + first);
        assertTrue(last < first * 0.8, "loss should drop: first " + first + " last " + last);
    }

    @Test
    void trainingIsDeterministicForAFixedSeed() {
        List<Float> again = new ArrayList<>();
        new NerTrainer(TINY, new PrintStream(new ByteArrayOutputStream())).train(train, validation, again::add);
        // Same seed => same vocabulary, init, batch order, dropout and [UNK] masks => identical loss curve.
        assertEquals(losses, again);
        List<Float> otherSeed = new ArrayList<>();
        TrainingOptions seed8 = new TrainingOptions(32, 1, 2, 64, 64, 400, 0.1f, 0.05f, 1, 16, 5e-3f, 0.1f, 5, 8L, 1);
        new NerTrainer(seed8, new PrintStream(new ByteArrayOutputStream())).train(train, validation, otherSeed::add);
        assertNotEquals(losses.get(0), otherSeed.get(0), "a different seed must change init and batch order");
    }

    @Test
    void exportThenReloadGivesIdenticalPredictions(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("model");
        ModelFolder.export(trained, folder, 2);
        for (String f : List.of("saved_model.pb", "variables", "tokenizer.json", "vocab.txt", "int2tag.json", "tag2int.json", "config.json")) {
            assertTrue(Files.exists(folder.resolve(f)), f);
        }
        List<List<String>> sentences = validation.stream().map(TaggedSentence::words).toList();
        try (org.tensorflow.Graph graph = new org.tensorflow.Graph()) {
            BertTokenClassifier model = new BertTokenClassifier(graph, trained.config(), false);
            try (org.tensorflow.Session session = Sessions.open(graph, 2);
                 ModelFolder loaded = ModelFolder.load(folder, 2)) {
                trained.weights().assignTo(session, model);
                TfTagger inMemory = TfTagger.forGraph(session, loaded.encoder(), trained.tags(), 8);
                List<EncodedWindow> windows = loaded.encoder().encode(sentences.get(0), null);
                Batch batch = Batch.of(windows, 64);
                assertArrayEquals(inMemory.probabilities(batch), loaded.tagger().probabilities(batch), 1e-6f);
                assertEquals(inMemory.tag(sentences), loaded.tagger().tag(sentences));
                assertEquals(trained.tags().tags(), loaded.tags().tags());
            }
        }
    }

    /** A small lexical-class table (the real one comes from WordNet; see WordNetLexicalClassesTest). */
    private static final WordFeatures FEATURES = new WordFeatures(new LexicalClassTable(Map.of(
            "tube", LexicalClass.CONTAINER, "valve", LexicalClass.DEVICE, "steel", LexicalClass.MATERIAL,
            "white", LexicalClass.COLOR, "ml", LexicalClass.UNIT_OF_MEASURE)));

    @Test
    void warmStartingWithZeroFeatureEmbeddingsComputesWhatTheModelComputedBefore() {
        List<EncodedWindow> windows = new com.kggateway.ner.features.SentenceEncoder(
                new com.kggateway.ner.tokenize.WordPiece(trained.vocab()), 64, FEATURES)
                .encode(validation.get(0).words(), null);
        Batch batch = Batch.of(windows, 64);
        assertTrue(java.util.Arrays.stream(batch.featureIds).anyMatch(id -> id != WordFeatures.PAD_ID),
                "the words have features");
        float[] before;
        float[] after;
        try (org.tensorflow.Graph graph = new org.tensorflow.Graph()) {
            BertTokenClassifier model = new BertTokenClassifier(graph, trained.config(), false);
            try (org.tensorflow.Session session = Sessions.open(graph, 1)) {
                trained.weights().assignTo(session, model);
                before = TfTagger.forGraph(session, new com.kggateway.ner.features.SentenceEncoder(
                        new com.kggateway.ner.tokenize.WordPiece(trained.vocab()), 64), trained.tags(), 8).probabilities(batch);
            }
        }
        try (org.tensorflow.Graph graph = new org.tensorflow.Graph()) {
            BertTokenClassifier model = new BertTokenClassifier(graph, trained.config().withFeatureCount(WordFeatures.COUNT), false);
            assertTrue(model.inputFeatureIds != null);
            try (org.tensorflow.Session session = Sessions.open(graph, 1)) {
                trained.weights().withZeroFeatureEmbeddings(model).assignTo(session, model);
                after = TfTagger.forGraph(session, new com.kggateway.ner.features.SentenceEncoder(
                        new com.kggateway.ner.tokenize.WordPiece(trained.vocab()), 64, FEATURES), trained.tags(), 8)
                        .probabilities(batch);
            }
        }
        assertArrayEquals(before, after, 1e-6f);
    }

    @Test
    void aModelWithWordFeaturesTrainsExportsAndReloadsWithItsTable(@TempDir Path dir) throws Exception {
        TrainingOptions oneEpoch = new TrainingOptions(32, 1, 2, 64, 64, 400, 0.1f, 0.05f, 1, 16, 5e-3f, 0.1f, 5, 7L, 1);
        TrainedModel withFeatures = new NerTrainer(oneEpoch, new PrintStream(new ByteArrayOutputStream()), FEATURES)
                .train(train, validation, null);
        assertEquals(WordFeatures.COUNT, withFeatures.config().featureCount());
        Path folder = dir.resolve("model");
        ModelFolder.export(withFeatures, folder, 1);
        assertTrue(Files.isRegularFile(folder.resolve(LexicalClassTable.FILE)));
        assertTrue(ModelFolderFiles.readJson(folder.resolve("config.json")).has(WordFeatures.CONFIG_KEY));
        List<List<String>> sentences = validation.stream().map(TaggedSentence::words).toList();
        try (org.tensorflow.Graph graph = new org.tensorflow.Graph()) {
            BertTokenClassifier model = new BertTokenClassifier(graph, withFeatures.config(), false);
            try (org.tensorflow.Session session = Sessions.open(graph, 1);
                 ModelFolder loaded = ModelFolder.load(folder, 1)) {
                withFeatures.weights().assignTo(session, model);
                assertTrue(loaded.encoder().features() != null, "the reloaded folder feeds features");
                TfTagger inMemory = TfTagger.forGraph(session, loaded.encoder(), withFeatures.tags(), 8);
                Batch batch = Batch.of(loaded.encoder().encode(sentences.get(0), null), 64);
                assertArrayEquals(inMemory.probabilities(batch), loaded.tagger().probabilities(batch), 1e-6f);
                assertEquals(inMemory.tag(sentences), loaded.tagger().tag(sentences));
                // the feature input matters: other feature ids, other probabilities
                Batch shifted = Batch.of(loaded.encoder().encode(sentences.get(0), null), 64);
                for (int i = 0; i < shifted.featureIds.length; i++) {
                    if (shifted.featureIds[i] != WordFeatures.PAD_ID) {
                        shifted.featureIds[i] = WordFeatures.id(LexicalClass.COLOR, dev.kggateway.ner.contract.WordShape.UPPER);
                    }
                }
                assertNotEquals(java.util.Arrays.toString(loaded.tagger().probabilities(batch)),
                        java.util.Arrays.toString(loaded.tagger().probabilities(shifted)));
            }
        }
    }
}
