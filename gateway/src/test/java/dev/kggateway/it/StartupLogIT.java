package dev.kggateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.security.ApiKeyAuthenticationMechanism;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up log of the packaged gateway as operators run it (real model through DJL/TensorFlow, sample catalogue
 * loaded into a fresh embedded store): with JSON logging every line is JSON and none is a warning (no GPU probe
 * noise, no raw TensorFlow stderr, TF_CPP_MIN_LOG_LEVEL removed from the environment); in text format no line has
 * an empty request id; the GraphiQL address is printed once. bench/startup-log.sh prints the same counts.
 * The text-format start also checks the shipped auth defaults (auth on, no key, no JWT key configured: a fresh
 * machine running the README command): queries work, mutations are refused (moved here from a @QuarkusTest of its
 * own, which cost a Quarkus application build and start for one request pair).
 */
class StartupLogIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
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
    void textStartUpLogHasNoEmptyRequestIdAndShippedAuthDefaultsHold() throws Exception {
        List<String> lines = startAndCollect(false, StartupLogIT::queriesWorkMutationsAreRefused);
        assertTrue(lines.stream().anyMatch(l -> l.contains("started in")), String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(l -> l.contains("[rid=]") || l.contains("rid=")), String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(l -> l.contains(" WARN ")), String.join("\n", lines));
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

    /** What a test does with the running gateway once its start-up log is collected. */
    private interface WhileServing {
        void check(URI graphql) throws Exception;
    }

    private List<String> startAndCollect(boolean json) throws Exception {
        return startAndCollect(json, graphql -> {
        });
    }

    /**
     * Starts the jar, waits until it serves (then a request, so a request-scoped line could show), collects the log,
     * runs {@code whileServing} against it, stops it.
     */
    private List<String> startAndCollect(boolean json, WhileServing whileServing) throws Exception {
        Path log = tmp.resolve(json ? "json.log" : "text.log");
        int port = PackagedApp.freePort();
        Path model = Path.of("../model/ner").toAbsolutePath().normalize();
        Path natives = Path.of("target/tensorflow-natives").toAbsolutePath();
        Process p = PackagedApp.builder(List.of("-Xmx1g", "-Dquarkus.http.port=" + port,
                "-Dkg.store.path=" + tmp.resolve(json ? "store-json" : "store-text"), "-Dkg.ner.model-path=" + model,
                "-Dkg.ner.tensorflow-library-path=" + natives), List.of(),
                Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", String.valueOf(json)), log).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            boolean up = false;
            while (!up && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(500);
                try {
                    up = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
            }
            assertTrue(up, "gateway did not become ready:\n" + Files.readString(log));
            Thread.sleep(1000);
            List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
            whileServing.check(URI.create("http://127.0.0.1:" + port + "/graphql"));
            return lines;
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
    }
}
