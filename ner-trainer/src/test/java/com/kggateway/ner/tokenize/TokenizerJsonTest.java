package com.kggateway.ner.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kggateway.ner.contract.TokenizerJson;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract's tokenizer.json describes the pipeline this trainer's Java tokenizer runs. */
class TokenizerJsonTest {

    @Test
    void describesTheJavaPipelineInHfSchema() {
        List<String> pieces = new ArrayList<>(Vocab.SPECIALS);
        pieces.addAll(List.of("tube", "##s", "µm"));
        Vocab vocab = new Vocab(pieces);
        JsonNode json = TokenizerJson.toJson(vocab.pieces());
        assertTrue(json.get("truncation").isNull());
        assertTrue(json.get("padding").isNull());
        assertEquals(5, json.get("added_tokens").size());
        assertEquals("[PAD]", json.get("added_tokens").get(0).get("content").asText());
        assertEquals(0, json.get("added_tokens").get(0).get("id").asInt());
        assertEquals("BertNormalizer", json.get("normalizer").get("type").asText());
        assertTrue(json.get("normalizer").get("lowercase").asBoolean());
        assertFalse(json.get("normalizer").get("strip_accents").asBoolean());
        assertEquals("BertPreTokenizer", json.get("pre_tokenizer").get("type").asText());
        assertEquals("WordPiece", json.get("model").get("type").asText());
        assertEquals(WordPiece.CONTINUATION, json.get("model").get("continuing_subword_prefix").asText());
        assertEquals(WordPiece.MAX_INPUT_CHARS_PER_WORD, json.get("model").get("max_input_chars_per_word").asInt());
        assertEquals("[UNK]", json.get("model").get("unk_token").asText());
        assertEquals(7, json.get("model").get("vocab").get("µm").asInt());
        assertEquals(vocab.size(), json.get("model").get("vocab").size());
        assertEquals(2, json.get("post_processor").get("special_tokens").get("[CLS]").get("ids").get(0).asInt());
    }
}
