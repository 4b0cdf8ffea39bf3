package dev.kggateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.support.Gql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Isolation from a hung store: Fuseki is replaced by a socket that accepts connections and never answers (what a
 * SIGSTOPped server looks like to a client), 60 uncached reads arrive at once, and while the store hangs the cached
 * {@code propertyTypes} (with no store call), the store-free {@code extractProperties} and liveness answer; the reads
 * end with STORE_UNAVAILABLE, only the bulkhead's worth of them reaching the store; the breaker opens and refuses a call
 * without touching the store, and closes again once the store answers.
 *
 * <p>"Does not wait for the store" is checked by order and by count, never by a tight clock (a flake at load 8 when it
 * was "under 1000 ms"): the store stays hung until every answer is in (so an answer that needed it would be
 * STORE_UNAVAILABLE), and the store saw no call for the cached answers. The one clock bound left, on the hung calls, is
 * derived from the configured socket timeout with a wide margin. How fast these paths are is measured by bench/, not
 * here.
 */
@QuarkusTest
@TestProfile(FusekiWritableProfile.class)
class FrozenStoreIsolationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    CircuitBreakerMaintenance breaker;

    @Inject
    ChangeFeed feed;

    @Inject
    dev.kggateway.config.KgConfig config;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    /** Store calls made for {@code propertyTypes} so far (each counted when it ends, refused ones too). */
    long propertyTypeStoreCalls() {
        return (long) registry.find(dev.kggateway.observability.LatencyHistograms.SPARQL_TIMER)
                .tag("query", "property-type-stats").timers().stream().mapToLong(t -> t.count()).sum();
    }

    record Answer(long millis, int status, JsonNode body) {
        String code() {
            return body == null ? null : body.path("errors").path(0).path("extensions").path("code").asText(null);
        }
    }

    static Answer post(String query) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(Gql.uri("/graphql"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer((System.nanoTime() - start) / 1_000_000, r.statusCode(), JSON.readTree(r.body()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Answer get(String path) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(Gql.uri(path))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer((System.nanoTime() - start) / 1_000_000, r.statusCode(), null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The application is shared with the other FusekiWritableProfile tests: whatever this test's outcome, they find
     * Fuseki answering (the finally below) and the breaker closed, so a failure here is reported here only.
     */
    @AfterEach
    void leaveTheBreakerClosed() {
        breaker.reset("graph-store");
    }

    /**
     * Waits until the change feed has made one whole poll that started after this call. The feed re-reads what earlier
     * tests of this application wrote (on a remote store every instance sees its own writes again) and publishes them,
     * which bumps the result cache's generation: a poll landing between the warm-up below and the cached requests made
     * the warm answer stale, so the "cached" request went to the hung store (seen once at load 13). The feed's runs
     * are one after another on its single thread, so once more runs have finished than had started now, one that
     * started after now has finished; nothing is written after it. (Waiting for two poll starts instead took one to
     * two poll periods, 5-10 s; this takes up to one period plus the run.)
     */
    private void feedCaughtUp() throws InterruptedException {
        long startedBefore = feed.counts()[2];
        long begin = System.nanoTime();
        long deadline = begin + TimeUnit.SECONDS.toNanos(60);
        while (feed.counts()[3] < startedBefore + 1) {
            assertTrue(System.nanoTime() < deadline, "the change feed finished no run in 60 s");
            Thread.sleep(50);
        }
        System.out.printf("frozen store: change feed caught up in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
    }

    @Test
    void cachedAndStoreFreeRequestsAnswerWhileTheStoreHangsAndTheBreakerOpensThenCloses() throws Exception {
        // The profile sets the delay through the former StoreGuard key, a documented alias of kg.store.breaker.delay,
        // and the bulkhead (10) below the connection pool (12): what the counts and bounds below are stated for.
        assertEquals(Duration.ofSeconds(11), config.store().breaker().delay());
        assertEquals(10, config.store().maxConcurrentCalls());
        assertTrue(config.store().maxConnections().orElseThrow() > config.store().maxConcurrentCalls());
        breaker.reset("graph-store");
        FusekiTestResource fuseki = FusekiTestResource.current();
        feedCaughtUp();
        Answer warm = post("{ propertyTypes { type propertyCount } }");
        assertEquals(null, warm.code(), warm.body().toString());
        long storeCallsWhenWarm = propertyTypeStoreCalls();
        ExecutorService clients = Executors.newFixedThreadPool(60);
        List<Answer> cached = new ArrayList<>();
        List<Answer> storeFree = new ArrayList<>();
        List<Answer> live = new ArrayList<>();
        List<Answer> reads = new ArrayList<>();
        int reachedTheStore;
        fuseki.hang();
        try {
            List<Future<Answer>> pending = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String id = "ISO-" + i; // never read before: a cache miss, so a store call
                pending.add(clients.submit(() -> post("{ product(id: \"" + id + "\") { id name } }")));
            }
            Thread.sleep(300); // the reads are in: the bulkhead is full, the rest have been turned away
            for (int i = 0; i < 5; i++) {
                cached.add(post("{ propertyTypes { type propertyCount } }"));
                storeFree.add(post("{ extractProperties(text: \"10 ml borosilicate glass vial\") { type value } }"));
                live.add(get("/q/health/live"));
            }
            // A guard against a hang only (the hung calls end at the socket timeout): the answers are checked below.
            for (Future<Answer> f : pending) {
                reads.add(f.get(5, TimeUnit.MINUTES));
            }
            // Only the bulkhead's worth reached the store: the other 50 were refused without a connection (and so
            // without waiting for it), whatever the machine's load made their latency.
            reachedTheStore = fuseki.hungConnections();
            assertEquals(CircuitBreakerState.OPEN, breaker.currentState("graph-store"),
                    "timeouts and rejections open the breaker");
            int connectionsBefore = fuseki.hungConnections();
            Answer whileOpen = post("{ product(id: \"ISO-open\") { id } }");
            assertEquals("STORE_UNAVAILABLE", whileOpen.code(), whileOpen.body().toString());
            // Fails at once = fails without calling the hung store (a call that did would wait out the socket
            // timeout on a new connection to it).
            assertEquals(connectionsBefore, fuseki.hungConnections(),
                    "an open breaker refuses without calling the store (" + whileOpen.millis() + " ms)");
        } finally {
            fuseki.startServer();
            clients.shutdownNow();
        }
        // All of these were answered while the store hung (it comes back only in the finally above, after the
        // answers are in): an answer that waited for the store would have been STORE_UNAVAILABLE (bulkhead full,
        // breaker open or socket timeout), so the answers themselves show the store was not needed.
        for (Answer a : cached) {
            assertEquals(null, a.code(), a.body().toString());
            assertEquals(warm.body(), a.body(), "the cached answer is the one read before the store hung");
        }
        // ... and the cached answers did not even ask it (a store call that failed over to a stale copy would count).
        assertEquals(storeCallsWhenWarm, propertyTypeStoreCalls(), "store calls for the cached propertyTypes");
        for (Answer a : storeFree) {
            // The model is off in this profile: MODEL_UNAVAILABLE, answered without waiting for the store.
            assertEquals("MODEL_UNAVAILABLE", a.code(), a.body().toString());
        }
        for (Answer a : live) {
            assertEquals(200, a.status(), "liveness while the store hangs");
        }
        for (Answer a : reads) {
            assertEquals("STORE_UNAVAILABLE", a.code(), a.body().toString());
        }
        assertTrue(reachedTheStore > 0 && reachedTheStore <= config.store().maxConcurrentCalls(),
                "all but the bulkhead (10) were refused without calling the store: " + reachedTheStore + " did");
        // A hang is bounded by the socket timeout: the bound is three times it (24 s), wide enough for a loaded
        // 2-core machine's queueing yet under the client's 60 s and far under RDF4J's default socket timeout (days),
        // which is what it guards against.
        long slowest = reads.stream().mapToLong(Answer::millis).max().orElse(0);
        long bound = 3 * config.store().socketTimeout().toMillis();
        assertTrue(slowest < bound, "a hung call is bounded by the socket timeout ("
                + config.store().socketTimeout() + "): slowest " + slowest + " ms, bound " + bound + " ms");
        System.out.printf("frozen store: 60 reads, %d reached the store, slowest %d ms; cached max %d ms,"
                + " extractProperties max %d ms, liveness max %d ms (latencies for information only)%n",
                reachedTheStore, slowest,
                cached.stream().mapToLong(Answer::millis).max().orElse(0),
                storeFree.stream().mapToLong(Answer::millis).max().orElse(0),
                live.stream().mapToLong(Answer::millis).max().orElse(0));

        // Recovery: after the breaker's delay (11 s here, longer than the hung calls take to time out) a probe goes
        // through, and two answers close it.
        // A guard against a breaker that never closes, not a speed bound: the delay plus a wide margin.
        long until = System.nanoTime() + config.store().breaker().delay().plusSeconds(60).toNanos();
        Answer after = null;
        while (System.nanoTime() < until) {
            after = post("{ product(id: \"ISO-after-" + System.nanoTime() + "\") { id } }");
            if (after.code() == null && breaker.currentState("graph-store") == CircuitBreakerState.CLOSED) {
                break;
            }
            Thread.sleep(250);
        }
        assertEquals(null, after.code(), after.body().toString());
        assertEquals(CircuitBreakerState.CLOSED, breaker.currentState("graph-store"));
        breaker.reset("graph-store");
    }
}
