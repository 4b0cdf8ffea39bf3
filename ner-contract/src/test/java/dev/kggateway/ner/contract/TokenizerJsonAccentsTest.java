package dev.kggateway.ner.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** strip_accents is written as the vocabulary needs it and read back as HF tokenizers read it (null = lowercase). */
class TokenizerJsonAccentsTest {
    private static final List<String> PIECES = new ArrayList<>(TokenizerJson.SPECIALS);

    @Test
    void writesTheSettingAndReadsItBackAsHfDoes() {
        ObjectNode trained = TokenizerJson.toJson(PIECES);
        assertFalse(trained.path("normalizer").path("strip_accents").asBoolean(true), "trainer vocabularies keep accents");
        assertFalse(TokenizerJson.stripsAccents(trained));
        ObjectNode pretrained = TokenizerJson.toJson(PIECES, true);
        assertTrue(pretrained.path("normalizer").path("strip_accents").asBoolean(false));
        assertTrue(TokenizerJson.stripsAccents(pretrained));

        ObjectNode hfDefault = TokenizerJson.toJson(PIECES);
        ((ObjectNode) hfDefault.get("normalizer")).putNull("strip_accents"); // as MiniLM's own file: follows lowercase
        assertTrue(TokenizerJson.stripsAccents(hfDefault));
        ((ObjectNode) hfDefault.get("normalizer")).put("lowercase", false);
        assertFalse(TokenizerJson.stripsAccents(hfDefault));
        hfDefault.putNull("normalizer");
        assertFalse(TokenizerJson.stripsAccents(hfDefault), "no BertNormalizer, nothing stripped");
    }
}
