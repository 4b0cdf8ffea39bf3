package dev.kggateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/** The real shipped NER model and a fresh, empty embedded store. */
public class ModelProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kg.store.path", "target/test-data/model-" + UUID.randomUUID(),
                "kg.sample.load-on-empty", "false",
                "kg.ner.enabled", "true");
    }
}
