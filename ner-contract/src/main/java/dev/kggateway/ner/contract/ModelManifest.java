package dev.kggateway.ner.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * manifest.json: the model's identity and, once chosen, its calibration record
 * ({@code "calibration": {"temperature", "temperatureFittedOn", "minConfidence", "chosenOn", "precisionAtMin",
 * "recallAtMin", "minConfidenceByType": {"brand": 0.93, ...}}}). The temperature inference applies is the one in
 * config.json; the manifest copy documents it. A type listed in {@code minConfidenceByType} uses its own threshold,
 * every other type {@code minConfidence}. {@code "decoding": "viterbi"} (top level) selects the BIO-constrained
 * decoding ({@link Decoding}); without it (and without a manifest) the decoding is {@link Decoding#ARGMAX}.
 * {@code "confidence": "span-marginal"} (top level) makes an entity's confidence its span's posterior marginal
 * ({@link BioSpanMarginal}); without it the confidence is the mean ({@link BioDecoder.Confidence#MEAN}), so every
 * folder written before it behaves as it did.
 */
public record ModelManifest(String name, String version, Optional<CalibrationRecord> calibration, Decoding decoding,
        BioDecoder.Confidence confidence) {

    public ModelManifest(String name, String version, Optional<CalibrationRecord> calibration) {
        this(name, version, calibration, Decoding.ARGMAX);
    }

    public ModelManifest(String name, String version, Optional<CalibrationRecord> calibration, Decoding decoding) {
        this(name, version, calibration, decoding, BioDecoder.Confidence.MEAN);
    }

    /** Where the temperature and the recommended minimum confidence came from. */
    public record CalibrationRecord(double temperature, String temperatureFittedOn, Double minConfidence,
            String chosenOn, Double precisionAtMin, Double recallAtMin, Map<String, Double> minConfidenceByType) {

        public CalibrationRecord {
            minConfidenceByType = minConfidenceByType == null ? Map.of() : Map.copyOf(minConfidenceByType);
        }

        public Optional<Double> recommendedMinConfidence() {
            return Optional.ofNullable(minConfidence);
        }
    }

    /** The folder's manifest, or empty when it has none (seed-style export). */
    public static Optional<ModelManifest> read(Path dir) {
        Path file = dir.resolve(ModelFolderFiles.MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode m = ModelFolderFiles.readJson(file);
        Optional<CalibrationRecord> calibration = Optional.empty();
        JsonNode c = m.path("calibration");
        if (c.isObject()) {
            Double min = c.hasNonNull("minConfidence") ? c.get("minConfidence").asDouble() : null;
            checkRange("calibration.minConfidence", min, file);
            Map<String, Double> byType = new TreeMap<>();
            c.path("minConfidenceByType").fields().forEachRemaining(e -> {
                if (!e.getValue().isNumber()) {
                    throw new IllegalStateException("calibration.minConfidenceByType." + e.getKey()
                            + " must be a number in " + file);
                }
                checkRange("calibration.minConfidenceByType." + e.getKey(), e.getValue().asDouble(), file);
                byType.put(e.getKey(), e.getValue().asDouble());
            });
            calibration = Optional.of(new CalibrationRecord(c.path("temperature").asDouble(1.0),
                    c.path("temperatureFittedOn").asText(null), min, c.path("chosenOn").asText(null),
                    c.hasNonNull("precisionAtMin") ? c.get("precisionAtMin").asDouble() : null,
                    c.hasNonNull("recallAtMin") ? c.get("recallAtMin").asDouble() : null, byType));
        }
        Decoding decoding;
        BioDecoder.Confidence confidence;
        try {
            decoding = m.hasNonNull("decoding") ? Decoding.parse(m.get("decoding").asText()) : Decoding.ARGMAX;
            confidence = m.hasNonNull("confidence") ? BioDecoder.Confidence.parse(m.get("confidence").asText())
                    : BioDecoder.Confidence.MEAN;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " in " + file, e);
        }
        return Optional.of(new ModelManifest(m.path("name").asText("kg-ner"), m.path("version").asText("unversioned"),
                calibration, decoding, confidence));
    }

    private static void checkRange(String field, Double value, Path file) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new IllegalStateException(field + " must be in [0, 1] in " + file + ": " + value);
        }
    }

    public Optional<Double> minConfidence() {
        return calibration.flatMap(CalibrationRecord::recommendedMinConfidence);
    }

    /** Per-type minimum confidences the manifest recommends (empty when it has none). */
    public Map<String, Double> minConfidenceByType() {
        return calibration.map(CalibrationRecord::minConfidenceByType).orElse(Map.of());
    }

    /** Merges {@code fields} into manifest.json's {@code "calibration"} object (creating both if needed). */
    public static void updateCalibration(Path dir, Map<String, Object> fields) throws IOException {
        Path file = dir.resolve(ModelFolderFiles.MANIFEST);
        ObjectNode m = Files.isRegularFile(file) ? (ObjectNode) ModelFolderFiles.readJson(file)
                : ModelFolderFiles.json().createObjectNode();
        ObjectNode c = m.has("calibration") && m.get("calibration").isObject() ? (ObjectNode) m.get("calibration")
                : m.putObject("calibration");
        fields.forEach((k, v) -> c.set(k, ModelFolderFiles.json().valueToTree(v)));
        ModelFolderFiles.writeJson(file, m);
    }
}
