package dev.kggateway.analyst;

import dev.kggateway.bulk.GraphExporter;
import dev.kggateway.config.KgConfig;
import dev.kggateway.security.RouteAccess;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * {@code GET /export?format=nquads|turtle|jsonl}: the whole graph as a download (what the
 * {@code export} command writes, for a live server whose embedded store the command cannot open). It reads what
 * queries read, in bulk, so it needs kg-reader (or kg-writer) whenever kg.auth.enabled, even while queries are open.
 * At most kg.export.max-concurrent run at once; one more is answered 503. RDF exports of the embedded store are
 * spooled to a file first ({@link ExportSpool}), so the store is held for the time it takes to write the file, not
 * for the client's download; JSON lines and remote stores are streamed as they are read.
 */
@ApplicationScoped
public class ExportEndpoint {

    private static final Logger LOG = Logger.getLogger(ExportEndpoint.class);

    /** Folder of {@code kg.store.path} where RDF exports of the embedded store are spooled ({@link ExportSpool}). */
    static final String SPOOL_FOLDER = "export-spool";

    @Inject
    KgConfig config;

    @Inject
    GraphExporter exporter;

    @Inject
    RouteAccess access;

    private Semaphore running;

    void register(@Observes Router router) {
        running = new Semaphore(Math.max(1, config.export().maxConcurrent()));
        try {
            int left = ExportSpool.removeLeftovers(spoolFolder());
            if (left > 0) {
                LOG.infof("export: removed %d spool files left by an earlier run in %s", left, spoolFolder());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("export: could not remove old spool files in %s (%s); they only take disk", spoolFolder(), e);
        }
        router.get("/export").blockingHandler(this::handle, false);
    }

    /**
     * An export that holds the embedded store while it is written (N-Quads, Turtle): written to a spool file first,
     * at disk speed, then sent from the file, so a client that reads slowly (or not at all) holds up no write. The
     * spool is deleted however the download ends.
     */
    private void spooled(RoutingContext rc, GraphExporter.Format format) throws Exception {
        long started = System.nanoTime();
        long[] records = {0};
        try (ExportSpool spool = ExportSpool.write(spoolFolder(), spoolFloor(),
                out -> records[0] = exporter.export(format, out))) {
            long spooledMs = (System.nanoTime() - started) / 1_000_000;
            ResponseStream out = startDownload(rc, format);
            try (var in = spool.open()) {
                in.transferTo(out);
            }
            out.close();
            LOG.infof("export: %d statements as %s, %d MB spooled in %d ms (the store's read), sent in %d ms",
                    records[0], format.name().toLowerCase(), spool.size() >> 20, spooledMs,
                    (System.nanoTime() - started) / 1_000_000 - spooledMs);
        }
    }

    private ResponseStream startDownload(RoutingContext rc, GraphExporter.Format format) {
        rc.response().putHeader("Content-Type", format.contentType + "; charset=UTF-8")
                .putHeader("Content-Disposition", "attachment; filename=\"kg-export." + format.extension + "\"");
        return new ResponseStream(rc.response());
    }

    /**
     * {@code <kg.store.path>/export-spool}: the store's own disk, whose free space the gateway watches and which a
     * deployment sizes for the data (the container's /tmp is a small emptyDir in the manifests, and an emptyDir over
     * its size limit gets the pod evicted rather than the write refused).
     */
    Path spoolFolder() {
        return Path.of(config.store().path(), SPOOL_FOLDER);
    }

    /**
     * The spool stops below twice the store's reserve (at least 64 MB): writes keep their reserve and as much again
     * while an export spools.
     */
    private long spoolFloor() {
        return Math.max(2 * config.store().minFreeSpace().asLongValue(), 64L << 20);
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
            if (exporter.holdsTheStoreWhileWriting(format)) {
                spooled(rc, format);
            } else {
                ResponseStream out = startDownload(rc, format);
                long records = exporter.export(format, out);
                out.close();
                LOG.infof("export: %d %s as %s", records, format == GraphExporter.Format.JSONL ? "products"
                        : "statements", format.name().toLowerCase());
            }
        } catch (ExportSpool.NoRoom e) {
            LOG.warnf("export as %s refused: %s", format, e.getMessage());
            SparqlEndpoint.text(rc, 507, "export refused: " + e.getMessage());
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
