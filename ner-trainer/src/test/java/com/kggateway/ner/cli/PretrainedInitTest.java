package com.kggateway.ner.cli;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.kggateway.ner.data.NerCsv;
import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.gen.ProductDescriptionGenerator;
import com.kggateway.ner.model.ModelFolder;
import com.kggateway.ner.model.WeightSnapshot;
import com.kggateway.ner.pretrained.MiniLm;
import com.kggateway.ner.tokenize.BertPreTokenizer;
import com.kggateway.ner.tokenize.WordPiece;
import dev.kggateway.ner.contract.ModelFolderFiles;
import dev.kggateway.ner.contract.TokenizerJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train --init-pretrained 1 --word-features --freeze-word-embeddings} on tiny data, through the CLI: the
 * folder carries MiniLM's vocabulary and an accent-stripping tokenizer.json that DJL's HuggingFace tokenizer (the
 * gateway's) reads into exactly the trainer's pieces; the frozen word table is MiniLM's byte for byte while the layer
 * moved; the manifest says where the weights came from; the folder loads and predicts.
 */
class PretrainedInitTest {

    @Test
    void fineTunesOneMiniLmLayerIntoAModelFolderTheGatewaysTokenizerReadsAlike(@TempDir Path dir) throws Exception {
        NerCsv.write(new ProductDescriptionGenerator(21, false).generate(48, "t"), dir.resolve("train.csv"));
        NerCsv.write(new ProductDescriptionGenerator(22, false).generate(12, "v"), dir.resolve("val.csv"));
        Path out = dir.resolve("model");
        assertEquals(0, FineTuneEndToEndTest.run("train", "--init-pretrained", "1", "--word-features",
                "--freeze-word-embeddings", "--train", dir.resolve("train.csv").toString(), "--val",
                dir.resolve("val.csv").toString(), "--out", out.toString(), "--epochs", "1", "--batch-size", "16",
                "--lr", "3e-4", "--threads", "2", "--max-seq", "48"));

        MiniLm miniLm = MiniLm.load();
        assertEquals(miniLm.vocab().pieces(), Files.readAllLines(out.resolve("vocab.txt")), "MiniLM's vocabulary");
        JsonNode tokenizer = ModelFolderFiles.readJson(out.resolve("tokenizer.json"));
        assertTrue(TokenizerJson.stripsAccents(tokenizer), "uncased pre-trained pieces come with accent stripping");
        JsonNode config = ModelFolderFiles.readJson(out.resolve("config.json"));
        assertEquals(384, config.path("hidden_size").asInt());
        assertEquals(1, config.path("num_layers").asInt());
        assertEquals(48, config.path("max_sequence_length").asInt());
        JsonNode manifest = ModelFolderFiles.readJson(out.resolve("manifest.json"));
        assertEquals(miniLm.onnxSha256(), manifest.path("initialisedFrom").path("sha256").asText());
        assertEquals("embeddings/word", manifest.path("frozen").get(0).asText());

        try (ModelFolder folder = ModelFolder.load(out, 2)) {
            WeightSnapshot trained = folder.initialModel(0f).weights();
            WeightSnapshot start = miniLm.weights(miniLm.config(1, 48, folder.initialModel(0f).tags().size(), 0f,
                    dev.kggateway.ner.contract.WordFeatures.COUNT), 42);
            assertArrayEquals(start.get("embeddings/word"), trained.get("embeddings/word"), "frozen table unchanged");
            assertFalse(Arrays.equals(start.get("layer_0/query/kernel"), trained.get("layer_0/query/kernel")),
                    "the layer was trained");
            assertNotEquals(0f, trained.get("embeddings/word_shape")[WordFeaturesIds.SOME_SHAPE_ROW], "features learned");
            List<TaggedSentence> val = NerCsv.read(dir.resolve("val.csv"));
            assertEquals(val.get(0).words().size(), folder.tagger().tag(List.of(val.get(0).words())).get(0).size(),
                    "one tag per word");

            // the gateway tokenises with DJL's HuggingFaceTokenizer over this tokenizer.json: same pieces as ours
            try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(out.resolve("tokenizer.json"),
                    Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"))) {
                WordPiece wp = new WordPiece(miniLm.vocab());
                for (String word : List.of("Café", "naïve", "Ångström", "0.22µm", "≥99.5%", "Nalgene™", "PÛRISS",
                        "İSTANBUL", "a\u0301b", "brûlée,", "½-inch")) {
                    List<Long> ours = new ArrayList<>();
                    for (String t : BertPreTokenizer.tokens(word, miniLm.vocab().stripAccents())) {
                        Arrays.stream(wp.ids(t)).forEach(id -> ours.add((long) id));
                    }
                    assertArrayEquals(hf.encode(word).getIds(), ours.stream().mapToLong(Long::longValue).toArray(), word);
                    // and the loaded folder's encoder (tokenizer.json's normaliser read back) gives the same pieces
                    assertArrayEquals(ours.stream().mapToInt(Long::intValue).toArray(), folder.encoder().pieces(word), word);
                }
            }
        }
    }

    /** A word-shape row every generated sentence uses (LOWER words), so its embedding must have moved from zero. */
    private static final class WordFeaturesIds {
        static final int SOME_SHAPE_ROW = 384 * dev.kggateway.ner.contract.WordShape.LOWER.ordinal();
    }
}
