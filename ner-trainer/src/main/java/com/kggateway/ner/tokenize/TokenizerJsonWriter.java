package com.kggateway.ner.tokenize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a HuggingFace tokenizers "tokenizer.json" (schema version 1.0) describing exactly the pipeline that
 * {@link BertPreTokenizer} + {@link WordPiece} implement, so DJL's HuggingFaceTokenizer reproduces our ids.
 */
public final class TokenizerJsonWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TokenizerJsonWriter() { }

    public static ObjectNode toJson(Vocab vocab) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");

        ArrayNode added = root.putArray("added_tokens");
        for (String special : Vocab.SPECIALS) {
            ObjectNode t = added.addObject();
            t.put("id", vocab.id(special));
            t.put("content", special);
            t.put("single_word", false);
            t.put("lstrip", false);
            t.put("rstrip", false);
            t.put("normalized", false);
            t.put("special", true);
        }

        ObjectNode normalizer = root.putObject("normalizer");
        normalizer.put("type", "BertNormalizer");
        normalizer.put("clean_text", true);
        normalizer.put("handle_chinese_chars", true);
        // explicit false: null would mean "strip when lowercasing" and would turn "µ" into "μ"-less text
        normalizer.put("strip_accents", false);
        normalizer.put("lowercase", true);

        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");

        ObjectNode post = root.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        single.addObject().putObject("SpecialToken").put("id", Vocab.CLS).put("type_id", 0);
        single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        single.addObject().putObject("SpecialToken").put("id", Vocab.SEP).put("type_id", 0);
        ArrayNode pair = post.putArray("pair");
        pair.addObject().putObject("SpecialToken").put("id", Vocab.CLS).put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        pair.addObject().putObject("SpecialToken").put("id", Vocab.SEP).put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 1);
        pair.addObject().putObject("SpecialToken").put("id", Vocab.SEP).put("type_id", 1);
        ObjectNode specialTokens = post.putObject("special_tokens");
        for (String s : new String[] {Vocab.CLS, Vocab.SEP}) {
            ObjectNode st = specialTokens.putObject(s);
            st.put("id", s);
            st.putArray("ids").add(vocab.id(s));
            st.putArray("tokens").add(s);
        }

        ObjectNode decoder = root.putObject("decoder");
        decoder.put("type", "WordPiece");
        decoder.put("prefix", WordPiece.CONTINUATION);
        decoder.put("cleanup", true);

        ObjectNode model = root.putObject("model");
        model.put("type", "WordPiece");
        model.put("unk_token", Vocab.UNK);
        model.put("continuing_subword_prefix", WordPiece.CONTINUATION);
        model.put("max_input_chars_per_word", WordPiece.MAX_INPUT_CHARS_PER_WORD);
        ObjectNode v = model.putObject("vocab");
        for (int i = 0; i < vocab.size(); i++) {
            v.put(vocab.piece(i), i);
        }
        return root;
    }

    public static void write(Vocab vocab, Path file) throws IOException {
        JSON.writeValue(file.toFile(), toJson(vocab));
    }
}
