package dev.kggateway.it;

import static dev.kggateway.it.CrashSafetyIT.HTTP;
import static dev.kggateway.it.CrashSafetyIT.allProducts;
import static dev.kggateway.it.CrashSafetyIT.awaitReady;
import static dev.kggateway.it.CrashSafetyIT.freePort;
import static dev.kggateway.it.CrashSafetyIT.graphql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A full disk under the packaged gateway (embedded LMDB store on a 16 MB tmpfs mounted by the test; needs root, as
 * in CI): writes are refused with STORE_FULL before LMDB fails, reads keep working, writes resume once space is freed
 * without a restart; with the reserve switched off LMDB itself runs out of space, and the gateway must survive that
 * too (no JVM crash, the store reopened); after a restart every acknowledged product is intact.
 */
class DiskFullIT {

    static final int BATCH = 10;
    static final String ADD_MANY = "mutation($in: [ProductInput!]!) { addProducts(inputs: $in) { added updated failed"
            + " errors { index id code } } }";

    Path mount;
    Process process;
    int next;
    final Set<String> acknowledged = new LinkedHashSet<>();

    @BeforeEach
    void mountTmpfs() throws Exception {
        mount = Files.createTempDirectory(Path.of("target"), "diskfull-it-");
        String why = null;
        if (!"root".equals(System.getProperty("user.name"))) {
            why = "not running as root (mounting a tmpfs needs it)";
        } else {
            Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", mount.toString())
                    .redirectErrorStream(true).start();
            String out = new String(m.getInputStream().readAllBytes());
            if (!m.waitFor(20, TimeUnit.SECONDS) || m.exitValue() != 0) {
                why = "mount -t tmpfs failed: " + out.strip();
            }
        }
        if (why != null) {
            System.out.println("DiskFullIT skipped: " + why);
            mount = null;
            Assumptions.abort(why);
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (process != null) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        if (mount != null) {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void fullDiskRefusesWritesCleanlyAndRecoversWithoutLosingAcknowledgedProducts() throws Exception {
        Path jar = Path.of(System.getProperty("kg.it.app.jar", "target/quarkus-app/quarkus-run.jar"));
        assertTrue(Files.exists(jar), "package the app first (mvn verify does): " + jar);
        Path store = mount.resolve("store");
        Path filler = fill(mount.resolve("filler-1"), 3 << 20);
        int port = freePort();
        URI base = URI.create("http://localhost:" + port);

        // Run 1: the reserve refuses writes before LMDB would fail.
        process = start(jar, store, port, "run1", "2M");
        awaitReady(base);
        int refusedAt = fillUntilFull(base, 400);
        assertTrue(acknowledged.size() >= 50, "the store took only " + acknowledged.size() + " products");
        // A single product needs less room than a batch: add them until they are refused too.
        JsonNode single = null;
        for (int i = 0; i < 200 && (single == null || !single.has("errors")); i++) {
            lastBatch = List.of(product(next++));
            single = graphql(base, "mutation($in: ProductInput!) { addProduct(input: $in) { id } }",
                    Map.of("in", lastBatch.get(0)));
            if (!single.has("errors")) {
                acknowledgeLastBatch();
            }
        }
        assertEquals("STORE_FULL", single.path("errors").path(0).path("extensions").path("code").asText(),
                single.toString());
        assertReadsWork(base);
        assertTrue(ready(base).contains("\"diskFull\":true"), ready(base));
        Files.delete(filler);
        assertTrue(ready(base).contains("\"diskFull\":false"), ready(base));
        assertEquals(BATCH, addBatch(base).size(), "writes resume once space is freed, without a restart");
        System.out.printf("disk-full run1: refused after %d batches, %d products acknowledged%n", refusedAt,
                acknowledged.size());
        stopGracefully();

        // Run 2: no reserve, so LMDB itself runs out of space. The batch after the failing one used to crash the
        // JVM (SIGSEGV in mdb_put); now every further batch gets STORE_FULL, reads keep working, and the process
        // shuts down cleanly (closing the failed environment used to abort it with a double free).
        Path filler2 = fill(mount.resolve("filler-2"), 2 << 20);
        process = start(jar, store, port, "run2", "0");
        awaitReady(base);
        int failedAt = fillUntilFull(base, 400);
        for (int i = 0; i < 5; i++) {
            JsonNode report = graphql(base, ADD_MANY, Map.of("in", batch()));
            String code = report.path("data").path("addProducts").path("errors").path(0).path("code").asText();
            assertTrue(code.equals("STORE_FULL"), "after LMDB ran out of space: " + report);
            assertTrue(process.isAlive(), "gateway died after LMDB ran out of space; see target/diskfull-it-run2.log");
        }
        // The failed write left triples without values (RDF4J commits its two LMDB environments separately):
        // a read meeting them is STORE_UNAVAILABLE, never an uncoded error; a read of an acknowledged product works.
        String first = acknowledged.iterator().next();
        JsonNode one = graphql(base, "query($id: ID!) { product(id: $id) { id } }", Map.of("id", first));
        assertEquals(first, one.path("data").path("product").path("id").asText(), one.toString());
        JsonNode page = graphql(base, "{ products(first: 100) { edges { node { id } } } }", Map.of());
        if (page.has("errors")) {
            assertEquals("STORE_UNAVAILABLE", page.path("errors").path(0).path("extensions").path("code").asText(),
                    page.toString());
        }
        assertTrue(ready(base).contains("\"writable\":false"), ready(base));
        assertTrue(Files.exists(store.resolve("write-failed")), "repair marker");
        Files.delete(filler2);
        System.out.printf("disk-full run2 (no reserve): LMDB full after %d batches, %d products acknowledged%n",
                failedAt, acknowledged.size());
        stopGracefully();

        // Run 3: a restart on the same store keeps every acknowledged product, whole.
        process = start(jar, store, port, "run3", "512K");
        awaitReady(base);
        assertFalse(Files.exists(store.resolve("write-failed")), "the start-up repair ran");
        assertTrue(Files.readString(Path.of("target", "diskfull-it-run3.log")).contains("removed"), "repair logged");
        assertEquals(BATCH, addBatch(base).size(), "writes resume after the restart");
        assertReadsWork(base);
        Map<String, JsonNode> present = allProducts(base);
        for (String id : acknowledged) {
            assertTrue(present.containsKey(id), "acknowledged product lost: " + id);
            assertWhole(Integer.parseInt(id.substring("FULL-".length())), present.get(id));
        }
        String log = Files.readString(Path.of("target", "diskfull-it-run3.log"));
        assertFalse(log.contains("NullPointerException"), "start-up on the store after disk full: see run3 log");
        System.out.printf("disk-full run3: %d acknowledged products all present and whole (%d present)%n",
                acknowledged.size(), present.size());
    }

    /** Sends batches until one is refused with STORE_FULL; returns the number of batches sent. */
    int fillUntilFull(URI base, int maxBatches) throws Exception {
        for (int b = 1; b <= maxBatches; b++) {
            JsonNode report = graphql(base, ADD_MANY, Map.of("in", batch()));
            assertFalse(report.has("errors"), report.toString());
            JsonNode errors = report.path("data").path("addProducts").path("errors");
            if (errors.size() > 0) {
                for (JsonNode e : errors) {
                    assertEquals("STORE_FULL", e.path("code").asText(), report.toString());
                }
                assertEquals(BATCH, errors.size(), "a batch is one transaction: all in or all refused");
                return b;
            }
            acknowledgeLastBatch();
        }
        throw new AssertionError("the store never filled up after " + maxBatches + " batches");
    }

    /** Adds one batch that must succeed; returns its ids. */
    List<String> addBatch(URI base) throws Exception {
        JsonNode report = graphql(base, ADD_MANY, Map.of("in", batch()));
        assertEquals(0, report.path("data").path("addProducts").path("failed").asInt(-1), report.toString());
        return acknowledgeLastBatch();
    }

    List<Map<String, Object>> lastBatch = List.of();

    List<Map<String, Object>> batch() {
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            inputs.add(product(next++));
        }
        lastBatch = inputs;
        return inputs;
    }

    List<String> acknowledgeLastBatch() {
        List<String> ids = lastBatch.stream().map(p -> (String) p.get("id")).toList();
        acknowledged.addAll(ids);
        return ids;
    }

    /**
     * Distinct text per product (LMDB stores each distinct value once, so repeated text would not fill anything).
     */
    static String description(int i) {
        Random random = new Random(i);
        StringBuilder text = new StringBuilder("probe " + i);
        while (text.length() < 1500) {
            text.append(' ');
            for (int c = 3 + random.nextInt(6); c > 0; c--) {
                text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    static Map<String, Object> product(int i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.format("FULL-%06d", i));
        m.put("name", "Full probe " + i);
        m.put("description", description(i));
        m.put("price", 1.5);
        m.put("currency", "EUR");
        m.put("manufacturer", "Maker " + (i % 5));
        m.put("properties", List.of(Map.of("type", "lot", "value", "lot-" + i),
                Map.of("type", "material", "value", i % 2 == 0 ? "glass" : "steel")));
        m.put("enrich", false);
        return m;
    }

    static void assertWhole(int i, JsonNode p) {
        Map<String, Object> e = product(i);
        assertEquals(e.get("name"), p.path("name").asText());
        assertEquals(e.get("description"), p.path("description").asText());
        Set<String> props = new TreeSet<>();
        p.path("properties").forEach(l -> props.add(l.path("type").asText() + "=" + l.path("value").asText()));
        assertEquals(Set.of("lot=lot-" + i, "material=" + (i % 2 == 0 ? "glass" : "steel")), props, "links of " + i);
    }

    void assertReadsWork(URI base) throws Exception {
        String first = acknowledged.iterator().next();
        JsonNode one = graphql(base, "query($id: ID!) { product(id: $id) { id description } }", Map.of("id", first));
        assertEquals(first, one.path("data").path("product").path("id").asText(), one.toString());
        JsonNode page = graphql(base, "{ products(first: 100) { edges { node { id properties { value } } } } }",
                Map.of());
        assertFalse(page.has("errors"), page.toString());
        assertEquals(Math.min(100, acknowledged.size()), page.path("data").path("products").path("edges").size());
        JsonNode types = graphql(base, "{ propertyTypes { type propertyCount } }", Map.of());
        assertFalse(types.has("errors"), types.toString());
    }

    static String ready(URI base) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString()).body().replace(" ", "");
    }

    static Path fill(Path file, int bytes) throws IOException {
        byte[] data = new byte[bytes];
        new Random(7).nextBytes(data); // tmpfs does not compress, but keep it honest anyway
        return Files.write(file, data);
    }

    void stopGracefully() throws Exception {
        process.destroy(); // SIGTERM: the store is closed by the shutdown hook
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "gateway did not stop");
        // 0, or 143 for SIGTERM; a JVM abort (double free, SIGSEGV) ends with 134 or 139.
        assertTrue(process.exitValue() == 0 || process.exitValue() == 143, "exit code " + process.exitValue());
        process = null;
    }

    static Process start(Path jar, Path store, int port, String run, String reserve) throws IOException {
        Path log = Path.of("target", "diskfull-it-" + run + ".log");
        List<String> cmd = PackagedApp.java();
        cmd.addAll(List.of("-Xmx512m",
                "-Dquarkus.http.port=" + port,
                "-Dkg.warm-up.rounds=0", // the warm-up is StartupLogIT's; here it would only delay readiness
                "-Dkg.store.path=" + store.toAbsolutePath(),
                "-Dkg.store.min-free-space=" + reserve,
                "-Dkg.ner.enabled=false",
                "-Dkg.sample.load-on-empty=false",
                "-Dkg.auth.api-keys=" + CrashSafetyIT.KEY,
                "-jar", jar.toAbsolutePath().toString()));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
