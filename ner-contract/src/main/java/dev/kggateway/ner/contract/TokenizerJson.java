package dev.kggateway.ner.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The one definition of the tokenizer both sides run: a HuggingFace {@code tokenizer.json} (schema 1.0) for BERT
 * normalisation, BERT pre-tokenisation and greedy WordPiece. The trainer writes it next to {@code vocab.txt} and
 * tokenises with its Java port of the same pipeline; the gateway gives it to DJL's HuggingFaceTokenizer, and
 * builds it from {@code vocab.txt} for seed-style folders that ship none.
 */
public final class TokenizerJson {
    public static final String PAD = "[PAD]";
    public static final String UNK = "[UNK]";
    public static final String CLS = "[CLS]";
    public static final String SEP = "[SEP]";
    public static final String MASK = "[MASK]";
    public static final List<String> SPECIALS = List.of(PAD, UNK, CLS, SEP, MASK);
    public static final String CONTINUATION = "##";
    public static final int MAX_INPUT_CHARS_PER_WORD = 100;

    /** BertNormalizer settings. */
    public static final boolean CLEAN_TEXT = true;
    public static final boolean HANDLE_CHINESE_CHARS = true;
    public static final boolean LOWERCASE = true;
    /**
     * Explicitly false: null would mean "strip when lower-casing", decomposing "µ" and "é" and dropping their
     * marks, so "0.22 µm" would lose its unit sign. The trainer's Java port keeps accents too.
     */
    public static final boolean STRIP_ACCENTS = false;

    private TokenizerJson() {
    }

    /** @param pieces vocabulary, line number = id; blank and duplicate lines keep the first id (seed vocabularies) */
    public static ObjectNode toJson(List<String> pieces) {
        return toJson(pieces, STRIP_ACCENTS);
    }

    /**
     * @param stripAccents the normaliser's {@code strip_accents}: {@link #STRIP_ACCENTS} (false) for vocabularies
     *     built by the trainer; true for a pre-trained uncased vocabulary (bert-base-uncased's, whose pieces were
     *     learned from accent-stripped text), written explicitly rather than as null
     */
    public static ObjectNode toJson(List<String> pieces, boolean stripAccents) {
        ObjectNode root = ModelFolderFiles.JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ObjectNode vocab = ModelFolderFiles.JSON.createObjectNode();
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i).strip();
            if (!piece.isEmpty() && !vocab.has(piece)) {
                vocab.put(piece, i);
            }
        }
        ArrayNode added = root.putArray("added_tokens");
        for (String special : SPECIALS) {
            if (!vocab.has(special)) {
                continue;
            }
            ObjectNode t = added.addObject();
            t.put("id", vocab.get(special).asInt());
            t.put("content", special);
            t.put("single_word", false);
            t.put("lstrip", false);
            t.put("rstrip", false);
            t.put("normalized", false);
            t.put("special", true);
        }
        ObjectNode normalizer = root.putObject("normalizer");
        normalizer.put("type", "BertNormalizer");
        normalizer.put("clean_text", CLEAN_TEXT);
        normalizer.put("handle_chinese_chars", HANDLE_CHINESE_CHARS);
        normalizer.put("strip_accents", stripAccents);
        normalizer.put("lowercase", LOWERCASE);
        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
        if (vocab.has(CLS) && vocab.has(SEP)) {
            ObjectNode post = root.putObject("post_processor");
            post.put("type", "TemplateProcessing");
            ArrayNode single = post.putArray("single");
            single.addObject().putObject("SpecialToken").put("id", CLS).put("type_id", 0);
            single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
            single.addObject().putObject("SpecialToken").put("id", SEP).put("type_id", 0);
            ArrayNode pair = post.putArray("pair");
            pair.addObject().putObject("SpecialToken").put("id", CLS).put("type_id", 0);
            pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
            pair.addObject().putObject("SpecialToken").put("id", SEP).put("type_id", 0);
            pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 1);
            pair.addObject().putObject("SpecialToken").put("id", SEP).put("type_id", 1);
            ObjectNode specialTokens = post.putObject("special_tokens");
            for (String s : new String[] {CLS, SEP}) {
                ObjectNode st = specialTokens.putObject(s);
                st.put("id", s);
                st.putArray("ids").add(vocab.get(s).asInt());
                st.putArray("tokens").add(s);
            }
        } else {
            root.putNull("post_processor");
        }
        ObjectNode decoder = root.putObject("decoder");
        decoder.put("type", "WordPiece");
        decoder.put("prefix", CONTINUATION);
        decoder.put("cleanup", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "WordPiece");
        model.put("unk_token", UNK);
        model.put("continuing_subword_prefix", CONTINUATION);
        model.put("max_input_chars_per_word", MAX_INPUT_CHARS_PER_WORD);
        model.set("vocab", vocab);
        return root;
    }

    public static void write(List<String> pieces, Path file) throws IOException {
        ModelFolderFiles.writeJson(file, toJson(pieces));
    }

    public static void write(List<String> pieces, boolean stripAccents, Path file) throws IOException {
        ModelFolderFiles.writeJson(file, toJson(pieces, stripAccents));
    }

    /**
     * The normaliser's accent stripping as HF reads a tokenizer.json: {@code strip_accents}, where null (or absent)
     * means "as {@code lowercase}". False when the file has no BertNormalizer.
     */
    public static boolean stripsAccents(JsonNode tokenizerJson) {
        var normalizer = tokenizerJson.path("normalizer");
        if (!"BertNormalizer".equals(normalizer.path("type").asText())) {
            return false;
        }
        var strip = normalizer.path("strip_accents");
        return strip.isBoolean() ? strip.asBoolean() : normalizer.path("lowercase").asBoolean(true);
    }
}
