package com.kggateway.ner.tokenize;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BertPreTokenizerTest {

    @Test
    void splitsFractionsAndAbbreviationPeriods() {
        assertEquals(List.of("1", "/", "4", "in", "."), BertPreTokenizer.tokens("1/4 in."));
    }

    @Test
    void keepsMicroSignBecauseAccentsAreNotStripped() {
        assertEquals(List.of("0", ".", "22", "µm"), BertPreTokenizer.tokens("0.22 µm"));
    }

    @Test
    void lowerCasesAndSplitsPunctuation() {
        assertEquals(List.of("rnase", "/", "dnase", "-", "free", ",", "safe", "-", "lock"),
                BertPreTokenizer.tokens("RNase/DNase-Free, SAFE-Lock"));
    }

    @Test
    void asciiSymbolsCountAsPunctuationButDegreeSignDoesNot() {
        // HF treats all ASCII punctuation (incl. $ + < = > ^ ` | ~) as punctuation; '°' is a Unicode symbol (So)
        assertEquals(List.of("≥99", ".", "5", "%", "|", "37°c"), BertPreTokenizer.tokens("≥99.5% | 37°C"));
    }

    @Test
    void offsetsPointIntoTheOriginalText() {
        String text = "Tubes, 50\u00a0mL";
        List<BertPreTokenizer.PreToken> tokens = BertPreTokenizer.preTokenize(text);
        assertEquals(4, tokens.size());
        assertEquals("Tubes", text.substring(tokens.get(0).start(), tokens.get(0).end()));
        assertEquals(",", text.substring(tokens.get(1).start(), tokens.get(1).end()));
        assertEquals("mL", text.substring(tokens.get(3).start(), tokens.get(3).end()));
        assertEquals("ml", tokens.get(3).text());
    }

    @Test
    void dropsControlCharacters() {
        assertEquals(List.of("ab", "c"), BertPreTokenizer.tokens("a\u0000b\u200b c"));
    }
}
