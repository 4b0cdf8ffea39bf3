package dev.kggateway.store;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Runs the gateway against a real Fuseki server over HTTP ({@code kg.store.kind=sparql}), loaded with the test
 * fixture catalogue on start (as the embedded read-contract run is).
 */
public class FusekiProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // Short budgets so outage tests finish quickly; the values are still the production code path.
        Map<String, String> overrides = new java.util.HashMap<>(Map.of(
                "kg.store.connect-timeout", "1s",
                "kg.store.socket-timeout", "8s",
                "kg.store.query-timeout", "8s",
                "kg.store.retry-backoff", "50ms",
                "kg.store.max-connections", "8"));
        overrides.putAll(extraOverrides());
        return overrides;
    }

    protected Map<String, String> extraOverrides() {
        return Map.of();
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
