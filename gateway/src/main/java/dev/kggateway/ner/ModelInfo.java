package dev.kggateway.ner;

import java.util.Map;
import java.util.Optional;

/**
 * Identity of a loaded model, recorded on every link it produced, and the minimum confidence its manifest
 * recommends: one for every type ({@code minConfidence}) and, where the manifest chose them, one per type
 * ({@code minConfidenceByType}, chosen on a calibration split; empty for folders without them).
 */
public record ModelInfo(String name, String version, Optional<Double> minConfidence,
        Map<String, Double> minConfidenceByType) {

    public ModelInfo {
        minConfidence = minConfidence == null ? Optional.empty() : minConfidence;
        minConfidenceByType = minConfidenceByType == null ? Map.of() : Map.copyOf(minConfidenceByType);
    }

    public ModelInfo(String name, String version, Optional<Double> minConfidence) {
        this(name, version, minConfidence, Map.of());
    }

    public ModelInfo(String name, String version) {
        this(name, version, Optional.empty());
    }

    /** The value stored as {@code kg:modelVersion}: {@code name@version}. */
    public String tag() {
        return name + "@" + version;
    }
}
