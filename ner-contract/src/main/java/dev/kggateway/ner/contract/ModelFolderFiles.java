package dev.kggateway.ner.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model folder's files (MODEL_CONTRACT.md) and the plain-JSON parts of it both sides read: config.json
 * (sequence length, temperature) and manifest.json ({@link ModelManifest}). Seed-style folders (Keras export,
 * {@code vocab.txt}, tag maps, maybe a {@code max_sequence_length} file, no config or manifest) stay readable.
 */
public final class ModelFolderFiles {
    public static final String SAVED_MODEL = "saved_model.pb";
    public static final String VARIABLES = "variables";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String VOCAB = "vocab.txt";
    public static final String INT2TAG = "int2tag.json";
    public static final String TAG2INT = "tag2int.json";
    public static final String CONFIG = "config.json";
    public static final String MANIFEST = "manifest.json";
    /** Seed exports may carry the sequence length in a file of its own. */
    public static final String SEED_MAX_SEQUENCE_LENGTH = "max_sequence_length";
    public static final int DEFAULT_MAX_SEQUENCE_LENGTH = 64;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFolderFiles() {
    }

    /** What inference needs from config.json. */
    public record ModelConfig(int maxSequenceLength, double temperature) {
    }

    public static ModelConfig config(Path dir) {
        Path config = dir.resolve(CONFIG);
        int maxSeq = DEFAULT_MAX_SEQUENCE_LENGTH;
        double temperature = 1.0;
        if (Files.isRegularFile(config)) {
            JsonNode c = readJson(config);
            maxSeq = c.path("max_sequence_length").asInt(DEFAULT_MAX_SEQUENCE_LENGTH);
            temperature = c.path("temperature").asDouble(1.0);
        } else if (Files.isRegularFile(dir.resolve(SEED_MAX_SEQUENCE_LENGTH))) {
            try {
                maxSeq = Integer.parseInt(Files.readString(dir.resolve(SEED_MAX_SEQUENCE_LENGTH), StandardCharsets.UTF_8).strip());
            } catch (IOException | NumberFormatException e) {
                throw new IllegalStateException("cannot read " + dir.resolve(SEED_MAX_SEQUENCE_LENGTH) + ": " + e.getMessage(), e);
            }
        }
        if (maxSeq < 8 || maxSeq > 4096) {
            throw new IllegalStateException("max_sequence_length out of range in " + config + ": " + maxSeq);
        }
        if (!(temperature > 0.01 && temperature < 100)) {
            throw new IllegalStateException("temperature out of range (0.01, 100) in " + config + ": " + temperature);
        }
        return new ModelConfig(maxSeq, temperature);
    }

    /** Sets {@code "temperature"} in config.json, keeping everything else. */
    public static void writeTemperature(Path dir, double temperature) throws IOException {
        Path config = dir.resolve(CONFIG);
        ObjectNode c = Files.isRegularFile(config) ? (ObjectNode) readJson(config) : JSON.createObjectNode();
        c.put("temperature", temperature);
        JSON.writeValue(config.toFile(), c);
    }

    public static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    public static void writeJson(Path file, Object value) throws IOException {
        JSON.writeValue(file.toFile(), value);
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
