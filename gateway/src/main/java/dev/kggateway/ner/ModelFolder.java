package dev.kggateway.ner;

import dev.kggateway.ner.contract.BioDecoder;
import dev.kggateway.ner.contract.ModelFolderFiles;
import dev.kggateway.ner.contract.Decoding;
import dev.kggateway.ner.contract.ModelManifest;
import dev.kggateway.ner.contract.TagSet;
import dev.kggateway.ner.contract.TokenizerJson;
import dev.kggateway.ner.contract.WordFeatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated model folder (MODEL_CONTRACT.md), or a seed-style one (Keras SavedModel export, {@code vocab.txt},
 * {@code int2tag.json}/{@code tag2int.json}, no tokenizer.json or manifest). Every problem names the file. The
 * plain-JSON files are read through ner-contract, the same code the trainer writes them with. {@code features} is
 * present when the model takes per-word features ({@link WordFeatures}, config.json {@code "word_features"}; the
 * lexical-class table ships in the folder, so no dictionary is needed at run time).
 */
public record ModelFolder(Path dir, Path tokenizerJson, TagSet tagSet, int maxSequenceLength, double temperature,
        ModelInfo info, int clsId, int sepId, int padId, Optional<WordFeatures> features) {

    public static ModelFolder open(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("NER model folder not found: " + dir + " (kg.ner.model-path)");
        }
        require(dir.resolve(ModelFolderFiles.SAVED_MODEL), false);
        require(dir.resolve(ModelFolderFiles.VARIABLES), true);
        TagSet tags = TagSet.read(dir);
        ModelFolderFiles.ModelConfig config = ModelFolderFiles.config(dir);
        Path tokenizer = dir.resolve(ModelFolderFiles.TOKENIZER);
        if (!Files.isRegularFile(tokenizer)) {
            Path vocab = dir.resolve(ModelFolderFiles.VOCAB);
            require(vocab, false);
            tokenizer = seedTokenizer(vocab);
        }
        Map<String, Integer> vocab = vocabulary(tokenizer);
        ModelInfo info = info(dir);
        return new ModelFolder(dir, tokenizer, tags, config.maxSequenceLength(), config.temperature(), info,
                special(vocab, TokenizerJson.CLS, tokenizer), special(vocab, TokenizerJson.SEP, tokenizer),
                special(vocab, TokenizerJson.PAD, tokenizer), WordFeatures.read(dir));
    }

    /** A seed-style folder ships only vocab.txt: write the contract's tokenizer.json for it to a temp file. */
    private static Path seedTokenizer(Path vocabTxt) {
        try {
            List<String> pieces = Files.readAllLines(vocabTxt, StandardCharsets.UTF_8);
            Path dir = Files.createTempDirectory("kg-seed-tokenizer");
            // deleteOnExit deletes in reverse order of registration: the folder first, so it is empty when its turn comes.
            dir.toFile().deleteOnExit();
            Path out = dir.resolve(ModelFolderFiles.TOKENIZER);
            out.toFile().deleteOnExit();
            TokenizerJson.write(pieces, out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot build a tokenizer from " + vocabTxt + ": " + e.getMessage(), e);
        }
    }

    private static ModelInfo info(Path dir) {
        return ModelManifest.read(dir)
                .map(m -> new ModelInfo(m.name(), m.version(), m.minConfidence(), m.minConfidenceByType()))
                .orElseGet(() -> {
                    // A seed-style export has no manifest: identify it by the hash of its graph, so a retrained model differs.
                    try {
                        byte[] digest = MessageDigest.getInstance("SHA-256")
                                .digest(Files.readAllBytes(dir.resolve(ModelFolderFiles.SAVED_MODEL)));
                        return new ModelInfo(dir.getFileName().toString(),
                                "sha256-" + HexFormat.of().formatHex(digest).substring(0, 12));
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot hash " + dir.resolve(ModelFolderFiles.SAVED_MODEL), e);
                    }
                });
    }

    /** How word tags are chosen (manifest {@code "decoding"}); a seed-style folder, or a manifest without it: arg-max. */
    public Decoding decoding() {
        return ModelManifest.read(dir).map(ModelManifest::decoding).orElse(Decoding.ARGMAX);
    }

    /**
     * How an entity's confidence is computed (manifest {@code "confidence"}); a seed-style folder, or a manifest
     * without it: the mean of its words' calibrated probabilities.
     */
    public BioDecoder.Confidence confidence() {
        return ModelManifest.read(dir).map(ModelManifest::confidence).orElse(BioDecoder.Confidence.MEAN);
    }

    static Map<String, Integer> vocabulary(Path tokenizerJson) {
        var vocab = ModelFolderFiles.readJson(tokenizerJson).path("model").path("vocab");
        if (!vocab.isObject() || vocab.isEmpty()) {
            throw new IllegalStateException("tokenizer has no model.vocab: " + tokenizerJson);
        }
        Map<String, Integer> ids = new HashMap<>();
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

    public String[] tags() {
        return tagSet.toArray();
    }

    public List<String> tagList() {
        return tagSet.tags();
    }
}
