package dev.kggateway.ner.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderFilesTest {

    @Test
    void seedStyleFolderHasDefaultsAndNoManifest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tag2int.json"), "{\"O\":0,\"B-size\":1,\"I-size\":2}");
        assertEquals(new ModelFolderFiles.ModelConfig(64, 1.0), ModelFolderFiles.config(dir));
        assertTrue(ModelManifest.read(dir).isEmpty());
        assertEquals(List.of("O", "B-size", "I-size"), TagSet.read(dir).tags());
        Files.writeString(dir.resolve("max_sequence_length"), "128\n");
        assertEquals(128, ModelFolderFiles.config(dir).maxSequenceLength());
    }

    @Test
    void temperatureAndCalibrationRoundTrip(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\"max_sequence_length\":64,\"hidden_size\":128}");
        Files.writeString(dir.resolve("manifest.json"), "{\"name\":\"kg-ner-lab\",\"version\":\"2.0.0\"}");
        assertTrue(ModelManifest.read(dir).orElseThrow().minConfidence().isEmpty());
        ModelFolderFiles.writeTemperature(dir, 1.7);
        ModelManifest.updateCalibration(dir, Map.of("temperature", 1.7, "minConfidence", 0.8, "chosenOn", "dev"));
        assertEquals(1.7, ModelFolderFiles.config(dir).temperature(), 1e-12);
        assertEquals(128, ModelFolderFiles.readJson(dir.resolve("config.json")).path("hidden_size").asInt());
        ModelManifest m = ModelManifest.read(dir).orElseThrow();
        assertEquals("kg-ner-lab", m.name());
        assertEquals(0.8, m.minConfidence().orElseThrow(), 1e-12);
        assertEquals("dev", m.calibration().orElseThrow().chosenOn());
    }

    @Test
    void badValuesAreRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\"max_sequence_length\":64,\"temperature\":-1}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModelFolderFiles.config(dir));
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
        Files.writeString(dir.resolve("int2tag.json"), "{\"0\":\"O\",\"2\":\"B-size\"}");
        e = assertThrows(IllegalStateException.class, () -> TagSet.read(dir));
        assertTrue(e.getMessage().contains("int2tag.json"), e.getMessage());
    }

    @Test
    void tagSetWritesTheSeedFormat(@TempDir Path dir) throws Exception {
        TagSet tags = TagSet.forTypes(List.of("voltage"));
        assertEquals(23, tags.size());
        assertEquals("B-voltage", tags.tag(21));
        tags.write(dir.resolve("int2tag.json"), dir.resolve("tag2int.json"));
        assertEquals(tags.tags(), TagSet.read(dir).tags());
        assertEquals("size", TagSet.type("I-size"));
        assertEquals(null, TagSet.type(TagSet.UNKNOWN));
        assertFalse(tags.contains(TagSet.UNKNOWN));
    }

    @Test
    void tokenizerJsonHasOneNormaliserDefinition() {
        JsonNode json = TokenizerJson.toJson(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "##b", "a"));
        JsonNode normalizer = json.path("normalizer");
        assertTrue(normalizer.path("strip_accents").isBoolean(), "explicit false, never null");
        assertFalse(normalizer.path("strip_accents").asBoolean());
        assertTrue(normalizer.path("lowercase").asBoolean());
        assertEquals(5, json.path("model").path("vocab").path("a").asInt(), "a duplicate keeps its first id");
        assertEquals(5, json.path("added_tokens").size());
        assertEquals(2, json.path("post_processor").path("special_tokens").path("[CLS]").path("ids").get(0).asInt());
    }
}
