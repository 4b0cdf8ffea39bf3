package dev.kggateway.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BioDecoderTest {

    static final String[] TAGS = { "O", "B-material", "I-material", "B-size", "I-size", "B-product", "I-product" };

    @Test
    void spansUseOriginalTextNormalisedAndMeanConfidence() {
        String text = "Tubes,  Borosilicate   GLASS, 0.22 µm";
        // words: Tubes | , | Borosilicate | GLASS | , | 0 | . | 22 | µm
        int[] start = { 0, 5, 8, 23, 28, 30, 31, 32, 35 };
        int[] end = { 5, 6, 20, 28, 29, 31, 32, 34, 37 };
        int[] tag = { 5, 0, 1, 2, 0, 3, 4, 4, 4 };
        double[] prob = { 0.9, 0.99, 0.8, 0.6, 0.99, 1.0, 1.0, 0.5, 0.5 };
        List<ExtractedProperty> found = BioDecoder.decode(text, start, end, tag, prob, TAGS);
        assertEquals(List.of("product=tubes", "material=borosilicate glass", "size=0.22 µm"),
                found.stream().map(p -> p.type() + "=" + p.value()).toList());
        assertEquals(0.7, found.get(1).confidence(), 1e-12);
        assertEquals(0.75, found.get(2).confidence(), 1e-12);
        assertEquals(8, found.get(1).start());
        assertEquals(28, found.get(1).end());
    }

    @Test
    void strayInsideTagStartsAnEntityAndTypeChangeSplits() {
        String text = "a b c d";
        int[] start = { 0, 2, 4, 6 };
        int[] end = { 1, 3, 5, 7 };
        int[] tag = { 2, 2, 4, 0 }; // I-material I-material I-size O
        List<ExtractedProperty> found = BioDecoder.decode(text, start, end, tag, new double[] { 1, 1, 1, 1 }, TAGS);
        assertEquals(List.of("material=a b", "size=c"), found.stream().map(p -> p.type() + "=" + p.value()).toList());
    }

    @Test
    void duplicatesMergeKeepingTheHighestConfidence() {
        String text = "steel x Steel";
        int[] start = { 0, 6, 8 };
        int[] end = { 5, 7, 13 };
        int[] tag = { 1, 0, 1 };
        List<ExtractedProperty> found = BioDecoder.decode(text, start, end, tag, new double[] { 0.6, 1, 0.9 }, TAGS);
        assertEquals(1, found.size());
        assertEquals(0.9, found.get(0).confidence(), 1e-12);
    }
}
