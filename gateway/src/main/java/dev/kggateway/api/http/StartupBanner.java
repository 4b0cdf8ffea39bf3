package dev.kggateway.api.http;

import dev.kggateway.api.GraphiQlExample;
import dev.kggateway.config.RunMode;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Once the HTTP server listens, one log line with the addresses a person opens: GraphiQL (with its example query)
 * when it is built in and enabled, and the graph explorer and SPARQL UI when this build serves them (a route or a
 * static page at that path). Not in command runs, which serve nothing.
 */
@ApplicationScoped
public class StartupBanner {

    @Inject
    RunMode runMode;

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);
    /** Pages other parts may add; printed only when present. */
    private static final List<String> OPTIONAL_PAGES = List.of("/explore", "/sparql-ui");

    private final AtomicBoolean printed = new AtomicBoolean();
    private volatile Router router;

    void keep(@Observes Router router) {
        this.router = router;
    }

    void onListen(@ObservesAsync HttpServerStart start) { // Quarkus fires it asynchronously
        if (runMode.command() || !printed.compareAndSet(false, true)) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        String host = start.options().getHost();
        int port = start.options().getPort();
        // A random port (0, as in tests) is not known yet here: print paths, the port is in "Listening on".
        String base = port <= 0 ? "" : "http://" + (host == null || host.equals("0.0.0.0") || host.equals("::")
                ? "localhost" : host) + ":" + port;
        List<String> lines = new ArrayList<>();
        boolean graphiql = config.getOptionalValue("quarkus.smallrye-graphql.ui.always-include", Boolean.class)
                .orElse(false) && config.getOptionalValue("quarkus.smallrye-graphql.ui.enabled", Boolean.class)
                .orElse(true);
        if (graphiql) {
            lines.add("GraphiQL " + base + GraphiQlExample.UI_PATH);
        }
        for (String page : OPTIONAL_PAGES) {
            if (served(page)) {
                lines.add(page.substring(1) + " " + base + page);
            }
        }
        lines.add("GraphQL endpoint " + base + "/graphql");
        LOG.infof("Open: %s", String.join(" | ", lines));
    }

    private boolean served(String page) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        for (String file : List.of(page + "/index.html", page + ".html")) {
            if (cl.getResource("META-INF/resources" + file) != null) {
                return true;
            }
        }
        Router r = router;
        if (r != null) {
            for (Route route : r.getRoutes()) {
                String path = route.getPath();
                if (path != null && (path.equals(page) || path.startsWith(page + "/"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
