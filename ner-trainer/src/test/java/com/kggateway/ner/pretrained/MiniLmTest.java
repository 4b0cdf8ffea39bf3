package com.kggateway.ner.pretrained;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.kggateway.ner.model.BertConfig;
import com.kggateway.ner.model.BertTokenClassifier;
import com.kggateway.ner.model.Sessions;
import com.kggateway.ner.model.WeightSnapshot;
import com.kggateway.ner.tokenize.BertPreTokenizer;
import com.kggateway.ner.tokenize.WordPiece;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pre-trained weights are mapped right only if our TF encoder, given MiniLM's 6 layers, computes what MiniLM
 * computes: the sentence embedding (mean of the last hidden state over real tokens, L2-normalised) must equal
 * langchain4j's own {@link AllMiniLmL6V2EmbeddingModel} (ONNX Runtime over the same file, same tokenizer.json) — a
 * swapped query/key, a transposed kernel, a wrong LayerNorm epsilon or a shifted position table all break it.
 */
class MiniLmTest {
    private static final List<String> SENTENCES = List.of(
            "Potassium Permanganate Crystals, ACS Grade, 500 g",
            "Thermo Scientific™ Nalgene™ Wide-Mouth HDPE Bottles, 250 mL, white",
            "Café naïve Ångström µm filter ≥99.5% 0.22 µm PTFE");

    private static MiniLm miniLm;

    @BeforeAll
    static void load() throws Exception {
        miniLm = MiniLm.load();
    }

    /** The manifest's provenance names the dependency version the pom declares, read from the jar, not repeated. */
    @Test
    void sourceNamesTheVersionThePomDeclares() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<minilm.version>([^<]+)</minilm.version>").matcher(pom);
        assertTrue(m.find(), "pom.xml declares minilm.version");
        assertEquals(m.group(1), MiniLm.artifactVersion());
        assertTrue(MiniLm.SOURCE.contains(MiniLm.ARTIFACT + ":" + m.group(1)), MiniLm.SOURCE);
    }

    @Test
    void ourTokenizerGivesTheIdsOfMiniLmsOwnTokenizerJson() throws Exception {
        Path json = Files.createTempFile("minilm-tokenizer", ".json");
        try (InputStream in = MiniLm.class.getResourceAsStream(MiniLm.TOKENIZER)) {
            Files.copy(in, json, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> texts = new ArrayList<>(SENTENCES);
        texts.addAll(List.of("Éthanol absolu, PÛRISS p.a.", "İSTANBUL ﬁlter Ⅻ ½-inch 37°C", "a\u0301b crème brûlée",
                "Sodium Chloride (NaCl) 1/4\" O.D. x 0.010\" wall; 10-12% w/v"));
        try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(json, Map.of("addSpecialTokens", "false",
                "truncation", "false", "padding", "false"))) {
            assertTrue(miniLm.vocab().stripAccents(), "MiniLM's uncased tokenizer strips accents");
            for (String text : texts) {
                Encoding e = hf.encode(text);
                assertArrayEquals(e.getIds(), Arrays.stream(ours(text)).asLongStream().toArray(), text);
            }
        } finally {
            Files.deleteIfExists(json);
        }
    }

    @Test
    void ourEncoderWithAllSixLayersEmbedsLikeMiniLmThroughOnnxRuntime() {
        AllMiniLmL6V2EmbeddingModel reference = new AllMiniLmL6V2EmbeddingModel();
        BertConfig config = miniLm.config(6, 64, 3, 0f, 0);
        WeightSnapshot weights = miniLm.weights(config, 1);
        try (Graph g = new Graph()) {
            BertTokenClassifier model = new BertTokenClassifier(g, config, false);
            try (Session session = Sessions.open(g, 2)) {
                weights.assignTo(session, model);
                for (String text : SENTENCES) {
                    float[] expected = reference.embed(text).content().vector();
                    float[] actual = embed(session, model, ours(text), config.hiddenSize());
                    double max = 0;
                    for (int i = 0; i < expected.length; i++) {
                        max = Math.max(max, Math.abs(expected[i] - actual[i]));
                    }
                    assertTrue(max < 1e-4, text + ": max |difference| " + max);
                }
            }
        }
    }

    @Test
    void fewerLayersTakeTheFirstOnesAndAFreshHeadAndZeroFeatureTables() {
        BertConfig two = miniLm.config(2, 64, 21, 0.1f, 210);
        WeightSnapshot w = miniLm.weights(two, 7);
        assertEquals(64 * 384, w.get("embeddings/position").length);
        assertTrue(allZero(w.get("embeddings/lexical_class")) && allZero(w.get("embeddings/word_shape")));
        assertTrue(!allZero(w.get("classifier/kernel")) && allZero(w.get("classifier/bias")));
        BertConfig six = miniLm.config(6, 64, 21, 0.1f, 210);
        WeightSnapshot all = miniLm.weights(six, 7);
        for (String name : List.of("layer_1/query/kernel", "layer_1/output_ln/gamma", "embeddings/word")) {
            assertArrayEquals(all.get(name), w.get(name), name);
        }
        assertThrows(IllegalArgumentException.class, () -> miniLm.config(7, 64, 21, 0f, 0));
        assertThrows(IllegalStateException.class, () -> miniLm.weights(
                new BertConfig(miniLm.vocab().size(), 256, 1, 8, 1024, 64, 21, 0f), 1), "a narrower model is refused");
    }

    private static boolean allZero(float[] v) {
        for (float x : v) {
            if (x != 0f) {
                return false;
            }
        }
        return true;
    }

    /** [CLS] pieces [SEP] through the trainer's normaliser, pre-tokenizer and WordPiece on MiniLM's vocabulary. */
    private static int[] ours(String text) {
        WordPiece wp = new WordPiece(miniLm.vocab());
        List<Integer> ids = new ArrayList<>();
        for (String t : BertPreTokenizer.tokens(text, miniLm.vocab().stripAccents())) {
            for (int id : wp.ids(t)) {
                ids.add(id);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static float[] embed(Session session, BertTokenClassifier model, int[] pieces, int hidden) {
        int n = pieces.length + 2;
        int[] ids = new int[n];
        ids[0] = miniLm.vocab().clsId();
        System.arraycopy(pieces, 0, ids, 1, pieces.length);
        ids[n - 1] = miniLm.vocab().sepId();
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        try (TInt32 idT = TInt32.tensorOf(Shape.of(1, n), DataBuffers.of(ids, true, false));
             TInt32 maskT = TInt32.tensorOf(Shape.of(1, n), DataBuffers.of(ones, true, false));
             TInt32 typeT = TInt32.tensorOf(Shape.of(1, n), DataBuffers.of(new int[n], true, false));
             Result r = session.runner().feed(model.inputWordIds, idT).feed(model.inputMask, maskT)
                     .feed(model.inputTypeIds, typeT).fetch(model.sequenceOutput).run()) {
            TFloat32 out = (TFloat32) r.get(0);
            float[] flat = new float[n * hidden];
            out.copyTo(DataBuffers.of(flat, false, false));
            double[] mean = new double[hidden];
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < hidden; i++) {
                    mean[i] += flat[t * hidden + i] / n;
                }
            }
            double norm = Math.sqrt(Arrays.stream(mean).map(x -> x * x).sum());
            float[] e = new float[hidden];
            for (int i = 0; i < hidden; i++) {
                e[i] = (float) (mean[i] / norm);
            }
            return e;
        }
    }
}
