package dev.kggateway.analyst;

import dev.kggateway.bulk.GraphExporter;
import dev.kggateway.config.KgConfig;
import dev.kggateway.security.RouteAccess;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * {@code GET /export?format=nquads|turtle|jsonl}: the whole graph as a download, streamed (what the
 * {@code export} command writes, for a live server whose embedded store the command cannot open). It reads what
 * queries read, in bulk, so it needs kg-reader (or kg-writer) whenever kg.auth.enabled, even while queries are open.
 * At most kg.export.max-concurrent run at once; one more is answered 503.
 */
@ApplicationScoped
public class ExportEndpoint {

    private static final Logger LOG = Logger.getLogger(ExportEndpoint.class);

    @Inject
    KgConfig config;

    @Inject
    GraphExporter exporter;

    @Inject
    RouteAccess access;

    private Semaphore running;

    void register(@Observes Router router) {
        running = new Semaphore(Math.max(1, config.export().maxConcurrent()));
        router.get("/export").blockingHandler(this::handle, false);
    }

    void handle(RoutingContext rc) {
        RouteAccess.Denial denial = access.requireReader(rc, false);
        if (denial != null) {
            SparqlEndpoint.text(rc, denial.status(), denial.message());
            return;
        }
        List<String> names = rc.queryParam("format");
        GraphExporter.Format format = names.size() == 1 ? GraphExporter.Format.named(names.get(0)) : null;
        if (format == null) {
            SparqlEndpoint.text(rc, 400, "give format=nquads, format=turtle or format=jsonl");
            return;
        }
        if (!running.tryAcquire()) {
            rc.response().putHeader("Retry-After", "60");
            SparqlEndpoint.text(rc, 503, "an export is already running; retry when it is done");
            return;
        }
        try {
            rc.response().putHeader("Content-Type", format.contentType + "; charset=UTF-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"kg-export." + format.extension + "\"");
            ResponseStream out = new ResponseStream(rc.response());
            long records = exporter.export(format, out);
            out.close();
            LOG.infof("export: %d %s as %s", records, format == GraphExporter.Format.JSONL ? "products" : "statements",
                    format.name().toLowerCase());
        } catch (Exception e) {
            // Headers (200) may be out already: the client sees a cut-off chunked body, which it cannot take for
            // a complete file (no terminating chunk).
            LOG.warnf("export as %s failed: %s", format, e.toString());
            if (!rc.response().headWritten()) {
                SparqlEndpoint.text(rc, 503, "export failed: " + e.getMessage());
            } else {
                rc.response().reset();
            }
        } finally {
            running.release();
        }
    }
}
