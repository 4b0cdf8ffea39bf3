package dev.kggateway.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * One chain per GraphQL operation of the contract. Each takes the request name, so the same chain
 * runs as "warmup: x" (not asserted) and as "x" (asserted).
 */
final class Scenarios {

    /** Unique per run, so repeated runs against the same store never collide on product ids. */
    static final String RUN_ID = Long.toString(System.currentTimeMillis(), 36);
    private static final AtomicLong SEQ = new AtomicLong();

    /*
     * Latency budgets: the p95 in ms each operation may reach on an idle machine at the default
     * rates, before the allowance for a busy machine (LatencyGate). Starting points from the
     * first local runs, not SLOs: see README.md.
     */
    static final int PRODUCT_BY_ID_MS = 200;
    static final int PRODUCTS_FILTERED_MS = 500;
    static final int PRODUCTS_PAGE_MS = 1000;
    static final int SIMILAR_PRODUCTS_MS = 800;
    static final int EXTRACT_PROPERTIES_MS = 500;
    static final int ADD_ENRICHED_MS = 3000;
    static final int ADD_PLAIN_MS = 1000;

    private Scenarios() {
    }

    /**
     * POST /graphql with the common checks. GraphQL reports most failures as HTTP 200 with an
     * "errors" array, so the status alone would count failed resolvers as successes; checking
     * $.errors[0].message also puts the server's message in the report's error table.
     */
    static HttpRequestActionBuilder graphql(String name, Function<Session, String> body) {
        return http(name).post("/graphql")
                .body(StringBody(body))
                // First, so every response is recorded for the latency gate, failed ones too.
                .check(responseTimeInMillis().transform(ms -> LatencyGate.record(name, ms)),
                        status().is(200), jsonPath("$.errors[0].message").notExists());
    }

    /**
     * { __typename }: HTTP, GraphQL parsing and execution, no store, no model. Its latency is what
     * the machine and the server's request path cost at the moment: the gate's baseline.
     */
    static ChainBuilder baseline(String name) {
        return exec(graphql(name, s -> GraphQl.body(GraphQl.TYPENAME, Map.of()))
                .check(jsonPath("$.data.__typename").is("Query")));
    }

    static FeederBuilder<Object> ids() {
        List<Map<String, Object>> records = Catalogue.get().ids.stream()
                .map(id -> Map.<String, Object>of("id", id))
                .collect(Collectors.toList());
        return listFeeder(records).random();
    }

