package dev.kggateway.ingest;

import dev.kggateway.config.KgConfig;
import dev.kggateway.ner.ModelInfo;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The confidence below which a model link is not written: {@code kg.ner.min-confidence} when set, else the
 * threshold the model was calibrated for (its manifest), else {@link #DEFAULT}.
 */
@ApplicationScoped
public class EnrichmentThreshold {

    /**
     * For a model that brings no calibrated threshold: a link the model is less sure of than not (mean tag
     * probability below one half) is more often wrong than right, and a wrong link becomes a node other products share.
     */
    public static final double DEFAULT = 0.5;

    /** The threshold in effect and where it came from ({@code config}, {@code model} or {@code default}). */
    public record Threshold(double value, String source) {

        /** A model link with this confidence is written. */
        public boolean keeps(double confidence) {
            return confidence >= value;
        }
    }

    @Inject
    KgConfig config;

    void onStart(@Observes StartupEvent event) {
        configured(); // a bad value fails start-up, not the first ingest
    }

    public Threshold of(ModelInfo model) {
        Optional<Double> configured = configured();
        if (configured.isPresent()) {
            return new Threshold(configured.get(), "config");
        }
        Optional<Double> calibrated = calibrated(model);
        if (calibrated.isPresent()) {
            return new Threshold(calibrated.get(), "model");
        }
        return new Threshold(DEFAULT, "default");
    }

    private Optional<Double> configured() {
        Optional<Double> value = config.ner().minConfidence();
        value.ifPresent(v -> {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("kg.ner.min-confidence must be between 0 and 1: " + v);
            }
        });
        return value;
    }

    /** The threshold the model's manifest recommends ({@code calibration.minConfidence}), if any. */
    private static Optional<Double> calibrated(ModelInfo model) {
        return model.minConfidence();
    }
}
