package dev.kggateway.analyst;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.support.KgConfigKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The /sparql contract on the default embedded store (same profile as EmbeddedCatalogTest: no extra start). */
@QuarkusTest
class EmbeddedSparqlEndpointTest extends SparqlEndpointContractTest {

    @Test
    void aQueryOverItsTimeLimitIs503AndTheServerGoesOn() {
        // The limit (kg.sparql.timeout, mapped as at start-up) is 1 s for this test only: what is asserted is that the
        // query is stopped with a 503 and the server goes on, not how long the shipped 8 s are (the shared test
        // application keeps 8 s for rowsAreCutAtTheConfiguredCap's long query).
        SparqlTimeLimit oneSecond = new SparqlTimeLimit();
        oneSecond.config = KgConfigKeys.mapping(Map.of("kg.sparql.timeout", "1s"));
        QuarkusMock.installMockForType(oneSecond, SparqlTimeLimit.class);
        // A triple cross join over every statement: far more than either limit allows. Embedded only:
        // RDF4J stops it locally at the limit (a remote server might keep computing after the client gave up).
        String heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        long start = System.nanoTime();
        Response r = given().queryParam("query", heavy).get("/sparql");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(503, r.statusCode(), r.asString());
        assertTrue(r.asString().contains("kg.sparql.timeout"), r.asString());
        // A hang bounded by the configured limit, not a speed check: the cross join runs for far longer than a minute
        // unless stopped, so 60 times the 1 s limit is a wide margin for a loaded machine that still fails if the
        // limit is not applied (the 503 and its kg.sparql.timeout message above say the limit is what stopped it).
        double bound = 60 * oneSecond.config.sparql().timeout().toMillis() / 1000.0;
        assertTrue(seconds < bound, "stopped near its limit, not after " + seconds + " s (bound " + bound + " s)");
        given().queryParam("query", COUNT).get("/sparql").then().statusCode(200);
    }

    @TestHTTPResource("/sparql-ui/")
    URL ui;

    @Test
    void uiRendersInARealBrowserWithTheExampleTabs() throws Exception {
        // Debian's chromium, headless: the vendored YASGUI must load and run with no network but this server,
        // and open the examples (fetched from the server) as tabs.
        Path chromium = Path.of("/usr/bin/chromium");
        assertTrue(Files.isExecutable(chromium), "Debian's chromium is needed for this test (apt-get install chromium)");
        Path profile = Files.createTempDirectory("sparql-ui-chromium");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + profile, "--virtual-time-budget=15000", "--dump-dom", ui.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] dom = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
        String html = new String(dom, StandardCharsets.UTF_8);
        assertTrue(html.contains("class=\"yasqe"), "YASGUI drew its editor: " + html.length() + " chars");
        for (String tab : new String[] { "Similar products", "Property types", "NER extractions",
                "Neighbourhood (CONSTRUCT)" }) {
            assertTrue(html.contains(">" + tab + "<"), "tab " + tab);
        }
        assertTrue(html.contains("kg:hasProperty"), "the similar-products example is in the editor");
    }
}
