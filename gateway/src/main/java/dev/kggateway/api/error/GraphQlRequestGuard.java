package dev.kggateway.api.error;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.config.KgConfig;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * GraphQL over HTTP, before SmallRye GraphQL sees the request: SmallRye answers a body that is not JSON, a
 * document that does not parse or a request without a query with HTTP 200 and an uncoded error, and a
 * {@code variables} that is not an object or JSON nested 100k deep with HTTP 500 and a stack trace. This route
 * checks the same body the way SmallRye will read it and answers those with HTTP 400 and a coded error; whatever
 * passes is exactly what SmallRye can execute. It also
 * <ul>
 * <li>sets graphql-java's operation parser limits (tokens, characters) from {@code kg.limits.*};</li>
 * <li>refuses number literals longer than {@code kg.limits.max-number-digits} before anything parses them
 * (graphql-java turns them into BigInteger, quadratic in length: 1 MB of digits is ~36 s of CPU, three times);</li>
 * <li>applies the status chosen by {@link ErrorCodes} (400 for documents that fail validation or a limit) when
 * SmallRye writes its response;</li>
 * <li>answers exceptions that escape SmallRye with a coded error, logged once, never a bare 500 page.</li>
 * </ul>
 * It runs on a worker thread, so the first parse of any document (and of any JSON) happens off the event loop;
 * SmallRye then parses again on the event loop only what is known to parse within the limits.
 */
@ApplicationScoped
public class GraphQlRequestGuard {

    private static final Logger LOG = Logger.getLogger(GraphQlRequestGuard.class);
    /** SmallRye replaces raw newlines and tabs in the body by spaces before parsing it as JSON; so do we. */
    private static final Pattern NEWLINE_OR_TAB = Pattern.compile("[\\n\\t]");
    static final int ORDER = -80;

    @Inject
    KgConfig config;

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String rootPath;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    private ObjectMapper json;
    private ParserOptions parserOptions;

    void register(@Observes Router router) {
        KgConfig.Limits limits = config.limits();
        json = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxJsonDepth()).build())
                .build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        parserOptions = ParserOptions.getDefaultOperationParserOptions()
                .transform(b -> b.maxTokens(limits.maxTokens()).maxCharacters(limits.maxCharacters()));
        // graphql-java parses operations with these JVM-wide defaults (SmallRye's parser-max-tokens sets others).
        ParserOptions.setDefaultOperationParserOptions(parserOptions);
        String path = rootPath.startsWith("/") ? rootPath : "/" + rootPath;
        // The same body limit as Quarkus' own body handler, which then sees the body read and does nothing.
        router.post(path).order(ORDER)
                .handler(BodyHandler.create().setBodyLimit(maxBodySize.asLongValue()).setHandleFileUploads(false))
                .blockingHandler(this::check, false);
        router.route(path).order(ORDER).failureHandler(this::failure);
    }

    /** A request SmallRye must not see, with the code and message to answer it with. */
    static final class Rejection extends Exception {
        final String code;

        Rejection(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    void check(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> {
            Integer status = rc.get(RequestErrors.STATUS_KEY);
            if (status != null && rc.response().getStatusCode() == 200) {
                rc.response().setStatusCode(status);
            }
        });
        try {
            checkDocument(query(rc));
        } catch (Rejection r) {
            RequestErrors.respond(rc, 400, r.code, r.getMessage());
            return;
        }
        rc.next();
    }

    /** The query text, read as SmallRye will read it; every other member checked for the type SmallRye expects. */
    private String query(RoutingContext rc) throws Rejection {
        String contentType = rc.request().getHeader("Content-Type");
        String body = rc.body() == null ? null : rc.body().asString();
        body = body == null ? "" : NEWLINE_OR_TAB.matcher(body).replaceAll(" ");
        if (contentType != null && contentType.startsWith("application/graphql")) {
            return requireQuery(body);
        }
        if (body.isBlank()) {
            throw new Rejection(RequestErrors.BAD_REQUEST, "the request body is empty: send a JSON object with a query");
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new Rejection(RequestErrors.BAD_REQUEST, "the request JSON is nested deeper than "
                    + config.limits().maxJsonDepth() + " levels or holds an over-long number or string");
        } catch (JsonProcessingException e) {
            throw new Rejection(RequestErrors.BAD_REQUEST, "the request body is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (request == null || !request.isObject()) {
            throw new Rejection(RequestErrors.BAD_REQUEST, "the request body must be a JSON object with a query");
        }
        member(request, "operationName", JsonNode::isTextual, "a string");
        member(request, "variables", JsonNode::isObject, "a JSON object");
        member(request, "extensions", JsonNode::isObject, "a JSON object");
        JsonNode query = request.get("query");
        if (query != null && !query.isNull() && !query.isTextual()) {
            throw new Rejection(RequestErrors.BAD_REQUEST, "query must be a string");
        }
        return requireQuery(query == null || query.isNull() ? "" : query.textValue());
    }

    private static void member(JsonNode request, String name, java.util.function.Predicate<JsonNode> type,
            String expected) throws Rejection {
        JsonNode value = request.get(name);
        if (value != null && !value.isNull() && !type.test(value)) {
            throw new Rejection(RequestErrors.BAD_REQUEST, name + " must be " + expected + " or null");
        }
    }

    private static String requireQuery(String query) throws Rejection {
        if (query.isBlank()) {
            throw new Rejection(RequestErrors.BAD_REQUEST, "the request has no query");
        }
        return query;
    }

    /** Parses the document with the limits graphql-java will apply, after the number-length check it lacks. */
    private void checkDocument(String query) throws Rejection {
        int limit = config.limits().maxNumberDigits();
        if (query.length() > limit && GraphQlNumbers.longestDigitRun(query) > limit) {
            throw new Rejection(RequestErrors.PARSE_FAILED, "the document holds a number literal longer than "
                    + limit + " digits");
        }
        try {
            Parser.parse(ParserEnvironment.newParserEnvironment().document(query).parserOptions(parserOptions).build());
        } catch (ParseCancelledTooDeepException e) {
            throw new Rejection(RequestErrors.PARSE_FAILED, "the document is nested too deeply to parse");
        } catch (ParseCancelledException e) {
            throw new Rejection(RequestErrors.TOO_MANY_TOKENS, "the document has more than "
                    + config.limits().maxTokens() + " tokens or " + config.limits().maxCharacters() + " characters");
        } catch (InvalidSyntaxException e) {
            // graphql-java's message names the offending token and its line and column, nothing internal.
            throw new Rejection(RequestErrors.PARSE_FAILED, e.getMessage());
        }
    }

    /** Failures that escaped SmallRye's handler on the GraphQL path. */
    void failure(RoutingContext rc) {
        Throwable failure = rc.failure();
        if (failure == null || failure instanceof HttpException
                || failure.getClass().getName().startsWith("io.quarkus.security.")) {
            // HTTP-level refusals keep Quarkus' own answers (413 from the body limit, 401 with a challenge …).
            rc.next();
            return;
        }
        // The one log line of an unexpected failure; the client gets the request id to quote, not the cause.
        LOG.errorf(failure, "unexpected failure of a GraphQL request (request id %s)", requestId(rc));
        RequestErrors.respond(rc, 500, RequestErrors.INTERNAL_ERROR, "internal error; quote request id " + requestId(rc));
    }

    static String requestId(RoutingContext rc) {
        Object id = rc == null ? null : rc.get(dev.kggateway.observability.RequestIdFilter.MDC_KEY);
        return id == null ? "unknown" : id.toString();
    }
}
