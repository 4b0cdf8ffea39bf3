package dev.kggateway.analyst;

import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.error.StoreUnavailableException;
import dev.kggateway.security.RouteAccess;
import dev.kggateway.store.AnalystQuery;
import dev.kggateway.store.GraphStore;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.eclipse.rdf4j.common.lang.FileFormat;
import org.eclipse.rdf4j.query.impl.IteratingTupleQueryResult;
import org.eclipse.rdf4j.query.resultio.BooleanQueryResultFormat;
import org.eclipse.rdf4j.query.resultio.QueryResultIO;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultFormat;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.jboss.logging.Logger;

/**
 * {@code /sparql}: the SPARQL 1.1 Protocol query operation (GET {@code ?query=}, POST form {@code query=}, POST
 * {@code application/sparql-query}), read only. The text is checked ({@link AnalystQuery}), run by the store within
 * kg.sparql.timeout and cut at kg.sparql.max-rows, then written by RDF4J's writer for the negotiated format.
 * Errors are plain-text bodies with a status: 400 malformed, 403 update, 406 no acceptable format, 415 body type,
 * 503 timeout or store unavailable; never a 500 for anything a client sends.
 */
@ApplicationScoped
public class SparqlEndpoint {

    private static final Logger LOG = Logger.getLogger(SparqlEndpoint.class);
    /** Set when the row cap cut the answer; the value is the cap. */
    public static final String TRUNCATED_HEADER = "KG-Results-Truncated";
    static final String PATH = "/sparql";

    @Inject
    KgConfig config;

    @Inject
    GraphStore store;

    @Inject
    SparqlTimeLimit timeLimit;

    @Inject
    RouteAccess access;

    void register(@Observes Router router) {
        if (!config.sparql().enabled()) {
            return;
        }
        // Vert.x matches "/sparql-ui/" here too; only the bare path is redirected (static files serve the rest).
        router.get("/sparql-ui").handler(rc -> {
            if (rc.request().path().equals("/sparql-ui")) {
                rc.response().setStatusCode(301).putHeader("Location", "/sparql-ui/").end();
            } else {
                rc.next();
            }
        });
        router.get(PATH).blockingHandler(this::handle, false);
        // Room for the longest query, percent-encoded in a form; a larger body is answered 413 by the handler.
        router.post(PATH).handler(BodyHandler.create()
                .setBodyLimit(3L * config.sparql().maxQueryLength() + 1024).setHandleFileUploads(false))
                .blockingHandler(this::handle, false);
    }

    void handle(RoutingContext rc) {
        try {
            RouteAccess.Denial denial = access.requireReader(rc, true);
            if (denial != null) {
                text(rc, denial.status(), denial.message());
                return;
            }
            if (rc.request().method() == HttpMethod.GET && rc.queryParam("query").isEmpty()
                    && rc.queryParam("update").isEmpty() && accepts(rc, "text/html")) {
                rc.response().setStatusCode(303).putHeader("Location", "/sparql-ui/").end();
                return;
            }
            String query = queryText(rc);
            if (query == null) {
                return; // answered
            }
            AnalystQuery parsed = AnalystQuery.parse(query, config.sparql().maxQueryLength());
            List<FileFormat> offered = ResultFormats.of(parsed.form());
            FileFormat format = ResultFormats.negotiate(rc, offered);
            if (format == null) {
                text(rc, 406, "no acceptable result format for a " + parsed.form() + " query; offered: "
                        + ResultFormats.list(offered));
                return;
            }
            int maxRows = config.sparql().maxRows();
            AnalystQuery.Result result = store.query("analyst", parsed, maxRows, timeLimit.current());
            write(rc, format, result, maxRows);
        } catch (AnalystQuery.Refused e) {
            text(rc, e.reason() == AnalystQuery.Refusal.UPDATE ? 403 : 400, e.getMessage());
        } catch (AnalystQuery.TimedOut e) {
            text(rc, 503, e.getMessage());
        } catch (StoreUnavailableException e) {
            text(rc, 503, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "SPARQL endpoint failed");
            text(rc, 500, "internal error (see the gateway log, request id " + rc.get("requestId") + ")");
        }
    }

