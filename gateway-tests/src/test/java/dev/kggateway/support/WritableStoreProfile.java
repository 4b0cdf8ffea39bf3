package dev.kggateway.support;

import dev.kggateway.bulk.NeptuneBulkLoadResource;
import dev.kggateway.security.TestKeys;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, empty embedded store for tests that write. Also runs S3Proxy and the fake Neptune loader
 * (NeptuneBulkLoadResource) for NeptuneBulkLoadTest: their keys (loader endpoint, staging URI, S3 endpoint) are read
 * only by {@code bulk-load --target neptune} and by s3:// model locations, which no other test of this profile uses
 * (Neptune itself stays off: {@code kg.store.neptune.enabled} is not set), so sharing the application costs one
 * S3Proxy start instead of a Quarkus application of its own. And JWT verification against the test key pair
 * (security.TestKeys) for AuthTest and ProtectedQueriesTest, which switch auth on for their own tests (security.AuthOn);
 * the other tests send no credential, and auth stays off for them as in every test application.
 */
public class WritableStoreProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kg.store.path", "target/test-data/writable-" + UUID.randomUUID(),
                "kg.sample.load-on-empty", "false",
                "mp.jwt.verify.publickey.location", TestKeys.publicKeyLocation(),
                "mp.jwt.verify.issuer", TestKeys.ISSUER);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(NeptuneBulkLoadResource.class));
    }
}
