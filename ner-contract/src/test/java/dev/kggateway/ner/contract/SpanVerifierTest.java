package dev.kggateway.ner.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpanVerifierTest {
    private static final TagSet TAGS = TagSet.standard();
    private static final String TEXT = "Sodium Chloride, white 500 g";

    /** One probability vector: {@code p} on {@code tag}, the rest spread evenly over the other tags. */
    private static float[] word(String tag, double p, String second, double q) {
        float[] v = new float[TAGS.size()];
        double rest = (1 - p - q) / (TAGS.size() - 2);
        java.util.Arrays.fill(v, (float) rest);
        v[TAGS.id(tag)] = (float) p;
        v[TAGS.id(second)] = (float) q;
        return v;
    }

    /** "Sodium Chloride," product (0.9, 0.8), "white" colour (0.6), "500 g" size (0.99, 0.7, then I-size 0.2). */
    private static float[][] probs() {
        return new float[][] {word("B-product", 0.9, "O", 0.05), word("I-product", 0.8, "O", 0.1),
            word("B-color", 0.6, "B-material", 0.3), word("B-size", 0.99, "O", 0.005),
            word("I-size", 0.7, "O", 0.2)};
    }

    private static List<Entity> entities(SpanVerifier verifier, LexicalClassTable table) {
        return Predictions.entities(TEXT, Words.split(TEXT), probs(), TAGS, 1.0, verifier, table);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void knownWeightsGiveAKnownProbability() {
        SpanVerifier v = new SpanVerifier(-1.0, Map.of("length2", 0.5, "type=product", 2.0, "meanLogit", 0.25,
                "shape=TITLE", 1.0, "afterSeparator", 3.0));
        List<Entity> e = entities(v, null);
        assertEquals(List.of("product", "color", "size"), e.stream().map(Entity::type).toList());
        double meanLogit = Math.log(0.85 / 0.15);
        assertEquals(sigmoid(-1.0 + 0.5 + 2.0 + 0.25 * meanLogit + 1.0), e.get(0).confidence(), 1e-6);
        // colour: one word after "Chloride," (a field separator), TITLE-free ("white" is LOWER)
        assertEquals(sigmoid(-1.0 + 3.0 + 0.25 * Math.log(0.6 / 0.4)), e.get(1).confidence(), 1e-6);
        assertEquals(sigmoid(-1.0 + 0.5 + 0.25 * Math.log(0.845 / 0.155)), e.get(2).confidence(), 1e-6);
        // values and offsets are the decoder's, only the confidence changes
        assertEquals(Predictions.entities(TEXT, Words.split(TEXT), probs(), TAGS, 1.0).stream().map(Entity::value).toList(),
                e.stream().map(Entity::value).toList());
    }

    @Test
    void featuresOfOneSpan() {
        List<Words.Word> words = Words.split(TEXT);
        List<Entity> entities = Predictions.entities(TEXT, words, probs(), TAGS, 1.0);
        List<String> tags = Predictions.tags(probs(), TAGS, 1.0).tags();
        LexicalClassTable table = new LexicalClassTable(Map.of("white", LexicalClass.COLOR, "chloride",
                LexicalClass.CHEMICAL));
        List<double[]> x = SpanFeatures.of(new SpanFeatures.Tagged(TEXT, words, probs(), TAGS, 1.0, tags), entities, table);
        double[] product = x.get(0);
        double[] color = x.get(1);
        double[] size = x.get(2);
        assertEquals(SpanFeatures.logit(0.85), product[SpanFeatures.index("meanLogit")], 1e-6);
        assertEquals(SpanFeatures.logit(0.8), product[SpanFeatures.index("minLogit")], 1e-6);
        assertEquals(SpanFeatures.logit(0.9), product[SpanFeatures.index("firstLogit")], 1e-6);
        assertEquals(Math.log(0.9 / 0.05), product[SpanFeatures.index("firstMargin")], 1e-5);
        assertEquals(0.1, product[SpanFeatures.index("maxOutside")], 1e-6);
        assertEquals(1, product[SpanFeatures.index("atStart")]);
        assertEquals(1, product[SpanFeatures.index("length2")]);
        assertEquals(1, product[SpanFeatures.index("endsWithSeparator")], "\"Chloride,\" closes a field");
        assertEquals(0.5, product[SpanFeatures.index("class=CHEMICAL")], 1e-12);
        assertEquals(0.5, product[SpanFeatures.index("class=UNKNOWN")], 1e-12);
        assertEquals(1.0, product[SpanFeatures.index("shape=TITLE")], 1e-12);
        assertEquals(1, product[SpanFeatures.index("type=product")]);
        assertEquals(product[SpanFeatures.index("meanLogit")], product[SpanFeatures.index("meanLogit*type=product")]);
        assertEquals(Math.log(2), color[SpanFeatures.index("firstMargin")], 1e-5);
        assertEquals(1, color[SpanFeatures.index("afterSeparator")]);
        assertEquals(1, color[SpanFeatures.index("class=COLOR")], 1e-12);
        assertEquals(0.5, color[SpanFeatures.index("relativePosition")], 1e-12);
        assertEquals(1, size[SpanFeatures.index("atEnd")]);
        assertEquals(1, size[SpanFeatures.index("hasDigit")]);
        assertEquals(0, size[SpanFeatures.index("nextContinues")], "nothing after the last word");
        assertEquals(0, size[SpanFeatures.index("startsWithI")]);
        assertEquals(0, product[SpanFeatures.index("otherTypeSameValue")]);
        assertEquals(SpanFeatures.NAMES.size(), product.length);
    }

    @Test
    void sameValueWithAnotherTypeAndBoundaryHesitation() {
        String text = "steel steel";
        float[][] p = {word("B-material", 0.7, "I-material", 0.2), word("B-product", 0.8, "I-material", 0.15)};
        List<Words.Word> words = Words.split(text);
        List<Entity> e = Predictions.entities(text, words, p, TAGS, 1.0);
        List<double[]> x = SpanFeatures.of(new SpanFeatures.Tagged(text, words, p, TAGS, 1.0,
                Predictions.tags(p, TAGS, 1.0).tags()), e, null);
        assertEquals(1, x.get(0)[SpanFeatures.index("otherTypeSameValue")]);
        assertEquals(1, x.get(1)[SpanFeatures.index("otherTypeSameValue")]);
        assertEquals(0.15, x.get(0)[SpanFeatures.index("nextContinues")], 1e-6, "next word could be I-material");
        assertEquals(1, x.get(0)[SpanFeatures.index("class=UNKNOWN")], 1e-12, "no table: every word UNKNOWN");
    }

    @Test
    void writtenFileReadsBackToTheSameProbabilities(@TempDir Path dir) throws Exception {
        SpanVerifier v = new SpanVerifier(0.3, Map.of("meanLogit", 0.7, "nextContinues", -2.0, "type=size", -0.4));
        v.write(dir, Map.of("fittedOn", "test"));
        SpanVerifier back = SpanVerifier.read(dir).orElseThrow();
        List<Entity> a = entities(v, null);
        List<Entity> b = entities(back, null);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).confidence(), b.get(i).confidence(), 1e-12);
        }
        // no shape or class weight: those features are not computed, and the probabilities are those of all features
        List<Words.Word> words = Words.split(TEXT);
        List<Entity> plain = Predictions.entities(TEXT, words, probs(), TAGS, 1.0);
        List<double[]> all = SpanFeatures.of(new SpanFeatures.Tagged(TEXT, words, probs(), TAGS, 1.0,
                Predictions.tags(probs(), TAGS, 1.0).tags()), plain, null, true);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(v.probability(all.get(i)), a.get(i).confidence(), 1e-12);
        }
        String json = Files.readString(dir.resolve(SpanVerifier.FILE));
        assertTrue(json.contains(SpanFeatures.SCHEME) && json.contains("\"fittedOn\" : \"test\""), json);
    }

    @Test
    void aFolderWithoutTheFileKeepsTheMeanProbability(@TempDir Path dir) {
        assertTrue(SpanVerifier.read(dir).isEmpty());
        List<Entity> e = entities(SpanVerifier.read(dir).orElse(null), null);
        assertEquals(List.of(0.85, 0.6, 0.845), e.stream().map(x -> Math.round(x.confidence() * 1e6) / 1e6).toList());
        assertEquals(Predictions.entities(TEXT, Words.split(TEXT), probs(), TAGS, 1.0), e);
    }

    @Test
    void aFileForAnotherSchemeOrFeatureIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(SpanVerifier.FILE), "{\"scheme\": \"span-features v0\", \"bias\": 0, \"weights\": {}}");
        assertThrows(IllegalStateException.class, () -> SpanVerifier.read(dir));
        Files.writeString(dir.resolve(SpanVerifier.FILE), "{\"scheme\": \"" + SpanFeatures.SCHEME
                + "\", \"bias\": 0, \"weights\": {\"colourOfTheSky\": 1}}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SpanVerifier.read(dir));
        assertTrue(e.getMessage().contains("colourOfTheSky"), e.getMessage());
        Files.writeString(dir.resolve(SpanVerifier.FILE), "{\"scheme\": \"" + SpanFeatures.SCHEME
                + "\", \"weights\": {}}");
        assertThrows(IllegalStateException.class, () -> SpanVerifier.read(dir));
    }
}
