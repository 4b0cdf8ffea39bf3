package dev.kggateway.health;

import dev.kggateway.config.KgConfig;
import dev.kggateway.ner.ModelInfo;
import dev.kggateway.ner.PropertyExtractor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the NER model is loaded; reports its name and version. */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    @Inject
    KgConfig config;

    @Inject
    Instance<PropertyExtractor> extractor;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ner-model");
        if (!config.ner().enabled()) {
            return response.up().withData("enabled", false).build();
        }
        try {
            ModelInfo model = extractor.get().model();
            return response.up().withData("name", model.name()).withData("version", model.version()).build();
        } catch (RuntimeException e) {
            // The message may name the model path: only with kg.health.show-details.
            return response.down().withData("error", config.health().showDetails() ? String.valueOf(e.getMessage())
                    : "model not loaded (details in the log)").build();
        }
    }
}
