package dev.kggateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Crash safety of the packaged gateway (target/quarkus-app): stream addProducts batches from two clients, SIGKILL
 * the process while batches are in flight, restart it on the same embedded store and check that every acknowledged
 * product is there and whole, and that every product that is there at all is whole (a batch cut by the kill may be
 * present or absent, never half-written: fields without links, some links but not others).
 */
class CrashSafetyIT {

    static final String KEY = "crash-it-key";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    static final int BATCH = 25;

    Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    /** The deterministic content of product i: what a whole product must look like after restart. */
    record Expected(String id, String name, String description, BigDecimal price, String manufacturer, Set<String> props) {
    }

    static Expected expected(int i) {
        String id = String.format("CRASH-%05d", i);
        Set<String> props = new TreeSet<>();
        props.add("material=" + List.of("glass", "steel", "polypropylene", "nylon").get(i % 4));
        props.add("size=" + (i % 7 + 1) + " ml");
        props.add("lot=lot-" + i); // unique per product: a property node only this product links to
        if (i % 3 == 0) {
            props.add("grade=sterile");
        }
        return new Expected(id, "Crash probe " + i, "description of crash probe " + i + " with several words",
                new BigDecimal(i % 100 + ".25"), "Maker " + (i % 5), props);
    }

    static Map<String, Object> input(Expected e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("name", e.name());
        m.put("description", e.description());
        m.put("price", e.price());
        m.put("currency", "EUR");
        m.put("manufacturer", e.manufacturer());
        List<Map<String, String>> props = new ArrayList<>();
        for (String p : e.props()) {
            props.add(Map.of("type", p.substring(0, p.indexOf('=')), "value", p.substring(p.indexOf('=') + 1)));
        }
        m.put("properties", props);
        m.put("enrich", false);
        return m;
    }

