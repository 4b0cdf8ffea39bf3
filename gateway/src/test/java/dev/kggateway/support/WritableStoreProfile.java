package dev.kggateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/** A fresh, empty embedded store for tests that write. */
public class WritableStoreProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kg.store.path", "target/test-data/writable-" + UUID.randomUUID(),
                "kg.sample.load-on-empty", "false");
    }
}
