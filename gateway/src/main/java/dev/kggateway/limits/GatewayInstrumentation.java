package dev.kggateway.limits;

import dev.kggateway.api.error.ErrorCodes;
import dev.kggateway.observability.GraphQlOperationTimer;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.schema.DataFetcher;
import graphql.validation.ValidationError;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The engine's instrumentation as one object instead of a {@link ChainedInstrumentation} of {@link
 * LimitsInstrumentation}, {@link ErrorCodes}, {@link GraphQlOperationTimer} and SmallRye GraphQL's query cache. A chain
 * calls every member for every field (fetch, execution, completion, list completion) and builds a list of their
 * contexts each time, although none of the four has anything to do per field: SmallRye's {@code QueryCache} only
 * takes part in validation but, being a graphql-java {@code SimpleInstrumentation}, answers every field with a no-op
 * context. On an uncached product(id) (~90 fields) the chain was ~9 % of the request thread's CPU and of its
 * allocation (BENCHMARKS.md "Uncached product by id, third pass"). The members are unchanged and called in the chain's
 * order: validation by the limits, then the cache; each resolver timed around the deadline check (the timer was the
 * outer wrapper in the chain too); the error shape over every result.
 * <p>
 * Used only when SmallRye's own chain holds just its query cache and the cache overrides no instrumentation method
 * other than {@code beginValidation} ({@link #combines}); otherwise (SmallRye's depth or complexity instrumentation
 * configured, or a library upgrade) {@link GraphQlLimits} keeps the chain.
 */
final class GatewayInstrumentation extends SimplePerformantInstrumentation {

    private final LimitsInstrumentation limits;
    private final ErrorCodes errors;
    private final GraphQlOperationTimer timer;
    /** SmallRye's query cache: validated documents by text. */
    private final Instrumentation validationCache;

    GatewayInstrumentation(LimitsInstrumentation limits, ErrorCodes errors, GraphQlOperationTimer timer,
            Instrumentation validationCache) {
        this.limits = limits;
        this.errors = errors;
        this.timer = timer;
        this.validationCache = validationCache;
    }

    /** SmallRye's query cache class, the one member of its chain this instrumentation can stand in for. */
    static final String QUERY_CACHE = "io.smallrye.graphql.execution.QueryCache";

    /** The instrumentation methods a member may override for this class to call it: validation only. */
    private static final Set<String> VALIDATION_ONLY = Set.of("beginValidation");

    /** Whether SmallRye's chain is its query cache alone, overriding nothing but validation. */
    static boolean combines(List<Instrumentation> smallRyeChain) {
        if (smallRyeChain.size() != 1 || !smallRyeChain.get(0).getClass().getName().equals(QUERY_CACHE)) {
            return false;
        }
        for (Class<?> c = smallRyeChain.get(0).getClass(); c.getName().startsWith("io.smallrye."); c = c.getSuperclass()) {
            if (!VALIDATION_ONLY.containsAll(overriddenInstrumentationMethods(c))) {
                return false;
            }
        }
        return true;
    }

    /** The graphql-java {@link Instrumentation} methods this class itself declares (overrides), by name. */
    static Set<String> overriddenInstrumentationMethods(Class<?> type) {
        Set<String> instrumentation = Arrays.stream(Instrumentation.class.getMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> !m.isSynthetic()).map(Method::getName)
                .filter(instrumentation::contains).collect(Collectors.toSet());
    }

    /** The members' states; the cache and the timer keep none. */
    record State(InstrumentationState limits, InstrumentationState errors) implements InstrumentationState {
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return limits.createStateAsync(parameters).thenCombine(errors.createStateAsync(parameters), State::new);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        limits.beginValidation(parameters, ((State) state).limits()); // throws on a violation, no context
        return validationCache.beginValidation(parameters, null);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        return limits.beginExecuteOperation(parameters, ((State) state).limits());
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return timer.instrumentDataFetcher(
                limits.instrumentDataFetcher(dataFetcher, parameters, ((State) state).limits()), parameters, null);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return errors.instrumentExecutionResult(result, parameters, ((State) state).errors());
    }
}
