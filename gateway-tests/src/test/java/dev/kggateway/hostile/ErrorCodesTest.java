package dev.kggateway.hostile;

import dev.kggateway.api.error.ErrorCodes;
import dev.kggateway.domain.error.InvalidIdException;
import dev.kggateway.domain.error.StoreUnavailableException;
import dev.kggateway.support.LogCapture;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The final shape of errors, without a server: codes, hidden internals, one log line per internal error. */
class ErrorCodesTest {

    static final ResultPath PATH = ResultPath.parse("/products");
    static final SourceLocation AT = new SourceLocation(1, 3);

    static List<GraphQLError> run(boolean dataPresent, GraphQLError... errors) throws Exception {
        ExecutionResult in = dataPresent ? new ExecutionResultImpl(Map.of(), List.of(errors))
                : new ExecutionResultImpl(List.of(errors));
        return new ErrorCodes().instrumentExecutionResult(in, null, null).get().getErrors();
    }

    static String code(GraphQLError e) {
        return String.valueOf(e.getExtensions() == null ? null : e.getExtensions().get("code"));
    }

    @Test
    void unexpectedExceptionIsInternalErrorLoggedOnceWithoutInternals() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            GraphQLError e = run(true, new ExceptionWhileDataFetching(PATH,
                    new CompletionException(new NullPointerException("\"iri\" is null")), AT)).get(0);
            assertEquals("INTERNAL_ERROR", code(e));
            assertFalse(e.getMessage().contains("iri") || e.getMessage().contains("Null"), e.getMessage());
            assertTrue(e.getMessage().contains("request id"), e.getMessage());
            assertEquals(List.of("products"), e.getPath());
            List<LogRecord> logged = log.records().stream().filter(r -> r.getLoggerName().equals(ErrorCodes.class.getName())).toList();
            assertEquals(1, logged.size(), LogCapture.describe(log.records()));
            assertTrue(logged.get(0).getThrown() instanceof NullPointerException);
        }
    }

    @Test
    void storeMessagesDoNotNameQueriesOrExceptions() throws Exception {
        GraphQLError e = run(true, new ExceptionWhileDataFetching(PATH, new StoreUnavailableException(
                "graph store request 'products-page' failed (ConnectException)", new ConnectException()), AT)).get(0);
        assertEquals("STORE_UNAVAILABLE", code(e));
        assertFalse(e.getMessage().contains("products-page") || e.getMessage().contains("Exception"), e.getMessage());
        // Wrapped by a library on the way: still the store's code, still a plain message.
        e = run(true, new ExceptionWhileDataFetching(PATH, new IllegalStateException(new StoreUnavailableException(
                "graph store request 'products-page' failed (timeout)")), AT)).get(0);
        assertEquals("STORE_UNAVAILABLE", code(e));
        assertFalse(e.getMessage().contains("products-page"), e.getMessage());
        assertTrue(e.getMessage().contains("timeout"), e.getMessage());
    }

    @Test
    void clientErrorsKeepTheirCodeAndMessage() throws Exception {
        ExceptionWhileDataFetching invalid = new ExceptionWhileDataFetching(PATH, new InvalidIdException("bad id"), AT);
        // SmallRye adds @ErrorCode at serialisation; the error object must reach it unchanged.
        assertSame(invalid, run(true, invalid).get(0));
    }

    @Test
    void nullPropagatedFromAReportedErrorIsNotAnInternalError() throws Exception {
        GraphQLError cause = GraphqlErrorBuilder.newError().message("argument 'first' is not a valid 'Int'")
                .path(PATH).errorType(graphql.ErrorType.ValidationError).build();
        GraphQLError nulled = GraphqlErrorBuilder.newError().message("non-null field was null").path(PATH)
                .errorType(graphql.ErrorType.NullValueInNonNullableField).build();
        List<GraphQLError> out = run(true, cause, nulled);
        assertEquals(1, out.size(), out.toString());
        assertEquals("GRAPHQL_VALIDATION_FAILED", code(out.get(0)));
        // Alone, a null in a non-null field is a server bug.
        assertEquals("INTERNAL_ERROR", code(run(true, nulled).get(0)));
    }

    @Test
    void validationAndSyntaxErrorsGetCodes() throws Exception {
        GraphQLError v = run(false, ValidationError.newValidationError().validationErrorType(ValidationErrorType.FieldUndefined)
                .description("Field 'x' in type 'Query' is undefined").build()).get(0);
        assertEquals("GRAPHQL_VALIDATION_FAILED", code(v));
        assertTrue(v instanceof ValidationError);
        GraphQLError coercion = run(false, GraphqlErrorBuilder.newError().message("Variable 'n' has an invalid value")
                .errorType(graphql.ErrorType.ValidationError).build()).get(0);
        assertEquals("GRAPHQL_VALIDATION_FAILED", code(coercion));
        GraphQLError syntax = run(false, GraphqlErrorBuilder.newError().message("Invalid syntax")
                .errorType(graphql.ErrorType.InvalidSyntax).build()).get(0);
        assertEquals("GRAPHQL_PARSE_FAILED", code(syntax));
    }
}
