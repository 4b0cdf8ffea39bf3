package dev.kggateway.support;

import dev.kggateway.config.KgConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

/**
 * {@link KgConfig} as SmallRye Config maps it at start-up (Quarkus' converters, the interface's defaults) from the given
 * {@code kg.*} keys: for a test that gives one bean of the shared test application other keys for one test
 * (ingest.ThresholdKeys, limits.RequestTimeoutTest, analyst.EmbeddedSparqlEndpointTest) instead of a Quarkus
 * application of its own.
 */
public final class KgConfigKeys {

    private KgConfigKeys() {
    }

    public static KgConfig mapping(Map<String, String> keys) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().addDiscoveredConverters()
                .withSources(new PropertiesConfigSource(keys, "KgConfigKeys", 1000))
                .withMapping(KgConfig.class).build().getConfigMapping(KgConfig.class);
    }
}
