package dev.kggateway.ner;

import java.util.Optional;

/**
 * Identity of a loaded model, recorded on every link it produced, and the minimum confidence its manifest
 * recommends (chosen on the dev set when the model was shipped; empty for folders without one).
 */
public record ModelInfo(String name, String version, Optional<Double> minConfidence) {

    public ModelInfo {
        minConfidence = minConfidence == null ? Optional.empty() : minConfidence;
    }

    public ModelInfo(String name, String version) {
        this(name, version, Optional.empty());
    }

    /** The value stored as {@code kg:modelVersion}: {@code name@version}. */
    public String tag() {
        return name + "@" + version;
    }
}
