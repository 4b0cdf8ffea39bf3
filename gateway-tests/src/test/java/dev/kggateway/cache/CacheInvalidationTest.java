package dev.kggateway.cache;

import static dev.kggateway.support.Fixture.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.store.GraphStore;
import dev.kggateway.support.Gql;
import dev.kggateway.support.WritableStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cached reads are served without the store, and every write through this instance is visible at once. */
@QuarkusTest
@TestProfile(WritableStoreProfile.class)
class CacheInvalidationTest {

    @Inject
    GraphStore store;

    static Map<String, Object> product(String id, String name, List<String> colors) {
        return vars("id", id, "name", name, "enrich", false,
                "properties", colors.stream().map(c -> vars("type", "color", "value", c)).toList());
    }

    static void add(Map<String, Object> input) {
        Gql.ok("mutation($in: ProductInput!) { addProduct(input: $in) { id } }", vars("in", input));
    }

    @Test
    void repeatedReadsHitTheCacheAndWritesInvalidateThem() {
        add(product("C-1", "one", List.of("c-red", "c-blue", "c-green")));
        add(product("C-2", "two", List.of("c-red", "c-blue")));
        String similar = "{ similarProducts(id: \"C-1\", minShared: 1) { product { id name } sharedCount } }";
        assertEquals(List.of("C-2"), Gql.ok(similar).getList("data.similarProducts.product.id"));

        long before = store.queryCount();
        Gql.ok(similar);
        Gql.ok("{ product(id: \"C-1\") { name properties { value } } }");
        Gql.ok("{ product(id: \"C-1\") { name properties { value } } }");
        long afterFirstProductRead = store.queryCount();
        Gql.ok(similar);
        Gql.ok("{ product(id: \"C-1\") { name } }");
        assertEquals(afterFirstProductRead, store.queryCount(), "served from the caches");
        assertTrue(afterFirstProductRead - before <= 1, "only the first product read reached the store");

        // A new product sharing three properties outranks C-2 immediately.
        add(product("C-3", "three", List.of("c-red", "c-blue", "c-green")));
        assertEquals(List.of("C-3", "C-2"), Gql.ok(similar).getList("data.similarProducts.product.id"));
        // A renamed product shows its new name at once, also inside cached rankings.
        add(product("C-2", "two renamed", List.of("c-red", "c-blue")));
        assertEquals("two renamed", Gql.ok("{ product(id: \"C-2\") { name } }").getString("data.product.name"));
        assertEquals(List.of("three", "two renamed"), Gql.ok(similar).getList("data.similarProducts.product.name"));
        Gql.ok("mutation { removeProduct(id: \"C-3\") }");
        assertEquals(List.of("C-2"), Gql.ok(similar).getList("data.similarProducts.product.id"));
        assertTrue(Gql.ok("{ product(id: \"C-3\") { name } }").get("data.product") == null);
    }

    @Test
    void cacheMetricsAreExported() {
        Gql.ok("{ product(id: \"NOPE-1\") { name } }");
        Gql.ok("{ product(id: \"NOPE-1\") { name } }");
        String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("cache_gets_total{cache=\"kg-products\""), "cache hit/miss counters exported");
        assertTrue(metrics.contains("cache_evictions_total{cache=\"kg-results\""), "eviction counters exported");
    }
}
