package dev.kggateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.security.ApiKeyAuthenticationMechanism;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up log of the packaged gateway as operators run it (real model through DJL/TensorFlow, sample catalogue
 * loaded into a fresh embedded store): with JSON logging every line is JSON and none is a warning (no GPU probe
 * noise, no raw TensorFlow stderr, TF_CPP_MIN_LOG_LEVEL removed from the environment); in text format no line has
 * an empty request id, and the only request-scoped lines are readiness probes answered DOWN while the server warms
 * itself up (kg.warm-up.*, also checked here: it runs before ready); the GraphiQL address is printed once. bench/startup-log.sh prints the same counts.
 * The text-format start also checks the shipped auth defaults (auth on, no key, no JWT key configured: a fresh
 * machine running the README command): queries work, mutations are refused (moved here from a @QuarkusTest of its
 * own, which cost a Quarkus application build and start for one request pair), and the first start as a user gets
 * it: the bundled sample catalogue loaded and enriched by the shipped model, with no junk property node (moved here
 * from SampleCatalogueEnrichmentTest, whose own Quarkus application - model, sample loaded and enriched on start -
 * was the same start as this one; the text-format start serves both tests).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the JSON start first, alone; then the shared text-format one
class StartupLogIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The text-format start, shared by the tests that read it: its log (collected once ready) and its process. */
    private List<String> textLines;
    private Process textProcess;
    private URI textGraphql;

    @Test
    @Order(1)
    void jsonStartUpLogIsAllJsonWithoutWarnings() throws Exception {
        List<String> lines = startAndCollect(true);
        List<String> notJson = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int graphiql = 0;
        for (String line : lines) {
            JsonNode rec;
            try {
                rec = JSON.readTree(line);
            } catch (Exception e) {
                notJson.add(line);
                continue;
            }
            String level = rec.path("level").asText();
            if (level.equals("WARN") || level.equals("ERROR") || level.equals("FATAL")) {
                warnings.add(line);
            }
            assertTrue(!rec.path("mdc").has("requestId") || !rec.path("mdc").path("requestId").asText().isEmpty(), line);
            if (rec.path("message").asText().contains("/q/graphql-ui/")) {
                graphiql++;
            }
        }
        assertEquals(List.of(), notJson, "lines that are not JSON");
        assertEquals(List.of(), warnings, "warnings at start-up");
        assertEquals(1, graphiql, "GraphiQL address lines:\n" + String.join("\n", lines));
        System.out.printf("StartupLogIT: JSON start-up log: %d lines, %d not JSON, %d WARN%n", lines.size(),
                notJson.size(), warnings.size());
    }

    @Test
    @Order(2)
    void textStartUpLogHasNoEmptyRequestIdAndShippedAuthDefaultsHold() throws Exception {
        List<String> lines = textStart();
        assertTrue(lines.stream().anyMatch(l -> l.contains("started in")), String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(l -> l.contains("[rid=]")), String.join("\n", lines));
        // The only request-scoped lines of a start: readiness probes answered DOWN while the warm-up runs
        // (kg.warm-up.*), every other check UP in them.
        assertEquals(List.of(), lines.stream().filter(l -> l.contains("rid=")).filter(l -> !downForWarmUpOnly(l)).toList());
        assertTrue(lines.stream().noneMatch(l -> l.contains(" WARN ")), String.join("\n", lines));
        queriesWorkMutationsAreRefused(textGraphql);
    }

    /**
     * The packaged server with the shipped defaults warms itself up before readiness says UP (kg.warm-up.*, on in
     * production mode only): the warm-up's closing line is in the log collected once ready, and its rounds went over
     * the sample catalogue's products page after page.
     */
    @Test
    @Order(2)
    void warmsUpBeforeItIsReady() throws Exception {
        List<String> lines = textStart();
        List<String> warmUp = lines.stream().filter(l -> l.contains("Warm-up: ")).toList();
        assertEquals(1, warmUp.size(), String.join("\n", lines));
        Matcher m = Pattern.compile("Warm-up: (\\d+) of 1000 rounds over (\\d+) products")
                .matcher(warmUp.get(0));
        assertTrue(m.find(), warmUp.get(0));
        assertTrue(Integer.parseInt(m.group(1)) > 0, warmUp.get(0));
        assertEquals(300, Integer.parseInt(m.group(2)), warmUp.get(0));
    }

    private static boolean downForWarmUpOnly(String line) {
        return line.contains("SRHCK01001") && line.contains("{\"name\":\"warm-up\",\"status\":\"DOWN\"")
                && line.split("\"status\":\"DOWN\"", -1).length == 3; // the overall status and the warm-up's
    }

    static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "and", "as", "at", "by", "for", "from", "in", "of",
            "on", "or", "per", "the", "to", "with", "x");

    /**
     * No stored property node of the enriched sample catalogue may be junk, whatever the model: every value has a
     * letter or digit, is a handful of words at most, and is not just a function word.
     */
    @Test
    @Order(3)
    void theEnrichedSampleCatalogueHasNoJunkNode() throws Exception {
        textStart();
        assertEquals(300, query("{ products { totalCount } }", null).path("data").path("products").path("totalCount").asInt());
        List<JsonNode> nodes = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = query("query($after: String) { properties(first: 100, after: $after) { edges { node { type value productCount } } "
                    + "pageInfo { hasNextPage endCursor } } }", after).path("data").path("properties");
            page.path("edges").forEach(e -> nodes.add(e.path("node")));
            after = page.path("pageInfo").path("hasNextPage").asBoolean() ? page.path("pageInfo").path("endCursor").asText() : null;
        } while (after != null);
        assertTrue(nodes.size() > 100, "the catalogue has many distinct properties: " + nodes.size());
        List<String> junk = new ArrayList<>();
        for (JsonNode n : nodes) {
            String value = n.path("value").asText();
            String[] words = value.split(" ");
            boolean bad = value.codePoints().noneMatch(Character::isLetterOrDigit) || words.length > 6
                    || (words.length == 1 && FUNCTION_WORDS.contains(value.replaceAll("\\p{Punct}", "")))
                    || !value.equals(value.strip()) || value.contains("  ");
            if (bad) {
                junk.add(n.path("type").asText() + "=" + value + " (" + n.path("productCount").asInt() + " products)");
            }
        }
        assertTrue(junk.isEmpty(), "junk nodes: " + junk);
        int ner = 0;
        for (JsonNode p : query("{ products(first: 100) { edges { node { properties(source: NER) { value } } } } }", null)
                .path("data").path("products").path("edges")) {
            ner += p.path("node").path("properties").size();
        }
        assertTrue(ner > 0, "the sample catalogue was enriched");
    }

    /** A query (with an optional {@code $after}) against the text-format start; fails on any GraphQL error. */
    private JsonNode query(String query, String after) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        if (after != null) {
            body.put("variables", Map.of("after", after));
        }
        HttpResponse<String> r = post(textGraphql, JSON.writeValueAsString(body), null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode json = JSON.readTree(r.body());
        assertTrue(json.path("errors").isMissingNode(), r.body());
        return json;
    }

    /** Starts the text-format gateway once for the tests that share it; returns its start-up log. */
    private List<String> textStart() throws Exception {
        if (textProcess == null) {
            Path log = tmp.resolve("text.log");
            int port = PackagedApp.freePort();
            textProcess = start(false, port, log);
            textGraphql = URI.create("http://127.0.0.1:" + port + "/graphql");
            textLines = awaitReadyAndCollect(textProcess, port, log);
        }
        return textLines;
    }

    @AfterAll
    void stopTextStart() throws Exception {
        if (textProcess != null) {
            stop(textProcess);
        }
    }

    /** Auth on, nothing configured: the gateway starts, queries work, mutations are refused. */
    private static void queriesWorkMutationsAreRefused(URI graphql) throws Exception {
        HttpResponse<String> q = post(graphql, "{\"query\":\"{ propertyTypes { type } }\"}", null);
        assertEquals(200, q.statusCode());
        assertTrue(JSON.readTree(q.body()).path("errors").isMissingNode(), q.body());
        String add = "{\"query\":\"mutation { addProduct(input: {id: \\\"DEFAULTS-1\\\", name: \\\"n\\\"}) { id } }\"}";
        HttpResponse<String> m = post(graphql, add, null);
        assertEquals(401, m.statusCode(), m.body());
        assertEquals("UNAUTHENTICATED", JSON.readTree(m.body()).path("errors").path(0).path("extensions").path("code")
                .asText(), m.body());
        // With no key configured, no key is accepted (an empty list must not match an empty header).
        assertEquals(401, post(graphql, add, "").statusCode());
    }

    private static HttpResponse<String> post(URI uri, String body, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header(ApiKeyAuthenticationMechanism.HEADER, apiKey);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts the jar in JSON or text format, waits until it serves, collects the log, stops it. */
    private List<String> startAndCollect(boolean json) throws Exception {
        Path log = tmp.resolve(json ? "json.log" : "text.log");
        int port = PackagedApp.freePort();
        Process p = start(json, port, log);
        try {
            return awaitReadyAndCollect(p, port, log);
        } finally {
            stop(p);
        }
    }

    /** The packaged gateway with the shipped model on a fresh embedded store (the sample catalogue loads on start). */
    private Process start(boolean json, int port, Path log) throws Exception {
        Path model = Path.of("../model/ner").toAbsolutePath().normalize();
        // the natives the gateway's build unpacked beside its packaged app (gateway-it/pom.xml names the folder)
        Path natives = Path.of(System.getProperty("kg.it.tensorflow-natives", "target/tensorflow-natives"))
                .toAbsolutePath();
        return PackagedApp.builder(List.of("-Xmx1g", "-Dquarkus.http.port=" + port,
                "-Dkg.store.path=" + tmp.resolve(json ? "store-json" : "store-text"), "-Dkg.ner.model-path=" + model,
                "-Dkg.ner.tensorflow-library-path=" + natives), List.of(),
                Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", String.valueOf(json)), log).start();
    }

    /** Waits until the gateway serves (then a second, so a start-up line logged after readiness shows); its log. */
    private static List<String> awaitReadyAndCollect(Process p, int port, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        boolean up = false;
        while (!up && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(500);
            try {
                up = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                // not listening yet
            }
        }
        assertTrue(up, "gateway did not become ready:\n" + Files.readString(log));
        Thread.sleep(1000);
        return Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        p.waitFor(30, TimeUnit.SECONDS);
        p.destroyForcibly();
    }
}
