package dev.kggateway.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * GraphiQL opens on an example query (resource {@code graphiql/example.graphql}) instead of its stock welcome text.
 * Quarkus 3.33 has no setting for GraphiQL's default query, but the bundled GraphiQL page reads {@code ?query=}
 * from its URL; so a bare {@code /q/graphql-ui/} is redirected to itself with the example in that parameter. Any
 * other query string (a shared link, GraphiQL's own URL updates) is left alone.
 */
@ApplicationScoped
public class GraphiQlExample {

    public static final String UI_PATH = "/q/graphql-ui/";
    static final String RESOURCE = "graphiql/example.graphql";

    public static String query() {
        try (InputStream in = GraphiQlExample.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The GraphiQL address with the example query in it. */
    public static String withExample(String base) {
        return base + "?query=" + URLEncoder.encode(query(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    void register(@Observes Router router) {
        String location = withExample(UI_PATH);
        router.route(HttpMethod.GET, UI_PATH).order(-50).handler(rc -> redirectBare(rc, location));
    }

    private static void redirectBare(RoutingContext rc, String location) {
        String q = rc.request().query();
        if (q != null && !q.isEmpty()) {
            rc.next();
            return;
        }
        rc.response().setStatusCode(302).putHeader("Location", location).end();
    }
}
