package dev.kggateway.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;

/**
 * Prometheus histogram buckets ({@code _bucket{le=…}}) for the latencies operators are told to watch, so
 * {@code histogram_quantile(0.99, sum by (le, name) (rate(mp_graphql_seconds_bucket[5m])))} works. A fixed, short
 * bucket list (14 per series) rather than Micrometer's default percentile histogram (~70 per series): the tag sets
 * are bounded but multiply, and these bounds bracket what the gateway does (a cached read in under 5 ms, the
 * request timeout at 30 s). Quarkus Micrometer applies every MeterFilter bean to the registry.
 */
@Singleton
public class LatencyHistograms implements MeterFilter {

    /** Timer of every named SPARQL query; tags: query, operation (select/ask/update/statements), outcome (ok/error). */
    public static final String SPARQL_TIMER = "kg.sparql";
    /** Timer of NER inference calls; tag: outcome. */
    public static final String INFERENCE_TIMER = "kg.ner.inference";

    static final Set<String> TIMED = Set.of(GraphQlOperationTimer.NAME, SPARQL_TIMER, INFERENCE_TIMER,
            "http.server.requests");

    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60) };

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !TIMED.contains(id.getName())) {
            return config;
        }
        double[] nanos = new double[BUCKETS.length];
        for (int i = 0; i < BUCKETS.length; i++) {
            nanos[i] = BUCKETS[i].toNanos();
        }
        return DistributionStatisticConfig.builder().percentilesHistogram(false).serviceLevelObjectives(nanos)
                .build().merge(config);
    }
}