    static Map<String, Object> vars(Object... kv) {
        Map<String, Object> m = new HashMap<>(); // HashMap: values may be null (e.g. "after")
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** product(id): the cheapest lookup; the gateway's baseline latency. */
    static ChainBuilder productById(String name) {
        return feed(ids()).exec(
                graphql(name, s -> GraphQl.body(GraphQl.PRODUCT_BY_ID, vars("id", s.getString("id"))))
                        .check(jsonPath("$.data.product.id").is(s -> s.getString("id"))));
    }

    /**
     * products(filter) with a filter built from real values (property, type, manufacturer,
     * price range or text), first page of 20, then the next page when there is one, as a UI
     * paging through results would.
     */
    static ChainBuilder productsFiltered(String name) {
        return exec(s -> s.set("filter", Catalogue.get().randomFilter(ThreadLocalRandom.current())))
                .exec(graphql(name, s -> GraphQl.body(GraphQl.PRODUCTS_FILTERED,
                        vars("filter", s.get("filter"), "first", 20)))
                        .check(jsonPath("$.data.products.totalCount").ofInt().gte(0),
                                jsonPath("$.data.products.pageInfo.hasNextPage").ofBoolean().saveAs("hasNext"),
                                jsonPath("$.data.products.pageInfo.endCursor").optional().saveAs("cursor")))
                // A failed first page saved nothing: no follow-up (the failure is already counted).
                .doIf(s -> s.contains("hasNext") && s.getBoolean("hasNext") && s.getString("cursor") != null).then(
                        exec(graphql(name + " (next page)", s -> GraphQl.body(GraphQl.PRODUCTS_FILTERED,
                                vars("filter", s.get("filter"), "first", 20, "after", s.getString("cursor"))))
                                .check(jsonPath("$.data.products.totalCount").ofInt().gte(0))));
    }

    /**
     * products(first: 50) with every product's properties: the widest read, exercises the store
     * round-trips per node (N+1 risk) and JSON serialisation.
     */
    static ChainBuilder productsPageNested(String name) {
        return exec(graphql(name, s -> GraphQl.body(GraphQl.PRODUCTS_PAGE_NESTED, vars("first", 50)))
                .check(jsonPath("$.data.products.edges[*]").count().lte(50),
                        jsonPath("$.data.products.edges[0].node.properties").exists(),
                        jsonPath("$.data.products.pageInfo.hasNextPage").ofBoolean().saveAs("hasNext"),
                        jsonPath("$.data.products.pageInfo.endCursor").optional().saveAs("cursor")))
                // A failed first page saved nothing: no follow-up (the failure is already counted).
                .doIf(s -> s.contains("hasNext") && s.getBoolean("hasNext") && s.getString("cursor") != null).then(
                        exec(graphql(name + " (next page)", s -> GraphQl.body(GraphQl.PRODUCTS_PAGE_NESTED,
                                vars("first", 50, "after", s.getString("cursor"))))
                                .check(jsonPath("$.data.products.edges[*]").count().lte(50))));
    }

    /** similarProducts(id): graph traversal over shared properties, the heaviest read query. */
    static ChainBuilder similarProducts(String name) {
        return feed(ids()).exec(
                graphql(name, s -> GraphQl.body(GraphQl.SIMILAR_PRODUCTS,
                        vars("id", s.getString("id"), "first", 10, "minShared", 2)))
                        .check(jsonPath("$.data.similarProducts").exists(),
                                jsonPath("$.data.similarProducts[*]").count().lte(10)));
    }

    /** extractProperties(text): one NER inference per request (TensorFlow on CPU). */
    static ChainBuilder extractProperties(String name) {
        return exec(s -> {
            List<String> texts = Catalogue.get().texts;
            return s.set("text", texts.get(ThreadLocalRandom.current().nextInt(texts.size())));
        }).exec(graphql(name, s -> GraphQl.body(GraphQl.EXTRACT_PROPERTIES, vars("text", s.getString("text"))))
                .check(jsonPath("$.data.extractProperties").exists()));
    }

    /**
     * addProducts with a batch of new products (fresh ids per run). With enrich=true every
     * product's description goes through NER before the write, so the two variants separate
     * the cost of inference from the cost of the store write. Sends X-API-Key from KG_API_KEY.
     */
    static ChainBuilder addProducts(String name, boolean enrich, int batchSize) {
        return exec(graphql(name, s -> GraphQl.body(GraphQl.ADD_PRODUCTS, vars("inputs", newProducts(enrich, batchSize))))
                .header("X-API-Key", LoadConfig.apiKey())
                .check(jsonPath("$.data.addProducts.failed").ofInt().is(0),
                        jsonPath("$.data.addProducts.added").ofInt().is(batchSize)));
    }

    static List<Map<String, Object>> newProducts(boolean enrich, int n) {
        Catalogue c = Catalogue.get();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        List<Map<String, Object>> inputs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String text = c.texts.get(r.nextInt(c.texts.size()));
            Map<String, Object> p = new HashMap<>();
            p.put("id", "loadtest-" + RUN_ID + "-" + SEQ.incrementAndGet());
            p.put("name", text.length() > 60 ? text.substring(0, 60) : text);
            p.put("description", text);
            p.put("price", Math.round(r.nextDouble(1, 500) * 100) / 100.0);
            p.put("currency", "USD");
            p.put("manufacturer", c.manufacturers.isEmpty() ? "Load Test Supply Co"
                    : c.manufacturers.get(r.nextInt(c.manufacturers.size())));
            if (!c.properties.isEmpty()) {
                Catalogue.Property prop = c.properties.get(r.nextInt(c.properties.size()));
                p.put("properties", List.of(Map.of("type", prop.type(), "value", prop.value())));
            }
            p.put("enrich", enrich);
            inputs.add(p);
        }
        return inputs;
    }
}
