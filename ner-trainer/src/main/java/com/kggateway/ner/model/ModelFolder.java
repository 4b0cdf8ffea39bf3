package com.kggateway.ner.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kggateway.ner.features.SentenceEncoder;
import com.kggateway.ner.tokenize.Vocab;
import com.kggateway.ner.tokenize.WordPiece;
import dev.kggateway.ner.contract.ModelFolderFiles;
import dev.kggateway.ner.contract.TagSet;
import dev.kggateway.ner.contract.TokenizerJson;
import dev.kggateway.ner.contract.WordFeatures;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes and reads the model folder described in MODEL_CONTRACT.md (plain-JSON parts through ner-contract). */
public final class ModelFolder implements AutoCloseable {
    public static final String SIGNATURE = "serving_default";
    public static final String LABELLING_UNIT = "first word piece of each whitespace-separated word";

    private final Path dir;
    private final SavedModelBundle bundle;
    private final TfTagger tagger;
    private final SentenceEncoder encoder;
    private final TagSet tags;
    private final Vocab vocab;
    private final ModelFolderFiles.ModelConfig config;
    private final WordFeatures features;

    private ModelFolder(Path dir, SavedModelBundle bundle, TfTagger tagger, SentenceEncoder encoder, TagSet tags,
                        Vocab vocab, ModelFolderFiles.ModelConfig config, WordFeatures features) {
        this.features = features;
        this.dir = dir;
        this.bundle = bundle;
        this.tagger = tagger;
        this.encoder = encoder;
        this.tags = tags;
        this.vocab = vocab;
        this.config = config;
    }

    /**
     * Exports a lean inference graph (no loss, optimizer or dropout ops) holding the trained weights, plus the
     * tokenizer, tag maps and config (temperature 1 until calibrated). The manifest is written separately because
     * it needs evaluation results.
     */
    public static void export(TrainedModel trained, Path dir, int threads) throws IOException {
        Files.createDirectories(dir);
        try (Graph graph = new Graph()) {
            BertTokenClassifier model = new BertTokenClassifier(graph, trained.config(), false);
            try (Session session = Sessions.open(graph, threads)) {
                trained.weights().assignTo(session, model);
                Signature.Builder builder = Signature.builder().key(SIGNATURE)
                        .input("input_word_ids", model.inputWordIds)
                        .input("input_mask", model.inputMask)
                        .input("input_type_ids", model.inputTypeIds);
                if (model.inputFeatureIds != null) {
                    builder.input(WordFeatures.INPUT, model.inputFeatureIds);
                }
                Signature signature = builder.output("probabilities", model.probabilities).build();
                SavedModelBundle.exporter(dir.toString()).withSession(session).withSignature(signature).export();
            }
        }
        trained.vocab().write(dir.resolve(ModelFolderFiles.VOCAB));
        TokenizerJson.write(trained.vocab().pieces(), trained.vocab().stripAccents(), dir.resolve(ModelFolderFiles.TOKENIZER));
        trained.tags().write(dir.resolve(ModelFolderFiles.INT2TAG), dir.resolve(ModelFolderFiles.TAG2INT));
        BertConfig c = trained.config();
        ObjectNode config = ModelFolderFiles.json().createObjectNode();
        config.put("max_sequence_length", c.maxSequenceLength());
        config.put("hidden_size", c.hiddenSize());
        config.put("num_layers", c.numLayers());
        config.put("num_heads", c.numHeads());
        config.put("intermediate_size", c.intermediateSize());
        config.put("vocab_size", c.vocabSize());
        config.put("n_tags", c.nTags());
        config.put("labelling_unit", LABELLING_UNIT);
        if (trained.features() != null) {
            config.set(WordFeatures.CONFIG_KEY, WordFeatures.configEntry());
            trained.features().table().write(dir.resolve(dev.kggateway.ner.contract.LexicalClassTable.FILE));
        }
        config.put("temperature", 1.0);
        ModelFolderFiles.writeJson(dir.resolve(ModelFolderFiles.CONFIG), config);
    }

