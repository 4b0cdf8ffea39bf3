package dev.kggateway.bulk;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Neptune bulk-load flow with its external parts real (S3 API, loader HTTP API) but the SPARQL side on an empty
 * embedded store: the loader here is a fake, so the existence checks and replaces need a store that really answers.
 */
public class NeptuneBulkLoadProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kg.store.path", "target/test-data/neptune-bulk-" + UUID.randomUUID(),
                "kg.sample.load-on-empty", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(NeptuneBulkLoadResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
