package dev.kggateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The real shipped NER model and a fresh, empty embedded store; subclasses add or replace keys (extraOverrides). */
public class ModelProfile implements QuarkusTestProfile {
    @Override
    public final Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(Map.of(
                "kg.store.path", "target/test-data/model-" + UUID.randomUUID(),
                "kg.sample.load-on-empty", "false",
                "kg.ner.enabled", "true"));
        overrides.putAll(extraOverrides());
        return overrides;
    }

    /** Keys this profile adds to, or replaces in, the model profile's. */
    protected Map<String, String> extraOverrides() {
        return Map.of();
    }
}
