package dev.kggateway.ingest;

import dev.kggateway.config.KgConfig;
import dev.kggateway.support.KgConfigKeys;
import io.quarkus.test.junit.QuarkusMock;
import java.util.Map;

/**
 * Threshold keys ({@code kg.ner.min-confidence}, {@code kg.ner.min-confidence-by-type.<type>}) for one test inside the
 * model profile's shared application, instead of an application of their own for each set of keys (an application
 * costs a Quarkus build during JUnit discovery and a start). The keys are parsed by SmallRye Config into the real
 * {@link KgConfig} mapping, as at start-up (converters and defaults included), and read by a real
 * {@link EnrichmentThreshold}, which is installed for the current test only ({@link QuarkusMock}: every caller -
 * extractProperties, ingest, re-enrichment - reaches it through the bean's client proxy; the next test sees the
 * application's own). FusekiConfidenceThresholdTest still sets the same keys through its application's configuration.
 */
final class ThresholdKeys {

    private ThresholdKeys() {
    }

    /** Call from a {@code @BeforeEach}: the keys hold for that test. */
    static void install(Map<String, String> keys) {
        EnrichmentThreshold threshold = new EnrichmentThreshold();
        threshold.config = KgConfigKeys.mapping(keys);
        threshold.onStart(null); // a bad value fails here, as it fails start-up
        QuarkusMock.installMockForType(threshold, EnrichmentThreshold.class);
    }
}
