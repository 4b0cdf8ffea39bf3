package dev.kggateway.explore;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The graph explorer is a static page (META-INF/resources/explore/, drawn by Cytoscape.js, fed by /graphql). Static
 * files are served per directory, so {@code /explore} itself would be a 404: it redirects to {@code /explore/},
 * keeping the query string ({@code ?id=…}) so that links such as {@code /explore?id=FLT-000001} work.
 */
@ApplicationScoped
public class ExplorerRoute {

    public static final String PATH = "/explore";

    void register(@Observes Router router) {
        router.get(PATH).handler(this::redirect);
    }

    void redirect(RoutingContext rc) {
        if (!PATH.equals(rc.request().path())) {
            rc.next(); // Vert.x also matches "/explore/" here: that one is the page itself
            return;
        }
        String query = rc.request().query();
        // Only our own fixed path goes into Location; the query string is passed on as the client sent it.
        String location = PATH + "/" + (query == null || query.isEmpty() ? "" : "?" + query);
        rc.response().setStatusCode(302).putHeader("Location", location).end();
    }
}
