package dev.kggateway.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.kggateway.ner.contract.BioDecoder;
import dev.kggateway.ner.contract.Decoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A seed-style export (SavedModel + vocab.txt + tag maps, no tokenizer.json, manifest or config) is accepted: the
 * tokenizer rebuilt from vocab.txt tokenises like the shipped tokenizer.json, and missing files are named.
 */
class SeedStyleModelFolderTest {

    static final Path SHIPPED = Path.of("../model/ner"); // tests run in gateway-tests/; the shipped model sits at the repository root

    static Path seedStyleCopy(Path target) throws IOException {
        Files.createDirectories(target.resolve("variables"));
        Files.copy(SHIPPED.resolve("saved_model.pb"), target.resolve("saved_model.pb"));
        try (Stream<Path> vars = Files.list(SHIPPED.resolve("variables"))) {
            for (Path v : vars.toList()) {
                Files.copy(v, target.resolve("variables").resolve(v.getFileName()));
            }
        }
        Files.copy(SHIPPED.resolve("vocab.txt"), target.resolve("vocab.txt"));
        Files.copy(SHIPPED.resolve("tag2int.json"), target.resolve("tag2int.json"));
        return target;
    }

    @Test
    void seedStyleFolderLoadsWithATokenizerEquivalentToTheShippedOne() throws Exception {
        Path dir = seedStyleCopy(Files.createTempDirectory("seed-style-model"));
        ModelFolder seed = ModelFolder.open(dir);
        ModelFolder shipped = ModelFolder.open(SHIPPED);
        assertEquals(64, seed.maxSequenceLength());
        assertEquals(shipped.tagList(), seed.tagList(), "tag2int.json inverted to the same tag order");
        assertTrue(seed.info().version().startsWith("sha256-"), seed.info().toString());
        assertEquals(shipped.clsId(), seed.clsId());
        try (HuggingFaceTokenizer a = tokenizer(seed.tokenizerJson()); HuggingFaceTokenizer b = tokenizer(shipped.tokenizerJson())) {
            for (String text : List.of("General Purpose Couplings with valve, PMC Series, Acetal, 1/4 in.",
                    "Nalgene™ Amber HDPE bottles, 500 mL — pack of 12 (RNase/DNase-free)", "0.22 µm PES syringe filters")) {
                assertArrayEquals(b.encode(text, false, false).getIds(), a.encode(text, false, false).getIds(), text);
            }
        }
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Path dir = seedStyleCopy(Files.createTempDirectory("seed-style-broken"));
        Files.delete(dir.resolve("vocab.txt"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModelFolder.open(dir));
        assertTrue(e.getMessage().contains("vocab.txt"), e.getMessage());
        Files.delete(dir.resolve("saved_model.pb"));
        e = assertThrows(IllegalStateException.class, () -> ModelFolder.open(dir));
        assertTrue(e.getMessage().contains("saved_model.pb"), e.getMessage());
    }

    @Test
    void theDecodingIsTheManifestsAndArgmaxWithoutOne() throws Exception {
        Path dir = seedStyleCopy(Files.createTempDirectory("seed-style-decoding"));
        assertEquals(Decoding.ARGMAX, ModelFolder.open(dir).decoding(), "seed-style: no manifest");
        assertEquals(Decoding.VITERBI, ModelFolder.open(SHIPPED).decoding(), "the shipped manifest names viterbi");
        Files.writeString(dir.resolve("manifest.json"), "{\"name\":\"m\",\"version\":\"1\"}");
        assertEquals(Decoding.ARGMAX, ModelFolder.open(dir).decoding(), "a manifest that names no decoding");
        Files.writeString(dir.resolve("manifest.json"), "{\"name\":\"m\",\"version\":\"1\",\"decoding\":\"viterbi\"}");
        assertEquals(Decoding.VITERBI, ModelFolder.open(dir).decoding());
    }

    @Test
    void theConfidenceIsTheManifestsAndTheMeanWithoutOne() throws Exception {
        Path dir = seedStyleCopy(Files.createTempDirectory("seed-style-confidence"));
        assertEquals(BioDecoder.Confidence.MEAN, ModelFolder.open(dir).confidence(), "seed-style: no manifest");
        assertEquals(BioDecoder.Confidence.SPAN_MARGINAL, ModelFolder.open(SHIPPED).confidence(),
                "the shipped manifest names span-marginal");
        Files.writeString(dir.resolve("manifest.json"), "{\"name\":\"m\",\"version\":\"1\"}");
        assertEquals(BioDecoder.Confidence.MEAN, ModelFolder.open(dir).confidence(), "a manifest that names none");
        Files.writeString(dir.resolve("manifest.json"), "{\"name\":\"m\",\"version\":\"1\",\"confidence\":\"margin\"}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModelFolder.open(dir).confidence());
        assertTrue(e.getMessage().contains("unknown confidence"), e.getMessage());
    }

    static HuggingFaceTokenizer tokenizer(Path json) throws IOException {
        return HuggingFaceTokenizer.builder().optTokenizerPath(json).optAddSpecialTokens(false)
                .optTruncation(false).optPadding(false).build();
    }
}
