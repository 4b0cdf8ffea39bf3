package dev.kggateway.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged gateways (target/quarkus-app) over one real Fuseki dataset: A keeps the similarity index on the remote
 * store (change feed polling every 300 ms, result cache on), B ranks with SPARQL (index and cache off) and is the
 * oracle. A builds its index from a store whose earlier writes carry no stamps, then follows B's writes (replace,
 * create, remove, rename) through the change feed — index and result cache — and its own writes at once; for every
 * metric A's similarProducts equals B's SPARQL ranking, with the hits' names, which A prints from its index (no store
 * request, perf21) and B reads from the store.
 */
class RemoteSimilarityIndexIT {

    static final String KEY = CrashSafetyIT.KEY;
    static final String BASE_IRI = "https://data.kg-gateway.dev/";
    static final List<String> METRICS = List.of("SHARED_COUNT", "JACCARD", "IDF");
    static final List<String> COLOURS = List.of("red", "green", "blue", "black", "white");
    static final List<String> MATERIALS = List.of("oak", "steel", "glass", "nylon");
    static final List<String> SIZES = List.of("s", "m", "l", "xl", "xxl", "3xl");

    FusekiServer fuseki;
    final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (fuseki != null) {
            fuseki.stop();
        }
    }

    static Map<String, Object> product(String id, List<String[]> properties) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", "Probe " + id);
        m.put("enrich", false);
        List<Map<String, String>> props = new ArrayList<>();
        properties.forEach(p -> props.add(Map.of("type", p[0], "value", p[1])));
        m.put("properties", props);
        return m;
    }

    static Map<String, Object> renamed(Map<String, Object> product, String name) {
        Map<String, Object> m = new LinkedHashMap<>(product);
        m.put("name", name);
        return m;
    }

    /** Product i of the fixture: overlapping colours, materials and sizes, so rankings have ties and several levels. */
    static Map<String, Object> fixture(int i) {
        List<String[]> props = new ArrayList<>();
        props.add(new String[] {"colour", COLOURS.get(i % COLOURS.size())});
        props.add(new String[] {"material", MATERIALS.get(i * 7 % MATERIALS.size())});
        props.add(new String[] {"size", SIZES.get(i * 5 % SIZES.size())});
        if (i % 3 == 0) {
            props.add(new String[] {"grade", "premium"});
        }
        if (i % 4 == 1) {
            props.add(new String[] {"colour", COLOURS.get((i + 2) % COLOURS.size())});
        }
        return product(String.format("RS-%03d", i), props);
    }

    @Test
    void indexOnARemoteStoreFollowsAnotherInstancesWritesAndRanksAsSparql() throws Exception {
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        int fusekiPort = PackagedApp.freePort();
        fuseki = FusekiServer.create().port(fusekiPort).loopback(true).add("/kg", dataset, true).build().start();
        String endpoint = "http://localhost:" + fusekiPort + "/kg";

        URI b = start("b", endpoint, Map.of("kg.store.similarity-index", "false", "kg.cache.enabled", "false"));
        List<Map<String, Object>> catalogue = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            catalogue.add(fixture(i));
        }
        write(b, catalogue);
        // A store written before stamps existed: A's build at start must cover it without any.
        dataset.removeGraph(NodeFactory.createURI(BASE_IRI + "graph/changes"));

        URI a = start("a", endpoint, Map.of("kg.store.change-feed.poll-period", "300ms"));
        awaitMetric(a, "kg_similarity_index_ready", 1, Duration.ofSeconds(30));
        List<String> sources = List.of("RS-000", "RS-001", "RS-002", "RS-005", "RS-013", "RS-030");
        assertSameRankings(a, b, sources, "after A's build from an unstamped store");

        // Another instance writes: a replace, new products, a removal of a product that ranks high for the sources.
        long written = System.nanoTime();
        write(b, List.of(
                product("RS-001", List.of(new String[] {"colour", "red"}, new String[] {"grade", "premium"},
                        new String[] {"material", "glass"})),
                product("RS-NEW-1", List.of(new String[] {"colour", "red"}, new String[] {"material", "oak"},
                        new String[] {"size", "s"}, new String[] {"grade", "premium"})),
                product("RS-NEW-2", List.of(new String[] {"colour", "blue"}, new String[] {"size", "l"})),
                renamed(fixture(5), "Renamed RS-005"), renamed(fixture(2), "Renamed RS-002")));
        JsonNode removed = CrashSafetyIT.graphql(b, "mutation { removeProduct(id: \"RS-030\") }", Map.of());
        assertTrue(removed.path("data").path("removeProduct").asBoolean(), removed.toString());
        List<String> afterWrites = List.of("RS-000", "RS-001", "RS-002", "RS-005", "RS-013", "RS-NEW-1");
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!sameRankings(a, b, afterWrites) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        long lagMillis = (System.nanoTime() - written) / 1_000_000;
        assertSameRankings(a, b, afterWrites, "after B's writes (" + lagMillis + " ms)");
        boolean renamedRanks = false;
        for (String id : afterWrites) {
            renamedRanks |= ranking(a, id, "SHARED_COUNT").stream().anyMatch(h -> h.contains(" Renamed RS-00"));
        }
        assertTrue(renamedRanks, "a product B renamed ranks on A, under its new name");
        assertTrue(metric(a, "kg_change_feed_products_read_total") >= 4, "A re-read B's writes from the feed");
        assertEquals(1, metric(a, "kg_similarity_index_ready"), "A still ranks with its index");

        // A's own write: in its index and cache at once, no feed round trip.
        write(a, List.of(product("RS-NEW-3", List.of(new String[] {"colour", "red"}, new String[] {"size", "s"},
                new String[] {"material", "oak"}))));
        assertSameRankings(a, b, List.of("RS-NEW-1", "RS-000", "RS-NEW-3"), "at once after A's own write");
        System.out.printf("remote similarity index: A followed B's writes in %d ms (poll period 300 ms)%n", lagMillis);
    }

    private URI start(String name, String endpoint, Map<String, String> config) throws Exception {
        int port = PackagedApp.freePort();
        List<String> options = new ArrayList<>(List.of("-Xmx384m",
                "-Dquarkus.http.port=" + port,
                "-Dkg.warm-up.rounds=0", // the warm-up is StartupLogIT's; here it would only delay readiness
                "-Dkg.store.kind=sparql",
                "-Dkg.store.query-endpoint=" + endpoint + "/query",
                "-Dkg.store.update-endpoint=" + endpoint + "/update",
                "-Dkg.ner.enabled=false",
                "-Dkg.sample.load-on-empty=false",
                "-Dkg.auth.api-keys=" + KEY));
        config.forEach((k, v) -> options.add("-D" + k + "=" + v));
        Path log = Path.of("target", "remote-similarity-it-" + name + ".log");
        Files.deleteIfExists(log);
        processes.add(PackagedApp.builder(options, List.of(), Map.of(), log).start());
        URI base = URI.create("http://localhost:" + port);
        awaitReady(base, log);
        return base;
    }

    /** Readiness within 3 minutes: two JVMs start at once on a small, shared machine. */
    private static void awaitReady(URI base, Path log) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < until) {
            try {
                HttpResponse<String> r = CrashSafetyIT.HTTP.send(HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("gateway did not become ready; see " + log);
    }

    private static void write(URI base, List<Map<String, Object>> products) throws Exception {
        JsonNode r = CrashSafetyIT.graphql(base,
                "mutation($in: [ProductInput!]!) { addProducts(inputs: $in) { added updated failed } }",
                Map.of("in", products));
        assertTrue(!r.has("errors") && r.path("data").path("addProducts").path("failed").asInt(-1) == 0,
                r.toString());
    }

    private static List<String> ranking(URI base, String id, String metric) throws Exception {
        JsonNode r = CrashSafetyIT.graphql(base, "query($id: ID!, $m: SimilarityMetric) { similarProducts(id: $id,"
                + " first: 10, minShared: 1, metric: $m) { score sharedCount product { id name } } }",
                Map.of("id", id, "m", metric));
        assertTrue(!r.has("errors"), r.toString());
        List<String> hits = new ArrayList<>();
        for (JsonNode hit : r.path("data").path("similarProducts")) {
            hits.add(hit.path("product").path("id").asText() + " " + hit.path("product").path("name").asText() + " "
                    + hit.path("score").asDouble() + " " + hit.path("sharedCount").asInt());
        }
        return hits;
    }

    private static boolean sameRankings(URI a, URI b, List<String> sources) throws Exception {
        for (String id : sources) {
            for (String metric : METRICS) {
                if (!ranking(a, id, metric).equals(ranking(b, id, metric))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void assertSameRankings(URI a, URI b, List<String> sources, String when) throws Exception {
        for (String id : sources) {
            for (String metric : METRICS) {
                List<String> oracle = ranking(b, id, metric);
                assertTrue(!oracle.isEmpty(), "the oracle ranks something for " + id);
                assertEquals(oracle, ranking(a, id, metric), metric + " of " + id + " " + when);
            }
        }
    }

    private static double metric(URI base, String name) throws IOException, InterruptedException {
        HttpResponse<String> r = CrashSafetyIT.HTTP.send(HttpRequest.newBuilder(base.resolve("/q/metrics"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        for (String line : r.body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    private static void awaitMetric(URI base, String name, double value, Duration within) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (metric(base, name) != value) {
            assertTrue(System.nanoTime() < until, name + " did not reach " + value + " within " + within);
            Thread.sleep(100);
        }
    }
}
