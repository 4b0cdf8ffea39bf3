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
import java.io.IOException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * by id with every field, similarProducts, a listing page, cycling over up to {@link #MAX_IDS} distinct ids read page
 * by page. Off for command runs, dev and test mode, random ports, and when the first request does not succeed (e.g.
 * queries need credentials).
 */
@Readiness
@ApplicationScoped
public class WarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);

    /** Pages of ids; the rounds cycle over up to {@link #MAX_IDS} of them. */
    static final String IDS = "query WarmUpIds($after: String) { products(first: 100, after: $after) { edges { node { id } } "
            + "pageInfo { hasNextPage endCursor } } }";
    /**
     * Distinct products the rounds cycle over: with the result cache on (the default), a round on an id already
     * asked is answered from the cache, so as many distinct ids as rounds (up to this) keep the store reads and the
     * similarity ranking on the warmed path, not only the cache hit.
     */
    static final int MAX_IDS = 1000;
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
    /** Distinct products the last run cycled over. */
    private volatile int products;
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
                LOG.infof("Warm-up: %d of %d rounds over %d products in %d ms", n, config.warmUp().rounds(),
                        products, (System.nanoTime() - t0) / 1_000_000);
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
        return HealthCheckResponse.named("warm-up").status(up).withData("rounds", roundsDone)
                .withData("products", products).build();
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
            List<String> ids = ids(client, path, Math.min(rounds, MAX_IDS), deadlineNanos);
            products = ids.size();
            for (; n < rounds && !ids.isEmpty() && System.nanoTime() - deadlineNanos < 0; n++) {
                String id = ids.get(n % ids.size());
                for (String document : DOCUMENTS) {
                    if (post(client, path, document, Map.of("id", id)) == null) {
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

    /** Up to {@code max} product ids, page after page from the first listing page (fewer if the catalogue is smaller). */
    private List<String> ids(HttpClient client, String path, int max, long deadlineNanos) {
        List<String> ids = new ArrayList<>();
        String after = null;
        while (ids.size() < max && System.nanoTime() - deadlineNanos < 0) {
            JsonNode page = post(client, path, IDS, after == null ? null : Map.of("after", after));
            if (page == null) {
                break;
            }
            JsonNode products = page.path("data").path("products");
            products.path("edges").forEach(e -> ids.add(e.path("node").path("id").asText()));
            JsonNode info = products.path("pageInfo");
            if (!info.path("hasNextPage").asBoolean(false) || info.path("endCursor").isNull()) {
                break;
            }
            after = info.path("endCursor").asText();
        }
        return ids.size() > max ? ids.subList(0, max) : ids;
    }

    /** Distinct products the last {@link #run} cycled over. */
    int products() {
        return products;
    }

    String graphQlPath() {
        return rootPath.startsWith("/") ? rootPath : "/" + rootPath;
    }

    /**
     * The answer to the document with the given variables (string values, or none), or null (logged) when it is not
     * HTTP 200 without errors or does not come in time.
     */
    private JsonNode post(HttpClient client, String path, String document, Map<String, String> variables) {
        ObjectNode body = json.createObjectNode().put("query", document);
        if (variables != null) {
            ObjectNode vars = body.putObject("variables");
            variables.forEach(vars::put);
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
        } catch (ExecutionException | TimeoutException | IOException e) {
            LOG.infof("Warm-up stopped: %s", e.toString());
            return null;
        }
    }

    private record Answer(int status, String body) {
    }
}
