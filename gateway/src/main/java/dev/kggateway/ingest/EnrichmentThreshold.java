package dev.kggateway.ingest;

import dev.kggateway.config.KgConfig;
import dev.kggateway.ner.ModelInfo;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The confidence below which a model link is not written, per entity type: {@code kg.ner.min-confidence-by-type.<type>}
 * when set; else {@code kg.ner.min-confidence} when set (it overrides everything the model recommends); else the
 * threshold the model was calibrated for (its manifest's per-type value, else its global one); else {@link #DEFAULT}.
 */
@ApplicationScoped
public class EnrichmentThreshold {

    /**
     * For a model that brings no calibrated threshold: a link the model is less sure of than not (mean tag
     * probability below one half) is more often wrong than right, and a wrong link becomes a node other products share.
     */
    public static final double DEFAULT = 0.5;

    /**
     * The thresholds in effect: {@code value} for every type not in {@code byType}, where {@code value} came from
     * ({@code config}, {@code model}, {@code default} or {@code gateway}), and the per-type values.
     */
    public record Threshold(double value, String source, Map<String, Double> byType) {

        public Threshold {
            byType = byType == null ? Map.of() : Map.copyOf(byType);
        }

        public Threshold(double value, String source) {
            this(value, source, Map.of());
        }

        /** The threshold for links of this type. */
        public double of(String type) {
            return byType.getOrDefault(type, value);
        }

        /** A model link of this type with this confidence is written. */
        public boolean keeps(String type, double confidence) {
            return confidence >= of(type);
        }
    }

    @Inject
    KgConfig config;

    void onStart(@Observes StartupEvent event) {
        configured(); // a bad value fails start-up, not the first ingest
        configuredByType();
    }

    public Threshold of(ModelInfo model) {
        Optional<Double> configured = configured();
        Map<String, Double> byType = new TreeMap<>();
        double value;
        String source;
        if (configured.isPresent()) { // overrides the model's per-type values too
            value = configured.get();
            source = "config";
        } else {
            byType.putAll(model.minConfidenceByType());
            value = model.minConfidence().orElse(DEFAULT);
            source = model.minConfidence().isPresent() ? "model" : "default";
        }
        byType.putAll(configuredByType());
        return new Threshold(value, source, byType);
    }

    private Optional<Double> configured() {
        Optional<Double> value = config.ner().minConfidence();
        value.ifPresent(v -> checkRange("kg.ner.min-confidence", v));
        return value;
    }

    private Map<String, Double> configuredByType() {
        Map<String, Double> byType = config.ner().minConfidenceByType();
        byType.forEach((type, v) -> checkRange("kg.ner.min-confidence-by-type." + type, v));
        return byType;
    }

    private static void checkRange(String key, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(key + " must be between 0 and 1: " + v);
        }
    }
}
