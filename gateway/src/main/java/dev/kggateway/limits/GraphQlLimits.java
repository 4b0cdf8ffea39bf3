package dev.kggateway.limits;

import dev.kggateway.api.error.ErrorCodes;
import dev.kggateway.config.KgConfig;
import dev.kggateway.observability.GraphQlOperationTimer;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Adds {@link LimitsInstrumentation}, {@link ErrorCodes} (the final shape of every error) and
 * {@link GraphQlOperationTimer} (per-resolver latency, {@code mp_graphql_seconds}) to the graphql-java
 * engine SmallRye GraphQL builds. It is one of SmallRye's {@link EventingService}s (ServiceLoader,
 * {@code META-INF/services}), always on (no config key), rather than an observer of the CDI event
 * {@code quarkus.smallrye-graphql.events.enabled=true} would fire: with that option SmallRye also fires CDI events
 * before and after every data fetch and resolver call, about 6 % of an uncached product(id)'s CPU for nothing here
 * observes them. SmallRye has already
 * set its own chain (query cache, optional depth/complexity) and the builder has no getter, so the chain is read
 * reflectively and kept: replacing it would silently drop SmallRye's validated-document cache. When that chain is the
 * cache alone (the configuration here), the four are one {@link GatewayInstrumentation} rather than a chain, which
 * graphql-java calls member by member for every field.
 */
public class GraphQlLimits implements EventingService {

    @Override
    public String getConfigKey() {
        return null; // always on: a server without its limits must not start
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        // The budget through RequestBudget's client proxy, asked per request (a test may swap the bean).
        RequestBudget budget = Arc.container().instance(RequestBudget.class).get();
        addLimits(builder, Arc.container().instance(KgConfig.class).get(), budget::current,
                Arc.container().instance(MeterRegistry.class).get());
        return builder;
    }

    static void addLimits(GraphQL.Builder builder, KgConfig config, Supplier<Duration> budget, MeterRegistry registry) {
        LimitsInstrumentation limits = new LimitsInstrumentation(config.limits(), config.api(), budget);
        ErrorCodes errors = new ErrorCodes();
        // After the limits: a refused document never reaches a resolver, so it is not timed.
        GraphQlOperationTimer timer = new GraphQlOperationTimer(registry);
        Instrumentation existing = existing(builder);
        if (existing instanceof ChainedInstrumentation smallRye
                && GatewayInstrumentation.combines(smallRye.getInstrumentations())) {
            builder.instrumentation(
                    new GatewayInstrumentation(limits, errors, timer, smallRye.getInstrumentations().get(0)));
            return;
        }
        List<Instrumentation> chain = new ArrayList<>(List.of(limits, errors, timer));
        if (existing != null) {
            chain.add(existing);
        }
        builder.instrumentation(new ChainedInstrumentation(chain));
    }

    private static Instrumentation existing(GraphQL.Builder builder) {
        try {
            Field f = GraphQL.Builder.class.getDeclaredField("instrumentation");
            f.setAccessible(true);
            return (Instrumentation) f.get(builder);
        } catch (ReflectiveOperationException e) {
            // Fail start-up rather than run without limits or without SmallRye's chain after a library upgrade.
            throw new IllegalStateException("cannot read graphql-java's instrumentation chain", e);
        }
    }
}
