package dev.kggateway.limits;

import static dev.kggateway.limits.GatewayInstrumentation.overriddenInstrumentationMethods;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.api.error.ErrorCodes;
import dev.kggateway.config.KgConfig;
import dev.kggateway.observability.GraphQlOperationTimer;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.graphql.execution.QueryCache;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The combined instrumentation does what the chain of its members did (limits, error codes, resolver timer, SmallRye's
 * validation cache), and is only used when SmallRye's chain is its cache alone.
 */
class GatewayInstrumentationTest {

    @Test
    void standsInOnlyForSmallRyesQueryCacheAlone() {
        assertTrue(GatewayInstrumentation.combines(List.of(new QueryCache())));
        // SmallRye's own depth or complexity limit configured: keep the chain (and so that instrumentation).
        assertFalse(GatewayInstrumentation.combines(List.of(new QueryCache(), new MaxQueryDepthInstrumentation(3))));
        assertFalse(GatewayInstrumentation.combines(List.of(new MaxQueryDepthInstrumentation(3))));
        // Another instrumentation with per-field work would lose it: never combined.
        assertFalse(GatewayInstrumentation.combines(List.of(new SimpleInstrumentation())));
    }

    /**
     * The combined instrumentation forwards a fixed set of methods to each member; a member that starts overriding
     * another instrumentation method (per-field work, say) would be silently skipped, so this fails first.
     */
    @Test
    void forwardsEveryMethodItsMembersOverride() {
        assertEquals(Set.of("createStateAsync", "beginValidation", "beginExecuteOperation", "instrumentDataFetcher"),
                overriddenInstrumentationMethods(LimitsInstrumentation.class));
        assertEquals(Set.of("createStateAsync", "instrumentExecutionResult"),
                overriddenInstrumentationMethods(ErrorCodes.class));
        assertEquals(Set.of("instrumentDataFetcher"), overriddenInstrumentationMethods(GraphQlOperationTimer.class));
        assertTrue(overriddenInstrumentationMethods(GatewayInstrumentation.class).containsAll(Set.of("createStateAsync",
                "beginValidation", "beginExecuteOperation", "instrumentDataFetcher", "instrumentExecutionResult")));
    }

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse("type Query { a: A, fails: Int } type A { b: B, n: Int } type B { c: Int }"),
            RuntimeWiring.newRuntimeWiring().type("Query", t -> t
                    .dataFetcher("a", env -> Map.of("n", 1, "b", Map.of("c", 2)))
                    .dataFetcher("fails", env -> {
                        throw new IllegalStateException("a bug");
                    })).build());

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicInteger validations = new AtomicInteger();

    private GraphQL engine() {
        KgConfig config = new SmallRyeConfigBuilder().withMapping(KgConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withSources(new PropertiesConfigSource(Map.of("kg.limits.max-depth", "2"), "test", 500)).build()
                .getConfigMapping(KgConfig.class);
        QueryCache cache = new QueryCache() {
            @Override
            public graphql.execution.instrumentation.InstrumentationContext<List<graphql.validation.ValidationError>> beginValidation(
                    graphql.execution.instrumentation.parameters.InstrumentationValidationParameters parameters,
                    graphql.execution.instrumentation.InstrumentationState state) {
                validations.incrementAndGet();
                return super.beginValidation(parameters, state);
            }
        };
        Instrumentation combined = new GatewayInstrumentation(new LimitsInstrumentation(config.limits(), config.api(),
                config.limits()::requestTimeout),
                new ErrorCodes(), new GraphQlOperationTimer(registry), cache);
        return GraphQL.newGraphQL(SCHEMA).instrumentation(combined).preparsedDocumentProvider(cache).build();
    }

    @Test
    void limitsTimerErrorCodesAndValidationCacheAllTakePart() {
        GraphQL engine = engine();
        ExecutionResult ok = engine.execute("{ a { n } }");
        assertEquals(List.of(), ok.getErrors());
        assertEquals(Map.of("a", Map.of("n", 1)), ok.getData());
        int validated = validations.get();
        assertTrue(validated > 0, "SmallRye's cache takes part in validation");
        assertEquals(Map.of("a", Map.of("n", 1)), engine.execute("{ a { n } }").getData());
        assertEquals(validated, validations.get(), "the same document again: served from SmallRye's cache, not validated");
        assertEquals(2, registry.get(GraphQlOperationTimer.NAME).tag("name", "a").timer().count(), "resolver timed");

        ExecutionResult deep = engine.execute("{ a { b { c } } }");
        assertEquals("QUERY_TOO_DEEP", deep.getErrors().get(0).getExtensions().get("code"));

        ExecutionResult bug = engine.execute("{ fails }");
        assertEquals("INTERNAL_ERROR", bug.getErrors().get(0).getExtensions().get("code"));
        assertFalse(bug.getErrors().get(0).getMessage().contains("a bug"), "a bug's message stays in the log");
    }
}
