package dev.kggateway.support;

import dev.kggateway.bulk.NeptuneBulkLoadResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, empty embedded store for tests that write. Also runs S3Proxy and the fake Neptune loader
 * (NeptuneBulkLoadResource) for NeptuneBulkLoadTest: their keys (loader endpoint, staging URI, S3 endpoint) are read
 * only by {@code bulk-load --target neptune} and by s3:// model locations, which no other test of this profile uses
 * (Neptune itself stays off: {@code kg.store.neptune.enabled} is not set), so sharing the application costs one
 * S3Proxy start instead of a Quarkus application of its own.
 */
public class WritableStoreProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kg.store.path", "target/test-data/writable-" + UUID.randomUUID(),
                "kg.sample.load-on-empty", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(NeptuneBulkLoadResource.class));
    }
}
