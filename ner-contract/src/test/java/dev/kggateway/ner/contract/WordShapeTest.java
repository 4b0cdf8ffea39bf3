package dev.kggateway.ner.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WordShapeTest {

    private static void shape(WordShape expected, String... words) {
        for (String w : words) {
            assertEquals(expected, WordShape.of(w), w);
        }
    }

    @Test
    void numbersAndMeasures() {
        shape(WordShape.NUMBER, "500", "0.22", "1,000", "(500", "12,", "-20");
        shape(WordShape.NUMBER_UNIT, "10mm", "500mL", "0.2µm", "25°C", "4X", "75cm2", "(50ml)");
        shape(WordShape.FRACTION, "1/4", "1-1/2", "3/8\"");
        shape(WordShape.RANGE, "10-12", "2.5–3.0", "20x30");
        shape(WordShape.PERCENT, "99.9%", "≥98%", "10-12%", "(70%)");
        shape(WordShape.NUMBER_MARK, "0.010\"", "12'", "6\",");
    }

    @Test
    void letterWords() {
        shape(WordShape.LOWER, "valve,", "in.", "tubes", "(sterile)");
        shape(WordShape.TITLE, "Potassium", "Nalgene™", "Corning®", "Grade.", "Viton(R)");
        shape(WordShape.UPPER, "PTFE", "ACS", "PK", "U.S.P.");
        shape(WordShape.MIXED_CASE, "iPhone", "McMaster", "pH");
        shape(WordShape.JOINED, "single-use", "Luer-Slip", "w/o", "Non-Sterile");
        shape(WordShape.CODE, "PMC-12", "A1234", "ISO9001", "CAT#12-345");
    }

    @Test
    void punctuationOnly() {
        shape(WordShape.PUNCTUATION, "-", ",", "™", "&", "(", "…");
    }

    @Test
    void idsCombineClassAndShapeAndRoundTrip() {
        for (LexicalClass c : LexicalClass.values()) {
            for (WordShape s : WordShape.values()) {
                int id = WordFeatures.id(c, s);
                assertEquals(c, WordFeatures.lexicalClassOf(id));
                assertEquals(s, WordFeatures.shapeOf(id));
                assertEquals(true, id >= 0 && id < WordFeatures.COUNT);
            }
        }
        assertEquals(WordFeatures.PAD_ID, WordFeatures.id(LexicalClass.PAD, WordShape.PAD));
    }
}
