package dev.kggateway.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.api.GraphiQlExample;
import dev.kggateway.limits.InferenceGuard;
import dev.kggateway.support.Gql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.junit.jupiter.api.Test;

/** Metrics, request ids, liveness and the inference bulkhead, on the default test profile. */
@QuarkusTest
class ObservabilityTest {

    @Inject
    InferenceGuard inference;

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void metricsNameGraphQlOperationsAndSparqlQueries() {
        Gql.ok("{ products(first: 3) { edges { node { id } } } propertyTypes { type } }");
        String m = metrics();
        // SPARQL latency per named query (our interceptor on GraphStore). propertyTypes always reaches the store
        // (once per cache generation); an embedded products page is answered by the listing index, not SPARQL.
        assertTrue(Pattern.compile("kg_sparql_seconds_count\\{[^}]*query=\"property-type-stats\"").matcher(m).find(),
                "no SPARQL timer for property-type-stats in\n" + grep(m, "kg_sparql"));
        assertTrue(Pattern.compile("kg_sparql_seconds_count\\{[^}]*operation=\"select\"[^}]*outcome=\"ok\"").matcher(m).find()
                || Pattern.compile("kg_sparql_seconds_count\\{[^}]*outcome=\"ok\"").matcher(m).find());
        // The sample catalogue was written at start-up through the embedded fast path, timed under its query name.
        assertTrue(Pattern.compile("kg_sparql_seconds_count\\{[^}]*operation=\"statements\"[^}]*query=\"replace-product\"").matcher(m).find(),
                grep(m, "replace-product"));
        // GraphQL latency per operation/field (GraphQlOperationTimer; SmallRye's own timers record nothing in blocking mode).
        assertTrue(Pattern.compile("mp_graphql_seconds_count\\{[^}]*name=\"products\"").matcher(m).find(),
                "no GraphQL timer for products in\n" + grep(m, "graphql"));
        // Cache hit ratio inputs (result caches from main): the same product twice is a miss then a hit.
        String id = Gql.ok("{ products(first: 1) { edges { node { id } } } }").getString("data.products.edges[0].node.id");
        Gql.ok("query($id: ID!) { product(id: $id) { id } }", Map.of("id", id));
        Gql.ok("query($id: ID!) { product(id: $id) { id } }", Map.of("id", id));
        String m2 = metrics();
        assertTrue(Pattern.compile("cache_gets_total\\{[^}]*cache=\"kg-products\"[^}]*result=\"hit\"[^}]*} [1-9]").matcher(m2).find()
                || Pattern.compile("cache_gets_total\\{[^}]*result=\"hit\"[^}]*cache=\"kg-products\"[^}]*} [1-9]").matcher(m2).find(),
                grep(m2, "cache_gets"));
        // HTTP server latency, for the /graphql route as a whole.
        assertTrue(m.contains("http_server_requests_seconds_count"), grep(m, "http_server"));
    }

    @Test
    void graphiqlOpensOnAnExampleQueryThatRuns() {
        String location = given().redirects().follow(false).get("/q/graphql-ui/").then().statusCode(302)
                .extract().header("Location");
        assertEquals(GraphiQlExample.withExample("/q/graphql-ui/"), location);
        String query = java.net.URLDecoder.decode(location.substring(location.indexOf("?query=") + 7),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(GraphiQlExample.query(), query);
        assertTrue(Gql.ok(query, Map.of()).getInt("data.products.totalCount") > 0);
        // GraphiQL itself still answers, and a link with its own query is not redirected.
        String page = given().get(location).then().statusCode(200).extract().asString();
        assertTrue(page.contains("graphiql"), page);
        given().redirects().follow(false).get("/q/graphql-ui/?query=%7B__typename%7D").then().statusCode(200);
    }

    static String grep(String text, String word) {
        StringBuilder b = new StringBuilder();
        text.lines().filter(l -> l.contains(word)).limit(30).forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        String echoed = given().header("X-Request-Id", "trace-abc.123").contentType(ContentType.JSON)
                .body(Map.of("query", "{ propertyTypes { type } }")).post("/graphql")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertEquals("trace-abc.123", echoed);
        String generated = given().get("/q/health/live").then().extract().header("X-Request-Id");
        assertTrue(generated != null && generated.matches("[0-9a-f-]{36}"), generated);
        String other = given().get("/q/health/live").then().extract().header("X-Request-Id");
        assertNotEquals(generated, other);
        // An id unfit for logs (spaces, quotes) is replaced, not echoed.
        String replaced = given().header("X-Request-Id", "bad id\" injected").get("/q/health/live")
                .then().extract().header("X-Request-Id");
        assertTrue(replaced.matches("[0-9a-f-]{36}"), replaced);
    }

    @Test
    void livenessIsUpAndIndependentOfTheStore() {
        String body = given().get("/q/health/live").then().statusCode(200).extract().asString();
        assertTrue(body.contains("\"jvm\""), body);
        assertTrue(!body.contains("graph-store"), body);
    }

    @Test
    void inferenceBulkheadRejectsBeyondConfiguredConcurrency() throws Exception {
        // kg.limits.inference-concurrency=2 (the annotation says 1): two calls run, the third is refused at once.
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> inference.run(() -> hold(running, release)));
            Future<?> b = pool.submit(() -> inference.run(() -> hold(running, release)));
            assertTrue(running.await(10, TimeUnit.SECONDS), "two inference calls should run side by side");
            assertThrows(BulkheadException.class, () -> inference.run(() -> "third"));
            release.countDown();
            a.get(10, TimeUnit.SECONDS);
            b.get(10, TimeUnit.SECONDS);
            assertEquals("after", inference.run(() -> "after"));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static String hold(CountDownLatch running, CountDownLatch release) {
        running.countDown();
        try {
            release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "held";
    }
}
