package dev.kggateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/** The fixture catalogue with result caching off: every resolver reaches the store. */
public class NoCacheProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kg.store.path", "target/test-data/nocache-" + UUID.randomUUID(), "kg.cache.enabled", "false");
    }
}
