package dev.kggateway.observability;

import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code mp_graphql_seconds}: latency of every resolver call, with SmallRye GraphQL's own metric name and tags
 * ({@code name} = field name, {@code type} = QUERY/MUTATION, {@code source} = false for root operations, true for
 * {@code @Source} fields). SmallRye's Micrometer integration records nothing when
 * {@code quarkus.smallrye-graphql.nonblocking.enabled=false}, which isolation from a hung store needs, so its metrics
 * are turned off and this graphql-java instrumentation records the same series instead. Trivial fetchers (plain
 * properties) are not timed: their number grows with the result size and they cost nothing. Tags come from the
 * schema, never from the document (aliases and operation names are ignored), so cardinality is bounded by the schema.
 * Buckets: {@link LatencyHistograms}.
 */
public final class GraphQlOperationTimer extends SimplePerformantInstrumentation {

    /** SmallRye GraphQL's metric name (Prometheus: mp_graphql_seconds_*), kept so dashboards need no change. */
    public static final String NAME = "mp_graphql";

    private final MeterRegistry registry;

    public GraphQlOperationTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()) {
            return dataFetcher;
        }
        ExecutionStepInfo step = parameters.getExecutionStepInfo();
        Timer timer = timer(new TimerKey(step.getFieldDefinition().getName(),
                parameters.getExecutionContext().getOperationDefinition().getOperation().name(),
                step.getPath().getLevel() > 1));
        return environment -> {
            long start = System.nanoTime();
            Object result;
            try {
                result = dataFetcher.get(environment);
            } catch (Exception | Error e) {
                timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                throw e;
            }
            if (result instanceof CompletionStage<?> async) {
                // Batched @Source fields and async resolvers: the time until the value is there.
                return async.whenComplete((v, e) -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
            }
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        };
    }

    private record TimerKey(String name, String type, boolean source) {
    }

    /**
     * Timers by their tags, registered once instead of building the tags and looking the meter up in the registry
     * on every resolver call. Bounded by the schema (field names × operation types × 2).
     */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private Timer timer(TimerKey key) {
        Timer timer = timers.get(key);
        return timer != null ? timer : timers.computeIfAbsent(key, k -> Timer.builder(NAME)
                .description("GraphQL resolver latency per field (root operations: source=false)")
                .tag("name", k.name()).tag("type", k.type()).tag("source", String.valueOf(k.source()))
                .register(registry));
    }
}
