package dev.kggateway.ner;

import dev.kggateway.config.KgConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Loads the model eagerly at start-up (fail fast with the missing file named), not on the first request. */
@ApplicationScoped
public class NerStartup {

    @Inject
    KgConfig config;

    @Inject
    Instance<PropertyExtractor> extractor;

    void onStart(@Observes StartupEvent event) {
        if (config.ner().enabled()) {
            extractor.get().model();
        }
    }
}
