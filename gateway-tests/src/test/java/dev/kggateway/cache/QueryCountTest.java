package dev.kggateway.cache;

import static dev.kggateway.support.Fixture.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.store.GraphStore;
import dev.kggateway.support.Gql;
import dev.kggateway.support.KgConfigKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nested fields are batched: the number of SPARQL queries per request does not grow with the page size. Runs in the
 * default test application (the fixture catalogue) with the result cache off for each test, so every resolver reaches
 * the store: a real {@link ResultCache} built from {@code kg.cache.enabled=false} (parsed into the real KgConfig
 * mapping, as at start-up) is installed for the current test only ({@link QuarkusMock}; CatalogService,
 * SimilarityService and GetCaching reach it through the bean's client proxy), instead of an application of its own
 * with the key set.
 */
@QuarkusTest
class QueryCountTest {

    @BeforeEach
    void cacheOff() {
        ResultCache off = new ResultCache(KgConfigKeys.mapping(Map.of("kg.cache.enabled", "false")),
                new SimpleMeterRegistry());
        QuarkusMock.installMockForType(off, ResultCache.class);
    }

    static final String NESTED = """
            query($first: Int) { products(first: $first) { totalCount edges { node { id name
              properties { type value source confidence property { id productCount } } } } } }""";

    @Inject
    GraphStore store;

    long queriesFor(int first) {
        long before = store.queryCount();
        java.util.Map<String, Long> byName = store.queryCountsByName();
        List<Object> edges = Gql.ok(NESTED, vars("first", first)).getList("data.products.edges");
        assertEquals(first, edges.size());
        java.util.Map<String, Long> delta = new java.util.TreeMap<>();
        store.queryCountsByName().forEach((k, v) -> {
            if (v - byName.getOrDefault(k, 0L) > 0) {
                delta.put(k, v - byName.getOrDefault(k, 0L));
            }
        });
        System.out.println("queries for a nested page of " + first + ": " + delta);
        return store.queryCount() - before;
    }

    @Test
    void aNestedPageOfFiftyProductsCostsAFixedNumberOfQueries() {
        // page ids + products with links + totalCount + productCount of the page's property nodes, which SmallRye's
        // data loader may dispatch in two waves as the product fields resolve; never one query per product. On the
        // embedded store the listing index answers page ids, totalCount and productCount: only the products query.
        for (int first : new int[] { 10, 50, 100 }) {
            long queries = queriesFor(first);
            if (store.isEmbedded()) {
                assertEquals(1, queries, "queries for a nested page of " + first);
            } else {
                assertTrue(queries >= 4 && queries <= 5, "queries for a nested page of " + first + ": " + queries);
            }
        }
    }

    @Test
    void similarProductsWithTheirProductsIsBatchedToo() {
        long before = store.queryCount();
        List<Object> hits = Gql.ok("""
                { products(first: 1) { edges { node { id } } } }""").getList("data.products.edges");
        assertTrue(!hits.isEmpty());
        String id = Gql.ok("{ products(first: 1) { edges { node { id } } } }").getString("data.products.edges[0].node.id");
        before = store.queryCount();
        List<Object> similar = Gql.ok("query($id: ID!) { similarProducts(id: $id, first: 30, minShared: 1) { product { id name properties { value } } shared { id } } }",
                vars("id", id)).getList("data.similarProducts");
        assertTrue(similar.size() > 5);
        // products with links only: the source's nodes and the ranking come from the embedded similarity index
        // (a remote store without its index ready adds the source's links and one SPARQL ranking query)
        assertEquals(store.isEmbedded() ? 1 : 3, store.queryCount() - before);
    }

    @Test
    void similarProductsPrintedByNameReadSummariesNotLinks() {
        String id = Gql.ok("{ products(first: 1) { edges { node { id } } } }").getString("data.products.edges[0].node.id");
        java.util.Map<String, Long> before = store.queryCountsByName();
        // description: a field the similarity index does not hold (ids, names, prices and currencies it does: no read)
        List<Object> similar = Gql.ok("query($id: ID!) { similarProducts(id: $id, first: 30, minShared: 1) { product { id name description } } }",
                vars("id", id)).getList("data.similarProducts");
        assertTrue(similar.size() > 5);
        java.util.Map<String, Long> after = store.queryCountsByName();
        // one batch of summaries (the source's nodes come from the index): no product read with its links
        assertEquals(1, after.getOrDefault("product-summaries-by-iri", 0L) - before.getOrDefault("product-summaries-by-iri", 0L));
        assertEquals(0, after.getOrDefault("products-by-iri", 0L) - before.getOrDefault("products-by-iri", 0L));
    }
}
