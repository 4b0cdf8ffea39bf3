package dev.kggateway.api.error;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kggateway.api.http.GetCaching;
import dev.kggateway.api.http.PersistedQueries;
import dev.kggateway.config.KgConfig;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.impl.BlockingHandlerDecorator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
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
 * <li>answers exceptions that escape SmallRye with a coded error, logged once, never a bare 500 page;</li>
 * <li>serves Apollo's automatic persisted queries on POST and GET ({@link PersistedQueries});</li>
 * <li>checks GET requests the same way (queries only: a mutation is HTTP 405) and adds Cache-Control and ETag to
 * their successful answers ({@link GetCaching}).</li>
 * </ul>
 * It runs on a worker thread, so the first parse of any document (and of any large JSON body) happens off the event
 * loop; SmallRye then parses again on the event loop only what is known to parse within the limits. The common case,
 * a small POST body whose document already passed the check ({@link #checkedOnEventLoop}), is answered on the event
 * loop: SmallRye's own handler hands the request to a worker anyway ({@code nonblocking.enabled=false}), and a second
 * hop to a worker and back for a cache lookup was a fixed cost of every request.
 */
@ApplicationScoped
public class GraphQlRequestGuard {

    private static final Logger LOG = Logger.getLogger(GraphQlRequestGuard.class);
    /** SmallRye replaces raw newlines and tabs in the body by spaces before parsing it as JSON; so do we. */
    private static final Pattern NEWLINE_OR_TAB = Pattern.compile("[\\n\\t]");
    static final int ORDER = -80;

    @Inject
    KgConfig config;

    @Inject
    PersistedQueries persistedQueries;

    @Inject
    GetCaching caching;

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String rootPath;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    /**
     * Documents that passed {@link #checkDocument}, by their text: the check is a pure function of the text and the
     * limits (fixed at start), and clients send the same few documents with different variables, so parsing each
     * again per request was ~10 % of an empty request's CPU. Bounded by total characters (the heap a parsed document
     * holds grows with its text); longer documents are not kept. Refused documents are not kept either.
     */
    private final Cache<String, Document> checked = Caffeine.newBuilder()
            .maximumWeight(MAX_CACHED_CHARACTERS).weigher((String text, Document d) -> text.length()).build();
    static final int MAX_CACHED_CHARACTERS = 1 << 20;
    static final int MAX_CACHED_DOCUMENT = 16 * 1024;

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
        Handler<RoutingContext> onWorker = new BlockingHandlerDecorator(this::check, false);
        router.post(path).order(ORDER)
                .handler(BodyHandler.create().setBodyLimit(maxBodySize.asLongValue()).setHandleFileUploads(false))
                .handler(rc -> {
                    if (!checkedOnEventLoop(rc)) {
                        onWorker.handle(rc);
                    }
                });
        router.get(path).order(ORDER).blockingHandler(this::checkGet, false);
        router.route(path).order(ORDER).failureHandler(this::failure);
    }

    /** A request SmallRye must not see, with the code and message to answer it with. */
    static final class Rejection extends Exception {
        final int status;
        final String code;

        Rejection(String code, String message) {
            this(400, code, message);
        }

        Rejection(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    /**
     * The check of a small POST body on the event loop when it needs no parse of a document: read as JSON (bounded by
     * {@link #MAX_EVENT_LOOP_BODY} and the JSON limits), not an APQ request, and its document already in
     * {@link #checked}. False when the request is to be checked on a worker ({@link #check}) instead; that includes
     * every request to refuse, which {@link #check} reads again and answers as before.
     */
    boolean checkedOnEventLoop(RoutingContext rc) {
        if (rc.body() == null || rc.body().length() > MAX_EVENT_LOOP_BODY) {
            return false;
        }
        Request request;
        try {
            request = readPost(rc);
        } catch (Rejection r) {
            return false;
        }
        if (request.hash != null || request.query == null || checked.getIfPresent(request.query) == null) {
            return false;
        }
        applyStatus(rc);
        rc.next();
        return true;
    }

    /** Largest POST body checked on the event loop (a cached document of at most 16 KB and its variables). */
    static final int MAX_EVENT_LOOP_BODY = 64 * 1024;

    void check(RoutingContext rc) {
        applyStatus(rc);
        try {
            Request request = readPost(rc);
            String query = persisted(rc, request);
            if (query == null) {
                return;
            }
            checkDocument(query);
        } catch (Rejection r) {
            RequestErrors.respond(rc, r.status, r.code, r.getMessage());
            return;
        }
        rc.next();
    }

    /**
     * GET /graphql (GraphQL over HTTP): queries only, with the same parse limits and APQ as POST; successful answers
     * carry Cache-Control and an ETag ({@link GetCaching}). Quarkus bounds the URL (quarkus.http.limits.max-initial-line-length).
     */
    void checkGet(RoutingContext rc) {
        applyStatus(rc);
        String etag;
        try {
            Request request = readGet(rc);
            String query = persisted(rc, request);
            if (query == null) {
                return;
            }
            Document document = checkDocument(query);
            OperationDefinition operation = operation(document, request.operationName);
            if (operation != null && operation.getOperation() != OperationDefinition.Operation.QUERY) {
                rc.response().putHeader(HttpHeaders.ALLOW, "POST");
                throw new Rejection(405, RequestErrors.METHOD_NOT_ALLOWED,
                        "GET runs queries only; send mutations with POST");
            }
            handOver(rc, document, query, operation, request);
            etag = caching.etag(query, String.valueOf(request.operationName), String.valueOf(request.variables));
        } catch (Rejection r) {
            RequestErrors.respond(rc, r.status, r.code, r.getMessage());
            return;
        }
        if (etag != null && etag.equals(rc.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            rc.response().setStatusCode(304).putHeader(HttpHeaders.ETAG, etag)
                    .putHeader(HttpHeaders.CACHE_CONTROL, caching.cacheControl()).end();
            return;
        }
        rc.addHeadersEndHandler(v -> {
            if (rc.response().getStatusCode() == 200 && rc.get(RequestErrors.ERRORS_KEY) == null) {
                rc.response().putHeader(HttpHeaders.CACHE_CONTROL, caching.cacheControl());
                if (etag != null) {
                    rc.response().putHeader(HttpHeaders.ETAG, etag);
                }
            } else {
                rc.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        });
        rc.next();
    }

    private static void applyStatus(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> {
            Integer status = rc.get(RequestErrors.STATUS_KEY);
            if (status != null && rc.response().getStatusCode() == 200) {
                rc.response().setStatusCode(status);
            }
        });
    }

    /** The members of a GraphQL request this guard looks at; query is null when not sent. */
    record Request(String query, String operationName, String variables, String hash, ObjectNode body) {
    }

    /**
     * The query to run after APQ: the one sent (registered under its hash when it carries one), or the one stored
     * under the hash; null when the exchange was answered (hash unknown: PERSISTED_QUERY_NOT_FOUND, HTTP 200 so
     * Apollo's link sends the query again).
     */
    private String persisted(RoutingContext rc, Request request) throws Rejection {
        if (request.hash == null) {
            return requireQuery(request.query == null ? "" : request.query);
        }
        if (request.query != null && !request.query.isBlank()) {
            if (!PersistedQueries.sha256(request.query).equals(request.hash)) {
                throw new Rejection(400, RequestErrors.PERSISTED_QUERY_HASH_MISMATCH,
                        "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query");
            }
            checkDocument(request.query);
            persistedQueries.register(request.hash, request.query);
            return request.query;
        }
        String stored = persistedQueries.find(request.hash);
        if (stored == null) {
            RequestErrors.respond(rc, 200, RequestErrors.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound");
            return null;
        }
        if (request.body != null) {
            // A hash-only POST: SmallRye reads the query from the body.
            request.body.put("query", stored);
            rc.setBody(Buffer.buffer(request.body.toString()));
        }
        return stored;
    }

    /** The operation a request runs; null when graphql-java is to decide (and answer) which one. */
    private static OperationDefinition operation(Document document, String operationName) throws Rejection {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        if (operationName == null) {
            return operations.size() == 1 ? operations.get(0) : null;
        }
        for (OperationDefinition op : operations) {
            if (operationName.equals(op.getName())) {
                return op;
            }
        }
        throw new Rejection(RequestErrors.VALIDATION_FAILED, "Unknown operation named '" + operationName + "'.");
    }

    /**
     * Sets the parameters SmallRye's GET handler reads so that it runs exactly this request. Its handler (Quarkus
     * 3.33) URL-decodes parameters Vert.x already decoded (a '+' or '%' in a query would change) and takes the
     * query text as operationName; so every parameter is handed over encoded once more, and the operation name
     * is replaced by a document holding only the chosen operation (and the fragments).
     */
    private static void handOver(RoutingContext rc, Document document, String query, OperationDefinition operation,
            Request request) {
        String text = query;
        if (operation != null && document.getDefinitionsOfType(OperationDefinition.class).size() > 1) {
            Document only = document.transform(b -> b.definitions(document.getDefinitions().stream()
                    .filter(d -> d == operation || !(d instanceof OperationDefinition)).toList()));
            text = AstPrinter.printAst(only);
        }
        MultiMap params = rc.queryParams();
        params.remove("operationName");
        params.set("query", URLEncoder.encode(text, StandardCharsets.UTF_8));
        if (request.variables != null) {
            params.set("variables", URLEncoder.encode(request.variables, StandardCharsets.UTF_8));
        }
        String extensions = params.get("extensions");
        if (extensions != null) {
            params.set("extensions", URLEncoder.encode(extensions, StandardCharsets.UTF_8));
        }
    }

    private Request readGet(RoutingContext rc) throws Rejection {
        String query = param(rc, "query");
        String operationName = param(rc, "operationName");
        String variables = param(rc, "variables");
        if (variables != null && !variables.isBlank()) {
            JsonNode v = parse(variables, "variables");
            if (!v.isObject() && !v.isNull()) {
                throw new Rejection(RequestErrors.BAD_REQUEST, "variables must be a JSON object or null");
            }
        }
        String extensions = param(rc, "extensions");
        String hash = null;
        if (extensions != null && !extensions.isBlank()) {
            JsonNode e = parse(extensions, "extensions");
            if (!e.isObject() && !e.isNull()) {
                throw new Rejection(RequestErrors.BAD_REQUEST, "extensions must be a JSON object or null");
            }
            hash = hash(e);
        }
        return new Request(query, operationName, variables, hash, null);
    }

    private static String param(RoutingContext rc, String name) throws Rejection {
        List<String> values = rc.queryParam(name);
        if (values.size() > 1) {
            throw new Rejection(RequestErrors.BAD_REQUEST, "parameter " + name + " is given more than once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** The request, read as SmallRye will read it; every other member checked for the type SmallRye expects. */
    private Request readPost(RoutingContext rc) throws Rejection {
        String contentType = rc.request().getHeader("Content-Type");
        String body = rc.body() == null ? null : rc.body().asString();
        body = body == null ? "" : NEWLINE_OR_TAB.matcher(body).replaceAll(" ");
        if (contentType != null && contentType.startsWith("application/graphql")) {
            return new Request(requireQuery(body), null, null, null, null);
        }
        if (body.isBlank()) {
            throw new Rejection(RequestErrors.BAD_REQUEST, "the request body is empty: send a JSON object with a query");
        }
        JsonNode request = parse(body, "request body");
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
        JsonNode name = request.get("operationName");
        return new Request(query == null || query.isNull() ? null : query.textValue(),
                name == null || name.isNull() ? null : name.textValue(), null, hash(request.get("extensions")),
                (ObjectNode) request);
    }

    /** extensions.persistedQuery.sha256Hash, checked; null when the request is not an APQ request. */
    private static String hash(JsonNode extensions) throws Rejection {
        JsonNode pq = extensions == null ? null : extensions.get("persistedQuery");
        if (pq == null || pq.isNull()) {
            return null;
        }
        JsonNode version = pq.get("version");
        if (!pq.isObject() || (version != null && !(version.isInt() && version.intValue() == 1))) {
            throw new Rejection(RequestErrors.BAD_REQUEST, "extensions.persistedQuery must be {version: 1, sha256Hash}");
        }
        JsonNode hash = pq.get("sha256Hash");
        if (hash == null || !hash.isTextual() || !PersistedQueries.isHash(hash.textValue())) {
            throw new Rejection(RequestErrors.BAD_REQUEST,
                    "extensions.persistedQuery.sha256Hash must be 64 lower-case hex digits");
        }
        return hash.textValue();
    }

    private JsonNode parse(String text, String what) throws Rejection {
        try {
            return json.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new Rejection(RequestErrors.BAD_REQUEST, "the " + what + " JSON is nested deeper than "
                    + config.limits().maxJsonDepth() + " levels or holds an over-long number or string");
        } catch (JsonProcessingException e) {
            throw new Rejection(RequestErrors.BAD_REQUEST, "the " + what + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }

    private static void member(JsonNode request, String name, Predicate<JsonNode> type,
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
    private Document checkDocument(String query) throws Rejection {
        Document known = checked.getIfPresent(query);
        if (known != null) {
            return known;
        }
        Document document = parseChecked(query);
        if (query.length() <= MAX_CACHED_DOCUMENT) {
            checked.put(query, document);
        }
        return document;
    }

    private Document parseChecked(String query) throws Rejection {
        int limit = config.limits().maxNumberDigits();
        if (query.length() > limit && GraphQlNumbers.longestDigitRun(query) > limit) {
            throw new Rejection(RequestErrors.PARSE_FAILED, "the document holds a number literal longer than "
                    + limit + " digits");
        }
        try {
            return Parser.parse(ParserEnvironment.newParserEnvironment().document(query).parserOptions(parserOptions).build());
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
