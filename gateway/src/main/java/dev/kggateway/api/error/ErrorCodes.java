package dev.kggateway.api.error;

import dev.kggateway.domain.error.ApiException;
import dev.kggateway.domain.error.StoreUnavailableException;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.GoodFaithIntrospection;
import graphql.validation.ValidationError;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.api.ErrorCode;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jboss.logging.Logger;

/**
 * The one place where GraphQL errors get their final shape, as a graphql-java instrumentation over every result:
 * <ul>
 * <li>every error carries {@code extensions.code}: graphql-java's validation errors become
 * {@code GRAPHQL_VALIDATION_FAILED}, variable coercion errors too, a bad-faith introspection query
 * {@code QUERY_TOO_COMPLEX}; errors already coded ({@link ApiException}s, limits) keep theirs;</li>
 * <li>an unexpected exception (a bug, not an {@link ApiException}) is logged once, with its stack trace and the
 * request id, and answered as {@code INTERNAL_ERROR} without its message or class (SmallRye would answer
 * "System error" with the exception's name as code and log nothing);</li>
 * <li>{@code STORE_UNAVAILABLE} keeps its code but gets a plain message: the store's own message names its
 * internal queries and exception classes, which stay in the server log;</li>
 * <li>a request that was not executed (no {@code data}) is answered with HTTP 400, or 500 when the server failed
 * (GraphQL over HTTP); {@link GraphQlRequestGuard} applies the status.</li>
 * </ul>
 */
public final class ErrorCodes extends SimplePerformantInstrumentation {

    private static final Logger LOG = Logger.getLogger(ErrorCodes.class);
    static final String STORE_UNAVAILABLE_MESSAGE = "the graph store is unavailable; retry later";
    static final String STORE_TIMEOUT_MESSAGE = "the graph store did not answer in time (timeout); retry later";

    /** The HTTP exchange of this execution (null outside an HTTP request, e.g. in unit tests). */
    static final class Exchange implements InstrumentationState {
        final RoutingContext rc;

        Exchange(RoutingContext rc) {
            this.rc = rc;
        }
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(new Exchange(currentRequest()));
    }

