package dev.kggateway.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kggateway.config.KgConfig;
import dev.kggateway.config.RunMode;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Warms the JIT before the instance reports ready ({@code kg.warm-up.*}, docs/deploy.md "Warm-up before ready"). A
 * fresh JVM serves its first few thousand requests at about twice the warm latency: the request path runs interpreted
 * or in C1 code while the C2 compiler, itself busy on one of the two cores, catches up (BENCHMARKS "perf25": uncached
 * product(id) p50 1.2-2.1 ms in bsbm.sh's window of a fresh server, 0.9-1.1 ms with this warm-up). So once the HTTP
 * server listens, this sends the server itself {@code rounds} rounds of three GraphQL requests over loopback HTTP - the
 * same route, guard, execution, store reads and response writing a client's request takes - and readiness stays DOWN
 * until they are done, one fails, or {@code timeout} has passed since the server began to listen. Read-only: product
 * by id with every field, similarProducts, a listing page, for ids the first listing page returns. Off for command
 * runs, dev and test mode, random ports, and when the first request does not succeed (e.g. queries need credentials).
 */
@Readiness
@ApplicationScoped
public class WarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);

    static final String IDS = "query WarmUpIds { products(first: 100) { edges { node { id } } } }";
    static final List<String> DOCUMENTS = List.of(
            "query WarmUpProduct($id: ID!) { product(id: $id) { id name description price currency manufacturer "
                    + "properties { type value source confidence } } }",
            "query WarmUpSimilar($id: ID!) { similarProducts(id: $id, first: 10) { score sharedCount "
                    + "product { id name price currency } } }",
            "query WarmUpListing { products(first: 20) { edges { node { id name price } } "
                    + "pageInfo { hasNextPage endCursor } } }");
    private static final long REQUEST_TIMEOUT_SECONDS = 10;

    @Inject
    KgConfig config;

    @Inject
    RunMode runMode;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String rootPath;

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean done;
    private volatile int roundsDone;
    /** Readiness waits for the warm-up until then at most ({@link System#nanoTime}). */
    private volatile long deadline;

    @PostConstruct
    void init() {
        // Until the HTTP server listens: a bound for a server whose plain HTTP never starts (e.g. HTTPS only).
        deadline = System.nanoTime() + config.warmUp().timeout().toNanos();
        done = config.warmUp().rounds() <= 0 || runMode.command() || LaunchMode.current() != LaunchMode.NORMAL;
    }

    /** Creates the bean at start, so the fallback bound counts from start and not from the first readiness probe. */
    void onStart(@Observes StartupEvent event) {
    }

    /** Quarkus fires this (asynchronously: an {@code @Observes} method never sees it) when the HTTP server listens. */
    void onHttpStart(@ObservesAsync HttpServerStart start) {
        if (done || !started.compareAndSet(false, true)) {
            return;
        }
        int port = start.options().getPort();
        if (port <= 0) {
            done = true;
            return;
        }
        String host = start.options().getHost();
        if (host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        String target = host;
        // The timeout counts from here: a large catalogue's start (index builds) must not use it up.
        deadline = System.nanoTime() + config.warmUp().timeout().toNanos();
        Thread thread = new Thread(() -> {
            try {
                long t0 = System.nanoTime();
                int n = run(target, port, graphQlPath(), config.warmUp().rounds(), deadline);
                LOG.infof("Warm-up: %d of %d rounds in %d ms", n, config.warmUp().rounds(),
                        (System.nanoTime() - t0) / 1_000_000);
            } finally {
                done = true;
            }
        }, "kg-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = done || System.nanoTime() - deadline > 0;
        return HealthCheckResponse.named("warm-up").status(up).withData("rounds", roundsDone).build();
    }

    /**
     * Up to {@code rounds} rounds of {@link #DOCUMENTS} against the GraphQL endpoint at host:port+path, one connection,
     * one request at a time, until the deadline ({@link System#nanoTime}); the rounds done. Stops at the first answer
     * that is not HTTP 200 without errors. Blocks: never call it on an event loop.
     */
    int run(String host, int port, String path, int rounds, long deadlineNanos) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(host).setDefaultPort(port)
                .setMaxPoolSize(1).setKeepAlive(true));
        int n = 0;
        try {
            JsonNode listed = post(client, path, IDS, null);
            List<String> ids = new ArrayList<>();
            if (listed != null) {
                listed.path("data").path("products").path("edges")
                        .forEach(e -> ids.add(e.path("node").path("id").asText()));
            }
            for (; n < rounds && !ids.isEmpty() && System.nanoTime() - deadlineNanos < 0; n++) {
                String id = ids.get(n % ids.size());
                for (String document : DOCUMENTS) {
                    if (post(client, path, document, id) == null) {
                        return n;
                    }
                }
                roundsDone = n + 1;
            }
            return n;
        } finally {
            client.close();
        }
    }

    String graphQlPath() {
        return rootPath.startsWith("/") ? rootPath : "/" + rootPath;
    }

    /** The answer, or null (logged) when it is not HTTP 200 without errors or does not come in time. */
    private JsonNode post(HttpClient client, String path, String document, String id) {
        ObjectNode body = json.createObjectNode().put("query", document);
        if (document.contains("$id")) {
            body.putObject("variables").put("id", id);
        }
        try {
            Answer answer = client.request(HttpMethod.POST, path)
                    .compose(request -> request.putHeader("Content-Type", "application/json")
                            .send(body.toString())
                            .compose(response -> response.body()
                                    .map(b -> new Answer(response.statusCode(), b.toString()))))
                    .toCompletionStage().toCompletableFuture().get(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            JsonNode parsed = answer.status == 200 ? json.readTree(answer.body) : null;
            if (parsed == null || parsed.has("errors")) {
                LOG.infof("Warm-up stopped: HTTP %d from %s", answer.status, path);
                return null;
            }
            return parsed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException | java.io.IOException e) {
            LOG.infof("Warm-up stopped: %s", e.toString());
            return null;
        }
    }

    private record Answer(int status, String body) {
    }
}