    /** The query text by the protocol's three ways of sending it; null after answering a request that has none. */
    private String queryText(RoutingContext rc) {
        var request = rc.request();
        if (request.method() == HttpMethod.GET) {
            if (!rc.queryParam("update").isEmpty()) {
                return refuseUpdate(rc);
            }
            if (!rc.queryParam("default-graph-uri").isEmpty() || !rc.queryParam("named-graph-uri").isEmpty()) {
                return unsupportedDataset(rc);
            }
            List<String> queries = rc.queryParam("query");
            if (queries.size() > 1) {
                text(rc, 400, "exactly one 'query' parameter, please");
                return null;
            }
            return queries.isEmpty() ? "" : queries.get(0);
        }
        String contentType = request.getHeader("Content-Type");
        String mime = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        switch (mime) {
            case "application/x-www-form-urlencoded" -> {
                var form = request.formAttributes();
                if (form.contains("update")) {
                    return refuseUpdate(rc);
                }
                if (form.contains("default-graph-uri") || form.contains("named-graph-uri")
                        || !rc.queryParam("default-graph-uri").isEmpty() || !rc.queryParam("named-graph-uri").isEmpty()) {
                    return unsupportedDataset(rc);
                }
                if (form.getAll("query").size() > 1) {
                    text(rc, 400, "exactly one 'query' parameter, please");
                    return null;
                }
                String query = form.get("query");
                return query == null ? "" : query;
            }
            case "application/sparql-query" -> {
                if (!rc.queryParam("default-graph-uri").isEmpty() || !rc.queryParam("named-graph-uri").isEmpty()) {
                    return unsupportedDataset(rc);
                }
                return rc.body() == null || rc.body().buffer() == null ? "" : rc.body().asString("UTF-8");
            }
            case "application/sparql-update" -> {
                return refuseUpdate(rc);
            }
            default -> {
                text(rc, 415, "send the query as application/x-www-form-urlencoded (query=...) or as"
                        + " application/sparql-query");
                return null;
            }
        }
    }

    private String refuseUpdate(RoutingContext rc) {
        text(rc, 403, "SPARQL updates are not accepted here: /sparql is read only. Change data through the GraphQL"
                + " mutations or bulk-load");
        return null;
    }

    private String unsupportedDataset(RoutingContext rc) {
        text(rc, 400, "default-graph-uri and named-graph-uri are not supported: name the graph in the query (GRAPH)");
        return null;
    }

    private static boolean accepts(RoutingContext rc, String mime) {
        return rc.parsedHeaders().accept().stream()
                .anyMatch(h -> h.weight() > 0 && (h.component() + "/" + h.subComponent()).equalsIgnoreCase(mime));
    }

    /** Writes the (bounded) answer in the chosen format. */
    private static void write(RoutingContext rc, FileFormat format, AnalystQuery.Result result, int maxRows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        switch (result.form()) {
            case SELECT -> {
                try {
                    QueryResultIO.writeTuple(new IteratingTupleQueryResult(result.bindingNames(), result.rows()),
                            (TupleQueryResultFormat) format, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
                }
            }
            case ASK -> QueryResultIO.writeBoolean(result.answer(), (BooleanQueryResultFormat) format, out);
            case CONSTRUCT, DESCRIBE -> {
                RDFWriter writer = Rio.createWriter((RDFFormat) format, out);
                writer.startRDF();
                result.namespaces().forEach(writer::handleNamespace);
                result.statements().forEach(writer::handleStatement);
                writer.endRDF();
            }
        }
        var response = rc.response();
        response.putHeader("Content-Type", format.getDefaultMIMEType()
                + (format.hasCharset() ? "; charset=" + format.getCharset().name() : ""));
        response.putHeader("Vary", "Accept");
        if (result.truncated()) {
            response.putHeader(TRUNCATED_HEADER, Integer.toString(maxRows));
        }
        response.end(Buffer.buffer(out.toByteArray()));
    }

    static void text(RoutingContext rc, int status, String message) {
        if (rc.response().ended()) {
            return;
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=UTF-8")
                .end(message + "\n");
    }
}
