package dev.kggateway.ner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A validated model folder (MODEL_CONTRACT.md), or a seed-style one (Keras SavedModel export, {@code vocab.txt},
 * {@code int2tag.json}/{@code tag2int.json}, no tokenizer.json or manifest). Every problem names the file.
 */
public record ModelFolder(Path dir, Path tokenizerJson, String[] tags, int maxSequenceLength, ModelInfo info,
        int clsId, int sepId, int padId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static ModelFolder open(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("NER model folder not found: " + dir + " (kg.ner.model-path)");
        }
        require(dir.resolve("saved_model.pb"), false);
        require(dir.resolve("variables"), true);
        String[] tags = tags(dir);
        int maxSeq = 64;
        Path config = dir.resolve("config.json");
        if (Files.isRegularFile(config)) {
            maxSeq = read(config).path("max_sequence_length").asInt(64);
        } else if (Files.isRegularFile(dir.resolve("max_sequence_length"))) {
            maxSeq = Integer.parseInt(text(dir.resolve("max_sequence_length")).strip());
        }
        if (maxSeq < 8 || maxSeq > 4096) {
            throw new IllegalStateException("max_sequence_length out of range in " + config + ": " + maxSeq);
        }
        Path tokenizer = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(tokenizer)) {
            Path vocab = dir.resolve("vocab.txt");
            require(vocab, false);
            tokenizer = BertTokenizerJson.fromVocab(vocab);
        }
        Map<String, Integer> vocab = vocabulary(tokenizer);
        ModelInfo info = info(dir);
        return new ModelFolder(dir, tokenizer, tags, maxSeq, info, special(vocab, "[CLS]", tokenizer),
                special(vocab, "[SEP]", tokenizer), special(vocab, "[PAD]", tokenizer));
    }

    private static String[] tags(Path dir) {
        Path int2tag = dir.resolve("int2tag.json");
        Path tag2int = dir.resolve("tag2int.json");
        JsonNode map;
        boolean inverted = false;
        if (Files.isRegularFile(int2tag)) {
            map = read(int2tag);
        } else if (Files.isRegularFile(tag2int)) {
            map = read(tag2int);
            inverted = true;
        } else {
            throw new IllegalStateException("NER model file missing: " + int2tag + " (or tag2int.json)");
        }
        String[] tags = new String[map.size()];
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            int index = inverted ? e.getValue().asInt() : Integer.parseInt(e.getKey());
            String tag = inverted ? e.getKey() : e.getValue().asText();
            if (index < 0 || index >= tags.length || tags[index] != null) {
                throw new IllegalStateException("tag map is not a dense 0..n-1 index: " + (inverted ? tag2int : int2tag));
            }
            tags[index] = tag;
        }
        return tags;
    }

    private static ModelInfo info(Path dir) {
        Path manifest = dir.resolve("manifest.json");
        if (Files.isRegularFile(manifest)) {
            JsonNode m = read(manifest);
            return new ModelInfo(m.path("name").asText("kg-ner"), m.path("version").asText("unversioned"));
        }
        // A seed-style export has no manifest: identify it by the hash of its graph, so a retrained model differs.
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dir.resolve("saved_model.pb")));
            return new ModelInfo(dir.getFileName().toString(), "sha256-" + HexFormat.of().formatHex(digest).substring(0, 12));
        } catch (Exception e) {
            throw new IllegalStateException("cannot hash " + dir.resolve("saved_model.pb"), e);
        }
    }

    static Map<String, Integer> vocabulary(Path tokenizerJson) {
        JsonNode vocab = read(tokenizerJson).path("model").path("vocab");
        if (!vocab.isObject() || vocab.isEmpty()) {
            throw new IllegalStateException("tokenizer has no model.vocab: " + tokenizerJson);
        }
        Map<String, Integer> ids = new java.util.HashMap<>();
        vocab.fields().forEachRemaining(e -> ids.put(e.getKey(), e.getValue().asInt()));
        return ids;
    }

    private static int special(Map<String, Integer> vocab, String token, Path file) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalStateException("special token " + token + " missing from " + file);
        }
        return id;
    }

    private static void require(Path path, boolean directory) {
        if (directory ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
            throw new IllegalStateException("NER model file missing: " + path);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> tagList() {
        return List.of(tags);
    }
}
