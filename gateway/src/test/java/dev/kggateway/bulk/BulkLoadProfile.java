package dev.kggateway.bulk;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/** An empty embedded store of its own, so counts after a bulk load are exact. */
public class BulkLoadProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kg.store.path", "target/test-data/bulk-" + UUID.randomUUID(),
                "kg.sample.load-on-empty", "false");
    }
}