    @Test
    void acknowledgedWritesSurviveSigkillAndNothingIsHalfWritten() throws Exception {
        long t0 = System.nanoTime();
        Path jar = Path.of(System.getProperty("kg.it.app.jar", "target/quarkus-app/quarkus-run.jar"));
        assertTrue(Files.exists(jar), "package the app first (mvn verify does): " + jar);
        Path store = Files.createTempDirectory(Path.of("target"), "crash-it-store-");
        int port = freePort();
        URI base = URI.create("http://localhost:" + port);

        process = start(jar, store, port, "run1");
        awaitReady(base);

        Map<Integer, Boolean> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger nextBatch = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            Thread t = new Thread(() -> {
                while (!killed.get()) {
                    int b = nextBatch.getAndIncrement();
                    List<Map<String, Object>> inputs = new ArrayList<>();
                    for (int i = b * BATCH; i < (b + 1) * BATCH; i++) {
                        inputs.add(input(expected(i)));
                    }
                    try {
                        JsonNode r = graphql(base, "mutation($in: [ProductInput!]!) { addProducts(inputs: $in) { added updated failed } }",
                                Map.of("in", inputs));
                        JsonNode report = r.path("data").path("addProducts");
                        if (!r.has("errors") && report.path("failed").asInt(-1) == 0
                                && report.path("added").asInt() + report.path("updated").asInt() == BATCH) {
                            acknowledged.put(b, true);
                        }
                    } catch (IOException | InterruptedException e) {
                        return; // the server died under this request: not acknowledged
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        // Let some batches complete, then kill mid-stream (clients keep sending, so requests are in flight).
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (acknowledged.size() < 8 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        Thread.sleep(150);
        process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no store close
        killed.set(true);
        process.waitFor();
        for (Thread t : clients) {
            t.join(10_000);
        }
        int sent = nextBatch.get();
        assertTrue(acknowledged.size() >= 8, "too few batches acknowledged before the kill: " + acknowledged.size());
        assertTrue(sent > acknowledged.size(), "the kill should have cut at least one batch in flight");

        assertTrue(Files.exists(store.resolve("open")), "a killed run leaves the store's open marker behind");

        // -Dkg.it.crash.keep=<folder>: keeps a copy of the store as the kill left it (before the start-up repair
        // changes it) with the acknowledged batches, to inspect a failing run offline.
        String keep = System.getProperty("kg.it.crash.keep");
        if (keep != null) {
            Path copy = Files.createDirectories(Path.of(keep)).resolve(store.getFileName().toString());
            try (var files = Files.walk(store)) {
                for (Path f : files.toList()) {
                    Files.copy(f, copy.resolve(store.relativize(f).toString()));
                }
            }
            Files.writeString(copy.resolve("acknowledged.txt"),
                    new TreeSet<>(acknowledged.keySet()) + " sent " + nextBatch.get() + "\n");
        }
        process = start(jar, store, port, "run2");
        awaitReady(base);
        Map<String, JsonNode> present = allProducts(base);
        // The kill may fall between RDF4J's triple commit and value commit (two LMDB environments): the start-up
        // repair must run after every unclean end and leave nothing a read cannot read back.
        String log2 = Files.readString(Path.of("target", "crash-it-run2.log"));
        assertTrue(log2.contains("Store repair: the last run ended without closing the store"), log2);
        assertTrue(!log2.contains("cannot read back"), "damaged statements left after the repair:\n" + log2);

        Map<Integer, Integer> presentPerBatch = new TreeMap<>();
        for (String id : present.keySet()) {
            presentPerBatch.merge(Integer.parseInt(id.substring("CRASH-".length())) / BATCH, 1, Integer::sum);
        }
        // What a failure needs to be told apart (ack before durability, a repair removing too much, a listing that
        // misses stored products): which batches were acknowledged, which are there, what the repair said.
        String evidence = "acknowledged batches " + new TreeSet<>(acknowledged.keySet()) + ", " + sent
                + " sent, products present per batch " + presentPerBatch + ", run 2: "
                + log2.lines().filter(l -> l.contains("Store repair") || l.contains("Listing index")).toList();
        for (int b : acknowledged.keySet()) {
            for (int i = b * BATCH; i < (b + 1) * BATCH; i++) {
                Expected e = expected(i);
                assertTrue(present.containsKey(e.id()), "acknowledged product lost: " + e.id() + "; " + evidence);
            }
        }
        int partialBatches = 0;
        for (Map.Entry<String, JsonNode> p : present.entrySet()) {
            assertWhole(expected(Integer.parseInt(p.getKey().substring("CRASH-".length()))), p.getValue());
        }
        for (Map.Entry<Integer, Integer> pb : presentPerBatch.entrySet()) {
            if (pb.getValue() != BATCH) {
                partialBatches++;
            }
        }
        // Batch writes are chunked (kg.ingest.write-chunk=250 > BATCH): one transaction per batch, all or nothing.
        assertEquals(0, partialBatches, "batches with only some products present: " + evidence);
        process.destroy(); // SIGTERM: a clean close removes the open marker
        assertTrue(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "clean shut-down within 30 s");
        assertTrue(!Files.exists(store.resolve("open")), "a clean shut-down removes the store's open marker");
        // How long the whole test takes is a speed figure, not a property: no bound here (each wait above has its own
        // guard against a hang). The IT durations are in BENCHMARKS.md's test-time tables (CrashSafetyIT 10-13 s
        // one at a time, 63.8 s at load 10-16).
        long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
        System.out.printf("crash-safety: %d batches sent, %d acknowledged, %d products present after restart, %d s%n",
                sent, acknowledged.size(), present.size(), seconds);
    }

    static void assertWhole(Expected e, JsonNode p) {
        assertEquals(e.name(), p.path("name").asText(), e.id());
        assertEquals(e.description(), p.path("description").asText(), e.id());
        assertEquals(0, e.price().compareTo(p.path("price").decimalValue()), e.id() + " price " + p.path("price"));
        assertEquals("EUR", p.path("currency").asText(), e.id());
        assertEquals(e.manufacturer(), p.path("manufacturer").asText(), e.id());
        Set<String> props = new TreeSet<>();
        for (JsonNode l : p.path("properties")) {
            props.add(l.path("type").asText() + "=" + l.path("value").asText());
            assertEquals("VENDOR", l.path("source").asText(), e.id());
        }
        assertEquals(e.props(), props, "links of " + e.id());
    }

    static Map<String, JsonNode> allProducts(URI base) throws Exception {
        Map<String, JsonNode> all = new TreeMap<>();
        String after = null;
        while (true) {
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("after", after);
            JsonNode r = graphql(base, "query($after: String) { products(first: 100, after: $after) { edges { node { id name description price currency manufacturer"
                    + " properties { type value source } } } pageInfo { hasNextPage endCursor } } }", vars);
            assertTrue(!r.has("errors"), r.toString());
            JsonNode page = r.path("data").path("products");
            for (JsonNode edge : page.path("edges")) {
                all.put(edge.path("node").path("id").asText(), edge.path("node"));
            }
            if (!page.path("pageInfo").path("hasNextPage").asBoolean()) {
                return all;
            }
            after = page.path("pageInfo").path("endCursor").asText();
        }
    }

    static JsonNode graphql(URI base, String query, Map<String, ?> variables) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/graphql"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("X-API-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static Process start(Path jar, Path store, int port, String run) throws IOException {
        Path log = Path.of("target", "crash-it-" + run + ".log");
        List<String> cmd = PackagedApp.java();
        cmd.addAll(List.of("-Xmx512m",
                "-Dquarkus.http.port=" + port,
                "-Dkg.warm-up.rounds=0", // the warm-up is StartupLogIT's; here it would only delay readiness
                "-Dkg.store.path=" + store.toAbsolutePath(),
                "-Dkg.ner.enabled=false",
                "-Dkg.sample.load-on-empty=false",
                "-Dkg.auth.api-keys=" + KEY,
                "-jar", jar.toAbsolutePath().toString()));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static void awaitReady(URI base) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < until) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("gateway did not become ready; see target/crash-it-*.log");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
