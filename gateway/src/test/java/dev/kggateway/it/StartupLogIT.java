package dev.kggateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    void textStartUpLogHasNoEmptyRequestId() throws Exception {
        List<String> lines = startAndCollect(false);
        assertTrue(lines.stream().anyMatch(l -> l.contains("started in")), String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(l -> l.contains("[rid=]") || l.contains("rid=")), String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(l -> l.contains(" WARN ")), String.join("\n", lines));
    }

    /** Starts the jar, waits until it serves (then a request, so a request-scoped line could show), stops it. */
    private List<String> startAndCollect(boolean json) throws Exception {
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
            return Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
    }
}
