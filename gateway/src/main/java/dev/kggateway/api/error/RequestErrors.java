package dev.kggateway.api.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Codes of errors about the request itself rather than a field (GraphQL over HTTP: such requests are not executed
 * and answer HTTP 400), and the one way this gateway writes an error response that never reached graphql-java.
 */
public final class RequestErrors {

    /** The body is not a GraphQL request: not JSON, too deeply nested, wrong member types, no query. */
    public static final String BAD_REQUEST = "BAD_REQUEST";
    /** The document is not GraphQL (syntax), or holds a number literal too long to parse safely. */
    public static final String PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
    /** The document does not fit the schema (unknown field or argument, wrong type, Int out of 32-bit range…). */
    public static final String VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
    /** The document has more tokens or characters than the parser accepts. */
    public static final String TOO_MANY_TOKENS = "TOO_MANY_TOKENS";
    /** APQ: the hash is not (or no longer) known; the client sends the query with the hash again. */
    public static final String PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
    /** APQ: the query sent with a hash does not have that SHA-256. */
    public static final String PERSISTED_QUERY_HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH";
    /** GET carries queries only; a mutation over GET is refused with HTTP 405. */
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    /** A failure of the server, not of the request; details are in the log under the request id. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    /** RoutingContext key: the GraphQL result carries errors. */
    public static final String ERRORS_KEY = "kg.graphql.errors";

    /** RoutingContext key: the HTTP status the GraphQL outcome calls for (set before SmallRye writes 200). */
    public static final String STATUS_KEY = "kg.graphql.status";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestErrors() {
    }

    /** Marks the exchange so the status is applied when SmallRye writes its response (see GraphQlRequestGuard). */
    public static void markStatus(RoutingContext rc, int status) {
        if (rc != null) {
            rc.put(STATUS_KEY, status);
        }
    }

    public static void markErrors(RoutingContext rc) {
        if (rc != null) {
            rc.put(ERRORS_KEY, Boolean.TRUE);
        }
    }

    /** Ends the exchange with one coded GraphQL error and no {@code data} (the request was not executed). */
    public static void respond(RoutingContext rc, int status, String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode errors = body.putArray("errors");
        ObjectNode error = errors.addObject();
        error.put("message", message);
        ObjectNode extensions = error.putObject("extensions");
        extensions.put("code", code);
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body.toString());
    }
}
