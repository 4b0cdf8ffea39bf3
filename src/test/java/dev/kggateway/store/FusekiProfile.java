package dev.kggateway.store;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Runs the gateway against a real Fuseki server over HTTP ({@code kg.store.kind=sparql}). */
public class FusekiProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // Short budgets so outage tests finish quickly; the values are still the production code path.
        return Map.of(
                "kg.store.connect-timeout", "1s",
                "kg.store.socket-timeout", "2s",
                "kg.store.query-timeout", "2s",
                "kg.store.retry-backoff", "50ms",
                "kg.store.max-connections", "8");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FusekiTestResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