    private static RoutingContext currentRequest() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return null;
        }
        return container.instance(CurrentVertxRequest.class).get().getCurrent();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        RoutingContext rc = state instanceof Exchange e ? e.rc : null;
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        // A response with errors is never cached by HTTP caches (GraphQlHttpCaching).
        RequestErrors.markErrors(rc);
        List<GraphQLError> errors = new ArrayList<>(result.getErrors().size());
        boolean internal = false;
        for (GraphQLError error : result.getErrors()) {
            if (error.getErrorType() == ErrorType.NullValueInNonNullableField && consequence(error, result.getErrors())) {
                continue;
            }
            GraphQLError coded = code(error, rc);
            internal |= RequestErrors.INTERNAL_ERROR.equals(codeOf(coded));
            errors.add(coded);
        }
        if (!result.isDataPresent()) {
            RequestErrors.markStatus(rc, internal ? 500 : 400);
        }
        return CompletableFuture.completedFuture(result.transform(b -> b.errors(errors)));
    }

    /**
     * A non-null field left null because a field at or below it already failed with its own (reported) error: the
     * null is the consequence, not a second failure, and must not read as an internal error.
     */
    private static boolean consequence(GraphQLError nullError, List<GraphQLError> errors) {
        List<Object> path = nullError.getPath();
        if (path == null) {
            return false;
        }
        for (GraphQLError other : errors) {
            List<Object> p = other.getPath();
            if (other != nullError && other.getErrorType() != ErrorType.NullValueInNonNullableField && p != null
                    && p.size() >= path.size() && p.subList(0, path.size()).equals(path)) {
                return true;
            }
        }
        return false;
    }

    GraphQLError code(GraphQLError error, RoutingContext rc) {
        if (error instanceof ExceptionWhileDataFetching fetch) {
            return fetchError(fetch, rc);
        }
        if (codeOf(error) != null) {
            return error;
        }
        if (error instanceof ValidationError validation) {
            return ValidationError.newValidationError()
                    .validationErrorType(validation.getValidationErrorType())
                    .sourceLocations(validation.getLocations())
                    .description(validation.getDescription())
                    .queryPath(validation.getQueryPath())
                    .extensions(with(validation.getExtensions(), RequestErrors.VALIDATION_FAILED))
                    .build();
        }
        if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            return rebuild(error, error.getMessage(), "QUERY_TOO_COMPLEX");
        }
        ErrorClassification type = error.getErrorType();
        if (type == ErrorType.InvalidSyntax) {
            return rebuild(error, error.getMessage(), RequestErrors.PARSE_FAILED);
        }
        if (type == ErrorType.ValidationError) {
            // Variable coercion (a string for an Int, a missing non-null variable …): the request does not fit.
            return rebuild(error, error.getMessage(), RequestErrors.VALIDATION_FAILED);
        }
        return internal(error, null, rc);
    }

    private GraphQLError fetchError(ExceptionWhileDataFetching fetch, RoutingContext rc) {
        Throwable cause = unwrap(fetch.getException());
        ApiException api = apiException(cause);
        if (api == cause) {
            if (api instanceof StoreUnavailableException) {
                return rebuild(fetch, storeMessage(api), codeOf(api));
            }
            return fetch;
        }
        if (api != null) {
            // An ApiException wrapped by a library: answer it as if it had been thrown directly.
            String message = api instanceof StoreUnavailableException ? storeMessage(api) : api.getMessage();
            return rebuild(fetch, message, codeOf(api));
        }
        if (cause instanceof GraphQLError coercion && coercion.getErrorType() == ErrorType.ValidationError) {
            return rebuild(fetch, coercion.getMessage(), RequestErrors.VALIDATION_FAILED);
        }
        return internal(fetch, cause, rc);
    }

    /** Plain text for the client; only "timed out" versus "unavailable" survives from the store's own message. */
    private static String storeMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = (t.getClass().getSimpleName() + " " + t.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("timeout") || text.contains("timed out")) {
                return STORE_TIMEOUT_MESSAGE;
            }
        }
        return STORE_UNAVAILABLE_MESSAGE;
    }

    private static GraphQLError internal(GraphQLError error, Throwable cause, RoutingContext rc) {
        String requestId = GraphQlRequestGuard.requestId(rc);
        LOG.errorf(cause, "internal error at %s (request id %s): %s", error.getPath() == null ? "request" : error.getPath(),
                requestId, cause == null ? error.getMessage() : cause.toString());
        return rebuild(error, "internal error; quote request id " + requestId, RequestErrors.INTERNAL_ERROR);
    }

    private static GraphQLError rebuild(GraphQLError error, String message, String code) {
        GraphqlErrorBuilder<?> b = GraphqlErrorBuilder.newError()
                .message(message)
                .locations(error.getLocations())
                .extensions(with(null, code));
        if (error.getPath() != null) {
            b.path(error.getPath());
        }
        if (error.getErrorType() != null) {
            b.errorType(error.getErrorType());
        }
        return b.build();
    }

    private static Map<String, Object> with(Map<String, Object> extensions, String code) {
        Map<String, Object> m = extensions == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extensions);
        m.put("code", code);
        return m;
    }

    static String codeOf(GraphQLError error) {
        Map<String, Object> extensions = error.getExtensions();
        Object code = extensions == null ? null : extensions.get("code");
        return code == null ? null : code.toString();
    }

    private static String codeOf(ApiException e) {
        ErrorCode code = e.getClass().getAnnotation(ErrorCode.class);
        return code == null ? RequestErrors.INTERNAL_ERROR : code.value();
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof InvocationTargetException || t instanceof UndeclaredThrowableException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static ApiException apiException(Throwable t) {
        for (int i = 0; t != null && i < 16; i++, t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        return null;
    }
}
