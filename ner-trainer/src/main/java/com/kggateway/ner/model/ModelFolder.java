package com.kggateway.ner.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kggateway.ner.features.SentenceEncoder;
import com.kggateway.ner.features.TagSet;
import com.kggateway.ner.tokenize.TokenizerJsonWriter;
import com.kggateway.ner.tokenize.Vocab;
import com.kggateway.ner.tokenize.WordPiece;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes and reads the model folder described in MODEL_CONTRACT.md. */
public final class ModelFolder implements AutoCloseable {
    public static final String SIGNATURE = "serving_default";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SavedModelBundle bundle;
    private final TfTagger tagger;
    private final SentenceEncoder encoder;
    private final TagSet tags;
    private final int maxSequenceLength;

    private ModelFolder(SavedModelBundle bundle, TfTagger tagger, SentenceEncoder encoder, TagSet tags, int maxSeq) {
        this.bundle = bundle;
        this.tagger = tagger;
        this.encoder = encoder;
        this.tags = tags;
        this.maxSequenceLength = maxSeq;
    }

    /**
     * Exports a lean inference graph (no loss, optimizer or dropout ops) holding the trained weights, plus the
     * tokenizer, tag maps and config. The manifest is written separately because it needs evaluation results.
     */
    public static void export(TrainedModel trained, Path dir, int threads) throws IOException {
        Files.createDirectories(dir);
        try (Graph graph = new Graph()) {
            BertTokenClassifier model = new BertTokenClassifier(graph, trained.config(), false);
            try (Session session = Sessions.open(graph, threads)) {
                trained.weights().assignTo(session, model);
                Signature signature = Signature.builder().key(SIGNATURE)
                        .input("input_word_ids", model.inputWordIds)
                        .input("input_mask", model.inputMask)
                        .input("input_type_ids", model.inputTypeIds)
                        .output("probabilities", model.probabilities)
                        .build();
                SavedModelBundle.exporter(dir.toString()).withSession(session).withSignature(signature).export();
            }
        }
        trained.vocab().write(dir.resolve("vocab.txt"));
        TokenizerJsonWriter.write(trained.vocab(), dir.resolve("tokenizer.json"));
        trained.tags().write(dir.resolve("int2tag.json"), dir.resolve("tag2int.json"));
        BertConfig c = trained.config();
        ObjectNode config = JSON.createObjectNode();
        config.put("max_sequence_length", c.maxSequenceLength());
        config.put("hidden_size", c.hiddenSize());
        config.put("num_layers", c.numLayers());
        config.put("num_heads", c.numHeads());
        config.put("intermediate_size", c.intermediateSize());
        config.put("vocab_size", c.vocabSize());
        config.put("n_tags", c.nTags());
        config.put("labelling_unit", "first word piece of each BertPreTokenizer pre-token");
        JSON.writeValue(dir.resolve("config.json").toFile(), config);
    }

    public static void writeManifest(Path dir, Map<String, Object> manifest) throws IOException {
        JSON.writeValue(dir.resolve("manifest.json").toFile(), manifest);
    }

    /** Loads a model folder with the plain TF SavedModel loader and wires a tagger to its serving signature. */
    public static ModelFolder load(Path dir, int threads) throws IOException {
        Vocab vocab = Vocab.read(dir.resolve("vocab.txt"));
        TagSet tags = TagSet.read(dir.resolve("int2tag.json"));
        int maxSeq = JSON.readTree(dir.resolve("config.json").toFile()).get("max_sequence_length").asInt();
        SavedModelBundle bundle = SavedModelBundle.loader(dir.toString()).withTags("serve")
                .withConfigProto(Sessions.config(threads)).load();
        Signature sig = bundle.function(SIGNATURE).signature();
        SentenceEncoder encoder = new SentenceEncoder(new WordPiece(vocab), maxSeq);
        TfTagger tagger = new TfTagger(bundle.session(),
                sig.getInputs().get("input_word_ids").name, sig.getInputs().get("input_mask").name,
                sig.getInputs().get("input_type_ids").name, sig.getOutputs().get("probabilities").name,
                encoder, tags, 64);
        return new ModelFolder(bundle, tagger, encoder, tags, maxSeq);
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

    public int maxSequenceLength() {
        return maxSequenceLength;
    }

    @Override
    public void close() {
        bundle.close();
    }
}
