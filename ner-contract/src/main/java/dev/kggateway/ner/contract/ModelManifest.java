package dev.kggateway.ner.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * manifest.json: the model's identity and, once chosen, its calibration record
 * ({@code "calibration": {"temperature", "temperatureFittedOn", "minConfidence", "chosenOn", "precisionAtMin",
 * "recallAtMin"}}). The temperature inference applies is the one in config.json; the manifest copy documents it.
 */
public record ModelManifest(String name, String version, Optional<CalibrationRecord> calibration) {

    /** Where the temperature and the recommended minimum confidence came from. */
    public record CalibrationRecord(double temperature, String temperatureFittedOn, Double minConfidence,
            String chosenOn, Double precisionAtMin, Double recallAtMin) {

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
            if (min != null && !(min >= 0 && min <= 1)) {
                throw new IllegalStateException("calibration.minConfidence must be in [0, 1] in " + file + ": " + min);
            }
            calibration = Optional.of(new CalibrationRecord(c.path("temperature").asDouble(1.0),
                    c.path("temperatureFittedOn").asText(null), min, c.path("chosenOn").asText(null),
                    c.hasNonNull("precisionAtMin") ? c.get("precisionAtMin").asDouble() : null,
                    c.hasNonNull("recallAtMin") ? c.get("recallAtMin").asDouble() : null));
        }
        return Optional.of(new ModelManifest(m.path("name").asText("kg-ner"), m.path("version").asText("unversioned"),
                calibration));
    }

    public Optional<Double> minConfidence() {
        return calibration.flatMap(CalibrationRecord::recommendedMinConfidence);
    }

    /** Merges {@code fields} into manifest.json's {@code "calibration"} object (creating both if needed). */
    public static void updateCalibration(Path dir, java.util.Map<String, Object> fields) throws IOException {
        Path file = dir.resolve(ModelFolderFiles.MANIFEST);
        ObjectNode m = Files.isRegularFile(file) ? (ObjectNode) ModelFolderFiles.readJson(file)
                : ModelFolderFiles.json().createObjectNode();
        ObjectNode c = m.has("calibration") && m.get("calibration").isObject() ? (ObjectNode) m.get("calibration")
                : m.putObject("calibration");
        fields.forEach((k, v) -> c.set(k, ModelFolderFiles.json().valueToTree(v)));
        ModelFolderFiles.writeJson(file, m);
    }
}
