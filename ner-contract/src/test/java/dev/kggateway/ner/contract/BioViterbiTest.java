package dev.kggateway.ner.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BioViterbiTest {
    static final TagSet TAGS = TagSet.standard();

    /** One probability row over the standard tags: the named tags get their value, the rest share what is left. */
    static float[] row(Map<String, Double> named) {
        float[] p = new float[TAGS.size()];
        double rest = 1 - named.values().stream().mapToDouble(Double::doubleValue).sum();
        for (int t = 0; t < p.length; t++) {
            p[t] = (float) (double) named.getOrDefault(TAGS.tag(t), rest / (p.length - named.size()));
        }
        return p;
    }

    static List<String> summary(List<Entity> entities) { // values are the normalised (lower-case) property values
        return entities.stream().map(e -> e.type() + ":" + e.value() + String.format(":%.3f", e.confidence())).toList();
    }

    @Test
    void aKnownTableGivesKnownEntities() {
        String text = "500 mL amber glass bottles";
        List<Words.Word> words = Words.split(text);
        float[][] p = {
                row(Map.of("B-size", 0.45, "O", 0.50)), // arg-max O ...
                row(Map.of("I-size", 0.80, "O", 0.15)), // ... then I-size: lenient IOB2 makes "mL" a size alone
                row(Map.of("B-color", 0.60, "B-product", 0.30)),
                row(Map.of("I-product", 0.50, "B-product", 0.35)), // I-product after B-color is not a valid path
                row(Map.of("I-product", 0.90))};
        assertEquals(List.of("size:ml:0.800", "color:amber:0.600", "product:glass bottles:0.700"),
                summary(Predictions.entities(text, words, p, TAGS, 1.0)), "arg-max, lenient IOB2 (today)");
        // Viterbi: B-size I-size (.45 × .80) beats O I-size (invalid) and O O (.50 × .15);
        // B-color B-product I-product (.6 × .35 × .9 = .189) beats B-product I-product I-product (.3 × .5 × .9 = .135)
        assertEquals(List.of("size:500 ml:0.625", "color:amber:0.600", "product:glass bottles:0.625"),
                summary(Predictions.entities(text, words, p, TAGS, 1.0, Decoding.VITERBI, null, null)));
        assertEquals(List.of("B-size", "I-size", "B-color", "B-product", "I-product"),
                Predictions.tags(p, TAGS, 1.0, Decoding.VITERBI).tags());
    }

    @Test
    void onlyValidPathsAndTheArgmaxWhereItIsValid() {
        Random random = new Random(42);
        for (int n = 0; n < 500; n++) {
            int words = 1 + random.nextInt(8);
            float[][] p = new float[words][];
            for (int w = 0; w < words; w++) {
                if (random.nextInt(10) == 0) {
                    continue; // a word without pieces: outside
                }
                p[w] = new float[TAGS.size()];
                double sum = 0;
                for (int t = 0; t < p[w].length; t++) {
                    // peaked rows, mostly on few tags, so I- tags after other types come up often
                    p[w][t] = (float) Math.pow(random.nextDouble(), 6);
                    sum += p[w][t];
                }
                for (int t = 0; t < p[w].length; t++) {
                    p[w][t] /= sum;
                }
            }
            List<String> tags = Predictions.tags(p, TAGS, 1.3, Decoding.VITERBI).tags();
            for (int w = 0; w < words; w++) {
                String tag = tags.get(w);
                if (p[w] == null) {
                    assertEquals(TagSet.OUTSIDE, tag);
                }
                if (tag.startsWith("I-")) {
                    String type = TagSet.type(tag);
                    assertTrue(w > 0 && (tags.get(w - 1).equals("B-" + type) || tags.get(w - 1).equals(tag)),
                            "invalid path " + tags);
                }
            }
            List<String> argmax = Predictions.tags(p, TAGS, 1.3).tags();
            if (valid(argmax)) {
                assertEquals(argmax, tags, "a valid arg-max path is the best path");
            }
        }
    }

    static boolean valid(List<String> tags) {
        for (int w = 0; w < tags.size(); w++) {
            String tag = tags.get(w);
            if (tag.startsWith("I-") && (w == 0 || !(tags.get(w - 1).equals(tag)
                    || tags.get(w - 1).equals("B-" + TagSet.type(tag))))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void argmaxIsUnchangedWhenViterbiIsOff() {
        float[][] p = {row(Map.of("O", 0.55, "B-size", 0.40)), row(Map.of("I-size", 0.80)), null};
        Predictions.WordTags plain = Predictions.tags(p, TAGS, 1.0);
        Predictions.WordTags argmax = Predictions.tags(p, TAGS, 1.0, Decoding.ARGMAX);
        assertEquals(List.of("O", "I-size", "O"), plain.tags());
        assertEquals(plain.tags(), argmax.tags());
        assertEquals(0.55, plain.probabilities()[0], 1e-6);
        assertEquals(0.80, plain.probabilities()[1], 1e-6);
        assertEquals(1.0, plain.probabilities()[2]);
        assertEquals(plain.probabilities()[1], argmax.probabilities()[1]);
    }

    @Test
    void theManifestNamesTheDecodingAndAFolderWithoutOneGetsArgmax() throws Exception {
        Path dir = Files.createTempDirectory("decoding");
        assertTrue(ModelManifest.read(dir).isEmpty(), "seed-style folder: no manifest, arg-max (Predictions' default)");
        Files.writeString(dir.resolve(ModelFolderFiles.MANIFEST), "{\"name\":\"m\",\"version\":\"1\"}");
        assertEquals(Decoding.ARGMAX, ModelManifest.read(dir).orElseThrow().decoding());
        Files.writeString(dir.resolve(ModelFolderFiles.MANIFEST), "{\"name\":\"m\",\"version\":\"1\",\"decoding\":\"viterbi\"}");
        assertEquals(Decoding.VITERBI, ModelManifest.read(dir).orElseThrow().decoding());
        Files.writeString(dir.resolve(ModelFolderFiles.MANIFEST), "{\"name\":\"m\",\"version\":\"1\",\"decoding\":\"beam\"}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModelManifest.read(dir));
        assertTrue(e.getMessage().contains("beam"), e.getMessage());
    }
}
