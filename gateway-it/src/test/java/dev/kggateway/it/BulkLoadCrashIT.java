package dev.kggateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.catalogue.CatalogueGenerator;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Crash safety of the packaged {@code bulk-load} command (embedded store, unsynced commits in isolation level NONE,
 * two batches in flight): SIGKILL it mid-load, then export what the store holds. Every product there is whole (its
 * name and all its vendor properties), some but not all are there, and the same load run again completes the store
 * (and, having finished, compacts it: the export then reads the compacted files).
 */
class BulkLoadCrashIT {

    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Only needs to outlast the kill, which comes once 8 000 lines are read (progress is logged every 1 000 lines, the
     * log polled every 50 ms): three times that leaves the load seconds of work when it dies, and the test fails
     * ("make PRODUCTS larger") rather than pass if it ever finishes first. Every product beyond that only lengthened
     * the second load and the two exports.
     */
    static final int PRODUCTS = 24_000;

    Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void aKilledLoadLeavesWholeProductsAndTheSameLoadCompletesIt() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "bulk-crash-it-");
        Path file = catalogue(dir);
        Map<String, String> expected = shapes(file);
        Path store = dir.resolve("store");
        List<String> jvm = List.of("-Dkg.ner.enabled=false", "-Dkg.store.path=" + store);
        List<String> load = load(file);

        Path log = dir.resolve("load.log");
        process = PackagedApp.builder(jvm, load, Map.of(), log).start();
        awaitLinesRead(log);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL

        Map<String, String> afterKill = export(jvm, dir.resolve("after-kill.jsonl"));
        assertTrue(afterKill.size() > 0 && afterKill.size() < PRODUCTS,
                "some products committed before the kill, not all: " + afterKill.size());
        afterKill.forEach((id, shape) -> assertEquals(expected.get(id), shape, "whole after the kill: " + id));

        // The operator's compact of the store the killed load left (with the load's free pages): same products, and
        // the load below goes on writing into the compacted files.
        PackagedApp.Run compacted = PackagedApp.run(jvm, List.of("compact"), Map.of(), 120);
        assertEquals(0, compacted.exit(), compacted.output());
        assertTrue(compacted.output().contains("Store compacted: "), compacted.output());
        assertEquals(afterKill, export(jvm, dir.resolve("after-compact.jsonl")));

        PackagedApp.Run again = PackagedApp.run(jvm, load, Map.of(), 600);
        assertEquals(0, again.exit(), again.output());
        // A finished load compacts the store as it closes it; the export below reads the compacted files.
        assertTrue(again.output().contains("Store compacted: "), again.output());
        Map<String, String> complete = export(jvm, dir.resolve("complete.jsonl"));
        assertEquals(expected, complete);
    }

    /**
     * SIGTERM (what Kubernetes and {@code kill} send) mid-load: the load stops at a batch boundary and waits for the
     * commits in flight before the store closes — closing LMDB under a running commit crashed the JVM in native code
     * (SIGSEGV in liblwjgl_lmdb). The process ends by itself, says how to complete the load, and leaves whole products.
     */
    @Test
    void aTerminatedLoadStopsCleanlyAndLeavesWholeProducts() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "bulk-term-it-");
        Path file = catalogue(dir);
        Map<String, String> expected = shapes(file);
        List<String> jvm = List.of("-Dkg.ner.enabled=false", "-Dkg.store.path=" + dir.resolve("store"),
                "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"));
        Path log = dir.resolve("load.log");
        process = PackagedApp.builder(jvm, load(file), Map.of(), log).start();
        awaitLinesRead(log);
        process.destroy(); // SIGTERM
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the load must end after SIGTERM:\n" + Files.readString(log));

        String output = Files.readString(log);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList(),
                    "no JVM crash report:\n" + output);
        }
        assertTrue(!output.contains("SIGSEGV") && !output.contains("A fatal error"), output);
        assertTrue(output.contains("bulk-load stopped by a shutdown signal"), output);
        Map<String, String> afterTerm = export(jvm, dir.resolve("after-term.jsonl"));
        assertTrue(afterTerm.size() > 0 && afterTerm.size() < PRODUCTS,
                "some products committed before the signal, not all: " + afterTerm.size());
        afterTerm.forEach((id, shape) -> assertEquals(expected.get(id), shape, "whole after SIGTERM: " + id));
    }

    private static Path catalogue(Path dir) throws Exception {
        Path file = dir.resolve("catalogue.jsonl");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new CatalogueGenerator(23).write(PRODUCTS, w);
        }
        return file;
    }

    private static Map<String, String> shapes(Path file) throws Exception {
        Map<String, String> expected = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode p = JSON.readTree(line);
            expected.put(p.get("id").asText(), shape(p));
        }
        return expected;
    }

    /** Small transactions (a few hundred products each), so that several commit before the signal. */
    private static List<String> load(Path file) {
        return List.of("bulk-load", file.toString(), "--no-enrich", "--transaction-statements", "3000");
    }

    /** Waits until the load has read 8 000 lines (its progress log); fails if it finished or died before. */
    private void awaitLinesRead(Path log) throws Exception {
        Pattern progress = Pattern.compile("([0-9,]+) lines, [0-9,]+ valid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        int read = 0;
        while (read < 8_000 && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            Matcher m = progress.matcher(Files.readString(log));
            while (m.find()) {
                read = Integer.parseInt(m.group(1).replace(",", ""));
            }
        }
        assertTrue(process.isAlive(), "the load must still run when stopped (make PRODUCTS larger):\n" + Files.readString(log));
    }

    /** The store's products as exported JSON lines (vendor properties), by id, each as {@link #shape}. */
    private static Map<String, String> export(List<String> jvm, Path out) throws Exception {
        PackagedApp.Run r = PackagedApp.run(jvm, List.of("export", "--format", "jsonl", "--out", out.toString()),
                Map.of(), 600);
        assertEquals(0, r.exit(), r.output());
        Map<String, String> products = new HashMap<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode p = JSON.readTree(line);
            products.put(p.get("id").asText(), shape(p));
        }
        return products;
    }

    /** Name and the set of property types with the number of values of each: what a half-written product lacks. */
    private static String shape(JsonNode p) {
        Set<String> values = new TreeSet<>();
        p.path("properties").forEach(prop -> values.add(prop.get("type").asText().toLowerCase(Locale.ROOT) + "="
                + prop.get("value").asText().strip().toLowerCase(Locale.ROOT)));
        Map<String, Integer> perType = new java.util.TreeMap<>();
        values.forEach(v -> perType.merge(v.substring(0, v.indexOf('=')), 1, Integer::sum));
        return p.get("name").asText() + " " + perType;
    }
}
