package dev.kggateway.limits;

import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.error.RequestTimeoutException;
import graphql.execution.ExecutionContext;
import graphql.execution.TypeFromAST;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.VariableDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLInputType;
import graphql.validation.ValidationError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * OWASP GraphQL limits as a graphql-java instrumentation: shape limits (depth, aliases, fields, operations) before
 * validation, whose cost they bound (graphql-java's overlapping-fields rule is quadratic in duplicated fields);
 * complexity before execution, because it depends on variables and validated documents are cached by text; the
 * request deadline on every non-trivial field fetch.
 */
final class LimitsInstrumentation extends SimplePerformantInstrumentation {

    private final KgConfig.Limits limits;
    private final Supplier<Duration> budget;
    private final long maxRows;

    /** With the request budget asked of {@code budget} at the start of every execution. */
    LimitsInstrumentation(KgConfig.Limits limits, KgConfig.Api api, Supplier<Duration> budget) {
        this.limits = limits;
        this.budget = budget;
        this.maxRows = Math.max(api.maxFirst(), api.maxSimilar());
    }

    /** Per-execution state: when the request budget ends, and the budget (for the error message). */
    static final class Deadline implements InstrumentationState {
        final long endNanos;
        final Duration budget;

        Deadline(long endNanos, Duration budget) {
            this.endNanos = endNanos;
            this.budget = budget;
        }
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        Duration current = budget.get();
        long nanos = current.toNanos();
        return CompletableFuture.completedFuture(nanos <= 0 ? null : new Deadline(System.nanoTime() + nanos, current));
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        DocumentAnalysis shape = DocumentAnalysis.shape(parameters.getDocument(), parameters.getSchema(),
                limits.maxDepth(), limits.maxAliases(), limits.maxFields());
        if (shape.operations > limits.maxOperations()) {
            throw LimitViolation.TOO_MANY_OPERATIONS.abort("the document holds " + shape.operations
                    + " operations; at most " + limits.maxOperations() + " are accepted");
        }
        if (shape.tooManyFields()) {
            throw LimitViolation.TOO_MANY_FIELDS.abort("the query selects more than " + limits.maxFields()
                    + " fields (fragments expanded, duplicates and introspection fields included)");
        }
        if (shape.aliases > limits.maxAliases()) {
            throw LimitViolation.TOO_MANY_ALIASES.abort("more than " + limits.maxAliases() + " aliased fields");
        }
        if (shape.maxDepth > limits.maxDepth()) {
            throw LimitViolation.QUERY_TOO_DEEP.abort("the query is deeper than " + limits.maxDepth() + " levels");
        }
        if (shape.intOutOfRange != null) {
            String[] where = shape.intOutOfRange.split(": ", 2);
            throw IntArguments.abort(where[0], where[1]);
        }
        return null; // no context: the checks are done (GatewayInstrumentation relies on this)
    }

    @Override
    public InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext ctx = parameters.getExecutionContext();
        checkIntVariables(ctx);
        DocumentAnalysis cost = DocumentAnalysis.cost(ctx.getDocument(), ctx.getOperationDefinition(),
                ctx.getGraphQLSchema(), ctx.getCoercedVariables().toMap(), limits.maxComplexity(), maxRows,
                limits.maxFields(), limits.maxFilterDepth());
        checkFilters(cost.filters);
        if (cost.tooManyFields()) {
            throw LimitViolation.TOO_MANY_FIELDS.abort("the query selects more than " + limits.maxFields() + " fields");
        }
        if (cost.complexity > limits.maxComplexity()) {
            throw LimitViolation.QUERY_TOO_COMPLEX.abort("the query may produce more than " + limits.maxComplexity()
                    + " field values (each field counts once per row of every enclosing page: nested pages multiply)");
        }
        return super.beginExecuteOperation(parameters, state);
    }

    /** Depth, width and condition caps of product filters (anyOf/allOf/not groups, IN lists). */
    private void checkFilters(FilterShape f) {
        if (f.depth > limits.maxFilterDepth()) {
            throw LimitViolation.FILTER_TOO_COMPLEX.abort("a filter is nested deeper than " + limits.maxFilterDepth()
                    + " levels (kg.limits.max-filter-depth; each anyOf/allOf/not adds one)");
        }
        if (f.width > limits.maxFilterWidth()) {
            throw LimitViolation.FILTER_TOO_COMPLEX.abort("a filter list holds more than " + limits.maxFilterWidth()
                    + " entries (kg.limits.max-filter-width)");
        }
        if (f.conditions > limits.maxFilterConditions()) {
            throw LimitViolation.FILTER_TOO_COMPLEX.abort("a filter holds more than " + limits.maxFilterConditions()
                    + " conditions (kg.limits.max-filter-conditions; each field and list entry counts one)");
        }
    }

    /** Variable values are not literals: SmallRye passes them to resolvers unchecked, so check Int ranges here. */
    private static void checkIntVariables(ExecutionContext ctx) {
        Map<String, Object> values = ctx.getCoercedVariables().toMap();
        for (VariableDefinition def : ctx.getOperationDefinition().getVariableDefinitions()) {
            if (TypeFromAST.getTypeFromAST(ctx.getGraphQLSchema(), def.getType()) instanceof GraphQLInputType type) {
                String bad = IntArguments.value(values.get(def.getName()), type);
                if (bad != null) {
                    throw IntArguments.abort("variable $" + def.getName(), bad);
                }
            }
        }
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (!(state instanceof Deadline deadline) || parameters.isTrivialDataFetcher()) {
            return dataFetcher;
        }
        return environment -> {
            // Cooperative: a resolver already running is bounded by the store's own timeouts; new ones do not start.
            if (System.nanoTime() - deadline.endNanos > 0) {
                throw new RequestTimeoutException("the request exceeded its time budget of " + deadline.budget);
            }
            return dataFetcher.get(environment);
        };
    }
}