    public static void writeManifest(Path dir, Map<String, Object> manifest) throws IOException {
        ModelFolderFiles.writeJson(dir.resolve(ModelFolderFiles.MANIFEST), manifest);
    }

    /** Loads a model folder with the plain TF SavedModel loader and wires a tagger to its serving signature. */
    public static ModelFolder load(Path dir, int threads) throws IOException {
        Vocab vocab = Vocab.read(dir.resolve(ModelFolderFiles.VOCAB));
        Path tokenizerJson = dir.resolve(ModelFolderFiles.TOKENIZER);
        if (Files.isRegularFile(tokenizerJson)) { // the normaliser that goes with the pieces (pre-trained: strips accents)
            vocab = vocab.withStripAccents(TokenizerJson.stripsAccents(ModelFolderFiles.readJson(tokenizerJson)));
        }
        TagSet tags = TagSet.read(dir);
        ModelFolderFiles.ModelConfig config = ModelFolderFiles.config(dir);
        SavedModelBundle bundle = SavedModelBundle.loader(dir.toString()).withTags("serve")
                .withConfigProto(Sessions.config(threads)).load();
        Signature sig = bundle.function(SIGNATURE).signature();
        WordFeatures features = WordFeatures.read(dir).orElse(null);
        SentenceEncoder encoder = new SentenceEncoder(new WordPiece(vocab), config.maxSequenceLength(), features);
        TfTagger tagger = new TfTagger(bundle.session(),
                sig.getInputs().get("input_word_ids").name, sig.getInputs().get("input_mask").name,
                sig.getInputs().get("input_type_ids").name,
                features != null ? sig.getInputs().get(WordFeatures.INPUT).name : null,
                sig.getOutputs().get("probabilities").name, encoder, tags, 64);
        return new ModelFolder(dir, bundle, tagger, encoder, tags, vocab, config, features);
    }

    /** The architecture in config.json (a folder written by this trainer). */
    public BertConfig bertConfig(float dropout) {
        JsonNode c = ModelFolderFiles.readJson(dir.resolve(ModelFolderFiles.CONFIG));
        for (String key : new String[] {"hidden_size", "num_layers", "num_heads", "intermediate_size", "vocab_size"}) {
            if (!c.hasNonNull(key)) {
                throw new IllegalStateException(dir.resolve(ModelFolderFiles.CONFIG) + " has no " + key
                        + ": only folders written by ner-trainer can be fine-tuned");
            }
        }
        return new BertConfig(c.get("vocab_size").asInt(), c.get("hidden_size").asInt(), c.get("num_layers").asInt(),
                c.get("num_heads").asInt(), c.get("intermediate_size").asInt(), config.maxSequenceLength(), tags.size(),
                dropout, features != null ? WordFeatures.COUNT : 0);
    }

    /** Everything fine-tuning starts from: vocabulary, tags, architecture and the SavedModel's weights. */
    public NerTrainer.InitialModel initialModel(float dropout) {
        BertConfig c = bertConfig(dropout);
        try (Graph graph = new Graph()) {
            BertTokenClassifier shapeOnly = new BertTokenClassifier(graph, c, false);
            return new NerTrainer.InitialModel(vocab, tags, c, WeightSnapshot.readByName(bundle.session(), shapeOnly),
                    features);
        }
    }

    /** The folder's span verifier (confidence of each predicted entity), or null when it has none. */
    public dev.kggateway.ner.contract.SpanVerifier verifier() {
        return dev.kggateway.ner.contract.SpanVerifier.read(dir).orElse(null);
    }

    /** The folder's lexical-class table, or null when the model takes no word features. */
    public dev.kggateway.ner.contract.LexicalClassTable lexicalClasses() {
        return features == null ? null : features.table();
    }

    public TfTagger tagger() {
        return tagger;
    }

    public SentenceEncoder encoder() {
        return encoder;
    }

    public TagSet tags() {
        return tags;
    }

    public double temperature() {
        return config.temperature();
    }

    public int maxSequenceLength() {
        return config.maxSequenceLength();
    }

    @Override
    public void close() {
        bundle.close();
    }
}
