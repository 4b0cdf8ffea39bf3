package dev.kggateway.store;

import static dev.kggateway.support.Fixture.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.cache.ResultCache;
import dev.kggateway.support.Gql;
import dev.kggateway.support.KgConfigKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * similarProducts whose response prints only the hits' ids and names takes both from the similarity index (no store
 * read, perf21), or only ids, names, prices and currencies (perf24), and answers exactly what the store read answers:
 * the same hits, names, prices and currencies as the summary path, also right after a rename, a repricing and a
 * removal through the API. Default test application (embedded store), result cache off
 * for each test (as QueryCountTest), its own products so the fixture catalogue's rankings are not touched.
 */
@QuarkusTest
class SimilarNamesFromIndexTest {

    @Inject
    GraphStore store;

    @BeforeEach
    void cacheOff() {
        ResultCache off = new ResultCache(KgConfigKeys.mapping(Map.of("kg.cache.enabled", "false")),
                new SimpleMeterRegistry());
        QuarkusMock.installMockForType(off, ResultCache.class);
    }

    static Map<String, Object> product(String id, String name, String colour, String size) {
        return Map.of("id", id, "name", name, "enrich", false, "properties", List.of(
                Map.of("type", "colour", "value", colour), Map.of("type", "size", "value", size),
                Map.of("type", "grade", "value", "names-probe")));
    }

    /** A product with a price and a currency (either may be null: the product has none). */
    static Map<String, Object> priced(String id, String name, String colour, Double price, String currency) {
        Map<String, Object> p = new HashMap<>(Map.of("id", id, "name", name, "enrich", false, "properties", List.of(
                Map.of("type", "colour", "value", colour), Map.of("type", "grade", "value", "prices-probe"))));
        if (price != null) {
            p.put("price", price);
        }
        if (currency != null) {
            p.put("currency", currency);
        }
        return p;
    }

    static void write(List<Map<String, Object>> products) {
        Gql.ok("mutation($in: [ProductInput!]!) { addProducts(inputs: $in) { added updated failed } }",
                vars("in", products));
    }

    /** The hits as "id name score", and the store reads the request cost by name. */
    record Answer(List<String> hits, Map<String, Long> reads) {
    }

    Answer ask(String id, String productSelection) {
        Map<String, Long> before = store.queryCountsByName();
        List<Map<String, Object>> hits = Gql.ok("query($id: ID!) { similarProducts(id: $id, first: 10, minShared: 1)"
                + " { score product " + productSelection + " } }", vars("id", id)).getList("data.similarProducts");
        Map<String, Long> reads = new TreeMap<>();
        store.queryCountsByName().forEach((name, n) -> {
            if (n - before.getOrDefault(name, 0L) > 0) {
                reads.put(name, n - before.getOrDefault(name, 0L));
            }
        });
        List<String> out = new ArrayList<>();
        for (Map<String, Object> hit : hits) {
            Map<?, ?> p = (Map<?, ?>) hit.get("product");
            out.add(p.get("id") + " " + p.get("name") + " " + hit.get("score")
                    + (p.containsKey("price") ? " " + p.get("price") + " " + p.get("currency") : ""));
        }
        return new Answer(out, reads);
    }

    @Test
    void idsAndNamesComeFromTheIndexAndEqualTheStoresAnswerAfterWrites() {
        write(List.of(product("NAMES-1", "Lamp one", "red", "s"), product("NAMES-2", "Lamp two", "red", "s"),
                product("NAMES-3", "Lamp three", "red", "m"), product("NAMES-4", "Lamp four", "blue", "m")));
        Answer names = ask("NAMES-1", "{ id name }");
        assertEquals(Map.of(), names.reads(), "ids and names only: nothing read from the store");
        assertTrue(names.hits().contains("NAMES-2 Lamp two 3.0"), names.hits().toString());
        Answer summaries = ask("NAMES-1", "{ id name description }");
        assertEquals(Map.of("product-summaries-by-iri", 1L), summaries.reads(), "another field: the store's summaries");
        assertEquals(summaries.hits(), names.hits(), "the same hits and names as the store gives");

        // Aliases, fragments and __typename select nothing else: still the index; a further field through a fragment
        // does.
        Answer aliased = ask("NAMES-1", "{ __typename label: name ... on Product { id } }");
        assertEquals(Map.of(), aliased.reads());
        Answer fragment = ask("NAMES-1", "{ id ... on Product { name manufacturer } }");
        assertEquals(Map.of("product-summaries-by-iri", 1L), fragment.reads());

        // A rename and a removal through this instance: the index has them as soon as the write returns.
        write(List.of(product("NAMES-2", "Lamp two, renamed", "red", "s")));
        Gql.ok("mutation { removeProduct(id: \"NAMES-3\") }");
        Answer after = ask("NAMES-1", "{ id name }");
        assertEquals(Map.of(), after.reads());
        assertTrue(after.hits().contains("NAMES-2 Lamp two, renamed 3.0"), after.hits().toString());
        assertTrue(after.hits().stream().noneMatch(h -> h.startsWith("NAMES-3 ")), after.hits().toString());
        assertEquals(ask("NAMES-1", "{ id name description }").hits(), after.hits());
    }

    @Test
    void pricesAndCurrenciesComeFromTheIndexAndEqualTheStoresAnswerAfterWrites() {
        // Decimals that are not binary fractions, a price without a currency, a product without either.
        write(List.of(priced("PRICES-1", "Desk one", "prices-oak", 19.99, "EUR"),
                priced("PRICES-2", "Desk two", "prices-oak", 0.1, "USD"), priced("PRICES-3", "Desk three", "prices-oak", 1234.5, null),
                priced("PRICES-4", "Desk four", "prices-oak", null, null), priced("PRICES-5", "Desk five", "prices-elm", 7.0, "EUR")));
        String card = "{ id name price currency }";
        // The same fields and one the index does not hold: the store's summaries, the yardstick.
        String read = "{ id name price currency manufacturer }";
        Answer fromIndex = ask("PRICES-1", card);
        assertEquals(Map.of(), fromIndex.reads(), "ids, names, prices and currencies only: nothing read from the store");
        assertEquals(List.of("PRICES-2 Desk two 2.0 0.1 USD", "PRICES-3 Desk three 2.0 1234.5 null",
                "PRICES-4 Desk four 2.0 null null", "PRICES-5 Desk five 1.0 7.0 EUR"), fromIndex.hits());
        Answer fromStore = ask("PRICES-1", read);
        assertEquals(Map.of("product-summaries-by-iri", 1L), fromStore.reads(), "a field the index lacks: the store's");
        assertEquals(fromStore.hits(), fromIndex.hits());
        assertEquals(Map.of(), ask("PRICES-1", "{ ... on Product { price } label: currency }").reads());

        // A repricing (currency gone) and a price added through this instance: in the index as soon as the write
        // returns.
        write(List.of(priced("PRICES-2", "Desk two", "prices-oak", 0.3, null),
                priced("PRICES-4", "Desk four", "prices-oak", 99.0, "GBP")));
        Answer after = ask("PRICES-1", card);
        assertEquals(Map.of(), after.reads());
        assertTrue(after.hits().contains("PRICES-2 Desk two 2.0 0.3 null"), after.hits().toString());
        assertTrue(after.hits().contains("PRICES-4 Desk four 2.0 99.0 GBP"), after.hits().toString());
        assertEquals(ask("PRICES-1", read).hits(), after.hits());
    }
}
