package dev.kggateway.ner.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Is this predicted link right?": a logistic regression over {@link SpanFeatures} whose probability replaces an
 * entity's confidence (the temperature-scaled mean of its words' probabilities) when the model folder ships one
 * ({@value #FILE}). The manifest's {@code calibration.minConfidence} then applies to this probability. A folder
 * without the file keeps the mean-probability confidence, as before. The trainer's {@code fit-verifier} command
 * writes the file; the trainer's {@code evaluate} and the gateway read it through this class only.
 *
 * <p>File: {@code {"scheme": "span-features v1", "bias": b, "weights": {"meanLogit": w, ...}, ...}}; features the
 * file does not name weigh 0, a name this scheme lacks is refused (the file was fitted on other features).
 */
public final class SpanVerifier {
    public static final String FILE = "span-verifier.json";

    private final double bias;
    private final double[] weights;
    /** Whether any shape or lexical-class feature has a weight (else they are not computed). */
    private final boolean wordClasses;

    public SpanVerifier(double bias, Map<String, Double> weightsByName) {
        this.bias = bias;
        this.weights = new double[SpanFeatures.NAMES.size()];
        weightsByName.forEach((name, w) -> {
            int i = SpanFeatures.index(name);
            if (i < 0) {
                throw new IllegalArgumentException("span verifier: no feature '" + name + "' in " + SpanFeatures.SCHEME);
            }
            weights[i] = w;
        });
        boolean any = false;
        for (int i = 0; i < weights.length; i++) {
            any |= weights[i] != 0 && SpanFeatures.isWordClass(i);
        }
        this.wordClasses = any;
    }

    /** The folder's verifier, or empty when it has none (seed-style and older folders). */
    public static Optional<SpanVerifier> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode v = ModelFolderFiles.readJson(file);
        String scheme = v.path("scheme").asText("");
        if (!SpanFeatures.SCHEME.equals(scheme)) {
            throw new IllegalStateException(file + ": feature scheme '" + scheme + "', this build reads '"
                    + SpanFeatures.SCHEME + "'");
        }
        if (!v.path("bias").isNumber() || !v.path("weights").isObject()) {
            throw new IllegalStateException(file + ": needs a number 'bias' and an object 'weights'");
        }
        Map<String, Double> w = new LinkedHashMap<>();
        v.path("weights").fields().forEachRemaining(e -> {
            if (!e.getValue().isNumber()) {
                throw new IllegalStateException(file + ": weight of " + e.getKey() + " is not a number");
            }
            w.put(e.getKey(), e.getValue().asDouble());
        });
        try {
            return Optional.of(new SpanVerifier(v.get("bias").asDouble(), w));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the verifier into a model folder.
     *
     * @param about what it was fitted on and how (recorded as is, next to the weights)
     */
    public void write(Path dir, Map<String, Object> about) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scheme", SpanFeatures.SCHEME);
        out.put("model", "logistic regression: P(right) = 1 / (1 + exp(-(bias + sum of weight * feature)))");
        out.putAll(about);
        out.put("bias", bias);
        Map<String, Double> w = new LinkedHashMap<>();
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] != 0) {
                w.put(SpanFeatures.NAMES.get(i), weights[i]);
            }
        }
        out.put("weights", w);
        ModelFolderFiles.writeJson(dir.resolve(FILE), out);
    }

    /** P(right) of one feature vector ({@link SpanFeatures#of}). */
    public double probability(double[] features) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * features[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The entities with the verifier's probability as their confidence. */
    public List<Entity> rescore(SpanFeatures.Tagged tagged, List<Entity> entities, LexicalClassTable lexicalClasses) {
        List<double[]> x = SpanFeatures.of(tagged, entities, lexicalClasses, wordClasses);
        List<Entity> out = new ArrayList<>(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            out.add(new Entity(e.type(), e.firstWord(), e.endWord(), e.start(), e.end(), e.value(),
                    probability(x.get(i))));
        }
        return out;
    }
}
