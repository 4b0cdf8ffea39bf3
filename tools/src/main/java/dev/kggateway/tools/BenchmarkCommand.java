package dev.kggateway.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.catalogue.CatalogueGenerator;
import dev.kggateway.cli.KgCommand;
import dev.kggateway.config.KgConfig;
import dev.kggateway.ingest.IngestReport;
import dev.kggateway.ingest.IngestService;
import dev.kggateway.ingest.ProductInput;
import dev.kggateway.ner.PropertyExtractor;
import dev.kggateway.service.SimilarityService;
import dev.kggateway.similarity.SimilarityMetric;
import dev.kggateway.store.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code benchmark [--products N] [--calls K] [--concurrency C] [--out FILE]}: loads N synthetic products when the
 * store holds fewer, then measures each operation over HTTP against this very process (so the figures include
 * GraphQL parsing, JSON and HTTP) and the same similarity work called directly below the API, to report the gateway's
 * overhead. Prints a Markdown table with p50/p95/p99 and throughput.
 */
@ApplicationScoped
public class BenchmarkCommand implements KgCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    IngestService ingest;

    @Inject
    ProductRepository products;

    @Inject
    SimilarityService similarity;

    @Inject
    Instance<PropertyExtractor> extractor;

    @Inject
    KgConfig config;

    private HttpClient http;
    private URI endpoint;
    private String apiKey;

    @Override
    public String name() {
        return "benchmark";
    }

    @Override
    public String summary() {
        return "[--products N] [--calls K] [--concurrency C] [--out FILE] [--listing]  measure operations"
                + " (--listing: only listing pages with orderBy, filters and facets; see BENCHMARKS.md)";
    }

    @Override
    public int run(String[] args) throws Exception {
        int target = intArg(args, "--products", 10_000);
        int calls = intArg(args, "--calls", 300);
        int concurrency = intArg(args, "--concurrency", 4);
        String out = stringArg(args, "--out", null);
        int port = ConfigProvider.getConfig().getValue("quarkus.http.port", Integer.class);
        endpoint = URI.create("http://localhost:" + port + "/graphql");
        apiKey = ConfigProvider.getConfig().getOptionalValue("kg.auth.api-keys", String.class)
                .map(k -> k.split(",")[0].strip()).orElse(null);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String refused = writesRefused();
        if (refused != null) {
            // Fail before minutes of measuring: every addProducts row would be all errors (README: needs a key).
            System.err.println("benchmark: the gateway refuses writes, so addProducts cannot be measured: " + refused
                    + "\nRun it with a writer key (KG_AUTH_API_KEYS=some-key) or with auth off (KG_AUTH_ENABLED=false).");
            return 3;
        }

        StringBuilder report = new StringBuilder();
        report.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", store ").append(config.store().kind())
                .append('/').append(config.store().engine()).append(", ").append(Instant.now()).append("\n\n");
        report.append(load(target)).append("\n\n");
        List<String> ids = sampleIds(2000);
        SplittableRandom random = new SplittableRandom(7);
        List<LatencyRecorder> results = new ArrayList<>();

        if (Arrays.asList(args).contains("--listing")) {
            return finish(report, listing(calls), "", out);
        }
        String byId = "query($id: ID!) { product(id: $id) { id name price manufacturer } }";
        results.add(measure("product by id (uncached ids)", calls, 1, i -> gql(byId, Map.of("id", ids.get(i % ids.size())))));
        results.add(measure("product by id (same id, concurrency " + concurrency + ")", calls * 5, concurrency,
                i -> gql(byId, Map.of("id", ids.get(0)))));
        String page = """
                query($f: ProductFilter) { products(filter: $f, first: 20) { totalCount edges { node { id name } } } }""";
        List<Map<String, Object>> filters = List.of(
                Map.of("properties", List.of(Map.of("type", "grade", "value", "sterile"))),
                Map.of("propertyType", "addon", "maxPrice", 100.0),
                Map.of("manufacturer", "corning", "text", "tubes"));
        results.add(measure("filtered products page (20, totalCount)", calls, 1,
                i -> gql(page, Map.of("f", filters.get(i % filters.size())))));
        String nested = """
                query($after: String) { products(first: 50, after: $after) { edges { node { id name
                  properties { type value source confidence property { id } } } } } }""";
        List<String> cursors = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            cursors.add(Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("product:" + ids.get(random.nextInt(ids.size()))).getBytes()));
        }
        results.add(measure("nested page of 50 products with properties", calls, 1,
                i -> gql(nested, Map.of("after", cursors.get(i % cursors.size())))));
        String similar = """
                query($id: ID!) { similarProducts(id: $id, first: 10) { score sharedCount shared { id } product { id name } } }""";
        results.add(measure("similarProducts (distinct ids)", calls, 1, i -> gql(similar, Map.of("id", ids.get(i % ids.size())))));
        results.add(measure("similarProducts (same id repeated)", calls, 1, i -> gql(similar, Map.of("id", ids.get(1)))));
        LatencyRecorder direct = measure("similarity below the API (same ids, uncached, no HTTP/GraphQL)", calls, 1,
                i -> similarity.similarUncached(ids.get(i % ids.size()), 10, 2, SimilarityMetric.SHARED_COUNT));
        results.add(direct);
        results.add(measure("similarProducts IDF (distinct ids)", calls / 2, 1, i -> gql(
                "query($id: ID!) { similarProducts(id: $id, first: 10, metric: IDF) { score product { id } } }",
                Map.of("id", ids.get((i * 7) % ids.size())))));
        if (extractor.isResolvable()) {
            List<String> texts = descriptions(200);
            results.add(measure("extractProperties (one description)", calls, 1,
                    i -> gql("query($t: String!) { extractProperties(text: $t) { type value confidence } }",
                            Map.of("t", texts.get(i % texts.size())))));
            results.add(measure("NER one description, in-process DJL (tokenise + predict + decode)", calls, 1,
                    i -> extractor.get().extract(List.of(texts.get(i % texts.size())))));
            LatencyRecorder batch = new LatencyRecorder("NER batch of 200 descriptions (in-process)");
            long start = System.nanoTime();
            for (int r = 0; r < 5; r++) {
                long t0 = System.nanoTime();
                extractor.get().extract(texts);
                batch.record(System.nanoTime() - t0);
            }
            batch.wall(System.nanoTime() - start);
            results.add(batch);
            report.append(String.format(Locale.ROOT, "NER batch throughput: %.0f descriptions/s%n%n",
                    200 / (batch.percentileMs(50) / 1000)));
        }
        results.add(addProducts("addProducts, 100 per call, enrich:false", 20, false));
        if (extractor.isResolvable()) {
            results.add(addProducts("addProducts, 100 per call, enrich:true", 10, true));
        }
        LatencyRecorder viaApi = results.get(4);
        return finish(report, results, String.format(Locale.ROOT,
                "%nGateway overhead on similarProducts (p50 via HTTP+GraphQL / p50 direct): %.2fx%n",
                viaApi.percentileMs(50) / direct.percentileMs(50)), out);
    }

    /**
     * Listing pages as a catalogue front end asks for them: 20 products in a chosen order, totalCount, facets of
     * three types and price stats. Each call varies the price bound, so with kg.cache.enabled=false (bench script)
     * nothing is served from a cache of an earlier call.
     */
    private List<LatencyRecorder> listing(int calls) {
        String page = """
                query($f: ProductFilter, $o: [ProductOrder!]) { products(filter: $f, orderBy: $o, first: 20) {
                  totalCount edges { cursor node { id name price } }
                  facets(types: ["material", "color", "grade"], first: 10) { type values { value count } }
                  priceStats { min max } } }""";
        String plain = """
                query($f: ProductFilter, $o: [ProductOrder!]) { products(filter: $f, orderBy: $o, first: 20) {
                  edges { cursor node { id name price } } } }""";
        IntFunction<Map<String, Object>> filter = i -> Map.of(
                "hasProperty", List.of("material"), "maxPrice", 200.0 + i % 97);
        IntFunction<Map<String, Object>> groups = i -> Map.of("anyOf", List.of(
                Map.of("propertyIn", List.of(Map.of("type", "grade", "values", List.of("sterile", "pcr clean")))),
                Map.of("manufacturerIn", List.of("corning", "eppendorf"))), "not", Map.of("minPrice", 300.0 + i % 89));
        List<LatencyRecorder> results = new ArrayList<>();
        results.add(measure("page of 20, filter, id order (no facets)", calls, 1,
                i -> gql(plain, vars("f", filter.apply(i), "o", null))));
        // PROPERTY_COUNT (a GROUP BY over the listing) and the unfiltered sort are measured last: if their store
        // queries time out, the store circuit breaker must not turn the other rows into errors.
        for (String field : List.of("NAME", "PRICE")) {
            results.add(measure("page of 20, filter, orderBy " + field + " DESC (no facets)", calls, 1,
                    i -> gql(plain, vars("f", filter.apply(i), "o", List.of(Map.of("field", field, "direction", "DESC"))))));
        }
        results.add(measure("listing page: filter + orderBy PRICE + 20 + totalCount + 3 facets + priceStats", calls, 1,
                i -> gql(page, vars("f", filter.apply(i), "o", List.of(Map.of("field", "PRICE"))))));
        // The same listing page's store work called below the API (no HTTP, GraphQL or JSON): on the embedded store
        // the listing index answers page, totalCount, facets and priceStats; the page's products come from SPARQL.
        dev.kggateway.domain.ProductOrdering byPrice = dev.kggateway.domain.ProductOrdering.of(List.of(
                new dev.kggateway.domain.ProductOrdering.Key(dev.kggateway.domain.ProductSortField.PRICE,
                        dev.kggateway.domain.SortDirection.ASC)));
        results.add(measure("listing page below the API (same filter; page + products + totalCount + facets + priceStats)",
                calls, 1, i -> {
                    dev.kggateway.domain.ProductQuery q = new dev.kggateway.domain.ProductQuery(List.of(), null, null,
                            null, 200.0 + i % 97, null, List.of(), List.of("material"), List.of(), List.of(), List.of(),
                            List.of(), null);
                    products.findByIds(products.findSorted(q, byPrice, null, 20, false).items().stream()
                            .map(dev.kggateway.domain.ProductPosition::id).toList());
                    products.count(q);
                    products.facets(q, List.of("color", "grade", "material"));
                    products.priceStats(q);
                }));
        results.add(measure("listing page: anyOf/not groups + orderBy NAME + totalCount + 3 facets + priceStats",
                calls, 1, i -> gql(page, vars("f", groups.apply(i), "o", List.of(Map.of("field", "NAME"))))));
        results.add(measure("page of 20, filter, orderBy PROPERTY_COUNT DESC (no facets)", calls, 1,
                i -> gql(plain, vars("f", filter.apply(i), "o", List.of(Map.of("field", "PROPERTY_COUNT", "direction", "DESC"))))));
        results.add(measure("whole catalogue, orderBy NAME (no filter, no facets)", Math.max(5, calls / 10), 1,
                i -> gql(plain, vars("f", Map.of("maxPrice", 100000.0 + i), "o", List.of(Map.of("field", "NAME"))))));
        return results;
    }

    private static Map<String, Object> vars(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The table of results, then {@code notes}, then every failed operation; exit code 1 when one failed. */
    private static int finish(StringBuilder report, List<LatencyRecorder> results, String notes, String out)
            throws IOException {
        report.append(LatencyRecorder.header()).append('\n');
        results.forEach(r -> report.append(r.row()).append('\n'));
        report.append(notes);
        List<LatencyRecorder> failed = results.stream().filter(r -> r.errors() > 0).toList();
        failed.forEach(r -> report.append(String.format(Locale.ROOT, "%nFAILED: %s: %d errors, first: %s", r.name(),
                r.errors(), r.firstError())));
        System.out.println(report);
        if (out != null) {
            Files.writeString(Path.of(out), report.toString());
        }
        if (!failed.isEmpty()) {
            System.err.println("benchmark: " + failed.size() + " operations had failed calls (see FAILED above); the"
                    + " figures are not valid");
            return 1;
        }
        return 0;
    }

    /** Write refusals that make the addProducts rows meaningless (auth, or a store that accepts no writes). */
    private static final Set<String> REFUSALS = Set.of("UNAUTHENTICATED", "FORBIDDEN",
            "STORE_FULL");

    /**
     * Sends an empty addProducts: the auth check runs before input validation, so a gateway that accepts writes
     * answers INVALID_ARGUMENT ("inputs must not be empty") and writes nothing. Null when writes are accepted,
     * else the refusal (code and message).
     */
    private String writesRefused() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("query", "mutation { addProducts(inputs: []) { added } }"))));
        if (apiKey != null && !apiKey.isEmpty()) {
            request.header("X-API-Key", apiKey);
        }
        JsonNode body = JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode error : body.path("errors")) {
            String code = error.path("extensions").path("code").asText();
            if (REFUSALS.contains(code)) {
                return code + ": " + error.path("message").asText();
            }
        }
        return null;
    }

    private String load(int target) throws IOException {
        int existing = products.totalProducts();
        if (existing >= target) {
            return "Store already holds " + existing + " products.";
        }
        CatalogueGenerator generator = new CatalogueGenerator(42);
        StringWriter buffer = new StringWriter();
        generator.write(target, buffer);
        List<ProductInput> batch = new ArrayList<>();
        long start = System.nanoTime();
        int loaded = 0;
        for (String line : buffer.toString().split("\n")) {
            ProductInput in = JSON.readValue(line, ProductInput.class);
            in.enrich = false;
            batch.add(in);
            if (batch.size() == 1000) {
                loaded += write(batch);
            }
        }
        if (!batch.isEmpty()) {
            loaded += write(batch);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "Loaded %d products (enrich:false, IngestService in batches of 1000) in %.1f s: %.0f products/s.",
                loaded, seconds, loaded / seconds);
    }

    private int write(List<ProductInput> batch) {
        IngestReport r = ingest.addProducts(new ArrayList<>(batch));
        batch.clear();
        if (r.failed() > 0) {
            throw new IllegalStateException("load failed: " + r.errors().get(0));
        }
        return r.added() + r.updated();
    }

    private List<String> sampleIds(int n) {
        List<String> ids = new ArrayList<>();
        String after = null;
        while (ids.size() < n) {
            var page = products.findIds(dev.kggateway.domain.ProductQuery.ALL, dev.kggateway.domain.Slice.forward(100, after));
            ids.addAll(page.items());
            if (!page.hasNext()) {
                break;
            }
            after = page.items().get(page.items().size() - 1);
        }
        Collections.shuffle(ids, new Random(3));
        return ids;
    }

    private List<String> descriptions(int n) throws IOException {
        StringWriter buffer = new StringWriter();
        new CatalogueGenerator(99).write(n, buffer);
        List<String> texts = new ArrayList<>();
        for (String line : buffer.toString().split("\n")) {
            texts.add(JSON.readTree(line).get("description").asText());
        }
        return texts;
    }

    private LatencyRecorder addProducts(String name, int calls, boolean enrich) throws IOException {
        CatalogueGenerator generator = new CatalogueGenerator(enrich ? 1001 : 1000);
        String mutation = "mutation($in: [ProductInput!]!) { addProducts(inputs: $in) { added updated failed } }";
        AtomicInteger seq = new AtomicInteger();
        return measure(name, calls, 1, i -> {
            List<Map<String, Object>> inputs = new ArrayList<>();
            for (int k = 0; k < 100; k++) {
                Map<String, Object> p = generator.product(seq.incrementAndGet());
                p.put("id", "BENCH-" + (enrich ? "E" : "P") + "-" + seq.get());
                p.put("enrich", enrich);
                inputs.add(p);
            }
            JsonNode result = gql(mutation, Map.of("in", inputs));
            if (result.path("data").path("addProducts").path("failed").asInt(-1) != 0) {
                throw new IllegalStateException("addProducts failed: " + result);
            }
        });
    }

    private LatencyRecorder measure(String name, int calls, int concurrency, Call call) {
        LatencyRecorder recorder = new LatencyRecorder(name);
        int warmup = Math.max(5, calls / 10);
        for (int i = 0; i < warmup; i++) {
            try {
                call.run(i);
            } catch (Exception e) {
                recorder.error(e);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < calls) {
                    long t0 = System.nanoTime();
                    try {
                        call.run(warmup + i);
                        recorder.record(System.nanoTime() - t0);
                    } catch (Exception e) {
                        recorder.error(e);
                    }
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        recorder.wall(System.nanoTime() - start);
        System.out.println(recorder.row());
        return recorder;
    }

    @FunctionalInterface
    interface Call {
        void run(int i) throws Exception;
    }

    private JsonNode gql(String query, Map<String, Object> variables) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
        if (apiKey != null && !apiKey.isEmpty()) {
            request.header("X-API-Key", apiKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(new StringReader(response.body()));
        if (response.statusCode() != 200 || body.has("errors")) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return body;
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Optional.ofNullable(stringArg(args, name, null)).map(Integer::parseInt).orElse(fallback);
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

}
