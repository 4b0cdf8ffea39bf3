package dev.kggateway.ner.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Per-word features a model may take beside its word pieces: the word's {@link LexicalClass} and {@link WordShape},
 * as one id {@code lexicalClass.ordinal() * WordShape count + shape.ordinal()} fed in the int32 input
 * {@value #INPUT} ([batch, seq]). Every piece of a word carries the word's id; [CLS], [SEP] and padding carry
 * {@link #PAD_ID}. A model takes features only if its config.json has a {@code "word_features"} object
 * (MODEL_CONTRACT.md); older and seed-style folders have none and are fed the three BERT inputs only.
 */
public final class WordFeatures {
    public static final String INPUT = "input_feature_ids";
    public static final String CONFIG_KEY = "word_features";
    public static final String SCHEME = "lexical-class x word-shape, v1";
    public static final int PAD_ID = 0;
    public static final int SHAPES = WordShape.values().length;
    /** Number of distinct ids (the model's feature vocabulary). */
    public static final int COUNT = LexicalClass.values().length * SHAPES;

    private final LexicalClassTable table;

    public WordFeatures(LexicalClassTable table) {
        this.table = table;
    }

    public LexicalClassTable table() {
        return table;
    }

    public static int id(LexicalClass lexicalClass, WordShape shape) {
        return lexicalClass.ordinal() * SHAPES + shape.ordinal();
    }

    public static LexicalClass lexicalClassOf(int id) {
        return LexicalClass.values()[id / SHAPES];
    }

    public static WordShape shapeOf(int id) {
        return WordShape.values()[id % SHAPES];
    }

    /** The feature id of one whitespace word. */
    public int id(String word) {
        return id(table.classOf(word), WordShape.of(word));
    }

    /** The feature ids of a text's words. */
    public int[] ids(List<String> words) {
        int[] out = new int[words.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = id(words.get(i));
        }
        return out;
    }

    /** The config.json entry describing this scheme; the table itself goes to {@link LexicalClassTable#FILE}. */
    public static ObjectNode configEntry() {
        ObjectNode o = ModelFolderFiles.json().createObjectNode();
        o.put("scheme", SCHEME);
        o.put("input", INPUT);
        o.put("table", LexicalClassTable.FILE);
        ArrayNode classes = o.putArray("lexical_classes");
        Arrays.stream(LexicalClass.values()).forEach(c -> classes.add(c.name()));
        ArrayNode shapes = o.putArray("word_shapes");
        Arrays.stream(WordShape.values()).forEach(s -> shapes.add(s.name()));
        return o;
    }

    /**
     * The folder's feature scheme, or empty when its config.json has no {@code "word_features"} (the model takes
     * word pieces only). A folder whose class or shape lists differ from this code's is refused: its ids would mean
     * other things.
     */
    public static Optional<WordFeatures> read(Path dir) {
        Path config = dir.resolve(ModelFolderFiles.CONFIG);
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        JsonNode f = ModelFolderFiles.readJson(config).path(CONFIG_KEY);
        if (f.isMissingNode() || f.isNull()) {
            return Optional.empty();
        }
        List<String> classes = names(f.path("lexical_classes"));
        List<String> shapes = names(f.path("word_shapes"));
        List<String> expectedClasses = Arrays.stream(LexicalClass.values()).map(Enum::name).toList();
        List<String> expectedShapes = Arrays.stream(WordShape.values()).map(Enum::name).toList();
        if (!classes.equals(expectedClasses) || !shapes.equals(expectedShapes)) {
            throw new IllegalStateException(config + ": word_features lists " + classes + " / " + shapes
                    + " differ from this build's " + expectedClasses + " / " + expectedShapes);
        }
        Path table = dir.resolve(f.path("table").asText(LexicalClassTable.FILE));
        if (!Files.isRegularFile(table)) {
            throw new IllegalStateException("NER model file missing: " + table + " (config.json word_features.table)");
        }
        return Optional.of(new WordFeatures(LexicalClassTable.read(table)));
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
