package dev.kggateway.store;

import java.util.Map;

/**
 * A Fuseki of its own with the real NER model, no result cache (every call reaches the store) and a change feed that
 * does not poll during a test (period one hour): one application for the two classes that need Fuseki with something
 * no shared Fuseki profile has - FusekiSimilarityIndexTest counts the store requests of each call and removes products
 * behind the index's back, FusekiConfidenceThresholdTest writes through the model (its threshold keys per test, as
 * on the embedded store: ingest.ThresholdKeys). They were an application each; one fewer is one Quarkus build fewer
 * in JUnit discovery and one start fewer (BENCHMARKS.md, "Test suite time", suite24).
 */
public class FusekiModelProfile extends FusekiProfile {
    @Override
    protected Map<String, String> extraOverrides() {
        return Map.of("kg.sample.load-on-empty", "false", "kg.cache.enabled", "false",
                "kg.store.change-feed.poll-period", "1h", "kg.ner.enabled", "true");
    }
}
