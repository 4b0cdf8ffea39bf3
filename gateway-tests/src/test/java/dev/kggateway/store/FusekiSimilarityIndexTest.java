package dev.kggateway.store;

import static dev.kggateway.support.Fixture.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductVersion;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyLink;
import dev.kggateway.support.Gql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * similarProducts on a real Fuseki with the similarity index ready: what the store is asked per call; products
 * removed from the store behind the index's back (another instance's removal before the next poll, or a tool that
 * does not stamp: here deleted straight from Fuseki's dataset, with a poll period of an hour) are never named when the
 * response reads their summaries, the page refilled to {@code first}; a response printing only ids and names (perf21),
 * or only ids, names, prices and currencies (perf24), takes them from the index without a store request, as current
 * as the index, and equal to the store's summaries; also after the change feed rebuilt the index from the store. The
 * expected rankings come from a brute-force count over the fixture.
 */
@QuarkusTest
@TestProfile(FusekiModelProfile.class)
class FusekiSimilarityIndexTest {

    static final int PRODUCTS = 40;
    static final String SOURCE = id(0);
    static final String QUERY = "query($id: ID!, $first: Int) { similarProducts(id: $id, first: $first, minShared: 1)"
            + " { score sharedCount %s } }";

    @Inject
    ProductRepository products;

    @Inject
    StoreSimilarityIndex index;

    @Inject
    GraphStore store;

    @Inject
    Iris iris;

    @Inject
    ChangeFeed feed;

    static String id(int i) {
        return String.format("SIMF-%02d", i);
    }

    /** Product i's property nodes: four types with 2–5 values, so rankings have several levels and many ties. */
    static Map<String, String> nodes(int i) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("colour", "c" + i % 3);
        m.put("size", "s" + i % 4);
        m.put("grade", "g" + i % 5);
        m.put("shape", "h" + i % 2);
        return m;
    }

    @BeforeEach
    void seed() throws InterruptedException {
        List<ProductVersion> all = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            String id = id(i);
            List<PropertyLink> links = new ArrayList<>();
            nodes(i).forEach((type, value) -> links.add(PropertyLink.vendor(id, PropertyIds.node(type, value))));
            all.add(ProductVersion.of(new Product(id, "Probe " + i, null, 1.0 + i, "EUR", "ACME"), links, null));
        }
        products.replaceAll(all); // this instance's own write: in the index at once
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!index.ready() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertTrue(index.ready(), "the remote index became ready");
        // The feed's build ends with a poll: wait until the store is quiet, so every count below is this test's.
        long last = -1;
        while (store.queryCount() != last) {
            last = store.queryCount();
            Thread.sleep(300);
        }
    }

    /** The top {@code first} by shared nodes with the source, ties by id, among products not in {@code gone}. */
    static List<String> expected(int first, Set<String> gone) {
        Map<String, String> source = nodes(0);
        List<String[]> hits = new ArrayList<>();
        for (int i = 1; i < PRODUCTS; i++) {
            Map<String, String> theirs = nodes(i);
            int shared = (int) source.entrySet().stream().filter(e -> e.getValue().equals(theirs.get(e.getKey())))
                    .count();
            if (shared >= 1 && !gone.contains(id(i))) {
                hits.add(new String[] {id(i), String.valueOf(shared)});
            }
        }
        hits.sort(Comparator.<String[]>comparingInt(h -> -Integer.parseInt(h[1])).thenComparing(h -> h[0]));
        return hits.stream().limit(first).map(h -> h[0] + " " + h[1]).toList();
    }

    /** The ids and shared counts of a response's hits, and the store queries it cost by name. */
    record Answer(List<String> hits, Map<String, Long> queries, List<String> names, List<Map<?, ?>> products) {
    }

    Answer ask(String id, int first, String selection) {
        Map<String, Long> before = store.queryCountsByName();
        JsonPath r = Gql.ok(QUERY.formatted(selection), vars("id", id, "first", first));
        Map<String, Long> queries = new TreeMap<>();
        store.queryCountsByName().forEach((name, n) -> {
            if (n - before.getOrDefault(name, 0L) > 0) {
                queries.put(name, n - before.getOrDefault(name, 0L));
            }
        });
        List<Map<String, Object>> hits = r.getList("data.similarProducts");
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Map<?, ?>> printed = new ArrayList<>();
        for (Map<String, Object> hit : hits) {
            Object product = hit.get("product");
            printed.add((Map<?, ?>) product);
            int shared = ((Number) hit.get("sharedCount")).intValue();
            ids.add(product == null ? "? " + shared : ((Map<?, ?>) product).get("id") + " " + shared);
            names.add(product == null ? null : (String) ((Map<?, ?>) product).get("name"));
        }
        return new Answer(ids, queries, names, printed);
    }

    @Test
    void oneStoreCallPerRankingWithTheIndexReady() {
        // Summaries when the hits' links are not selected (also when no product field is: the read proves they exist),
        // whole products when they are; the source's nodes and the ranking come from the index.
        Answer summaries = ask(SOURCE, 10, "product { id name manufacturer }");
        assertEquals(expected(10, Set.of()), summaries.hits());
        assertEquals(Map.of("product-summaries-by-iri", 1L), summaries.queries());

        Answer whole = ask(SOURCE, 10, "product { id properties { type value } }");
        assertEquals(expected(10, Set.of()), whole.hits());
        assertEquals(Map.of("products-by-iri", 1L), whole.queries());

        // Only ids and names, or no product field at all: the index holds them, no store request.
        Answer names = ask(SOURCE, 10, "product { id name }");
        assertEquals(expected(10, Set.of()), names.hits());
        assertEquals(Map.of(), names.queries());

        Answer bare = ask(SOURCE, 10, "shared { id }");
        assertEquals(10, bare.hits().size());
        assertEquals(Map.of(), bare.queries());

        // Ids, names, prices and currencies (a recommendation's card, with the reason): the index holds them too.
        Answer cards = ask(SOURCE, 10, "shared { type value } product { id name price currency }");
        assertEquals(expected(10, Set.of()), cards.hits());
        assertEquals(Map.of(), cards.queries());
        assertEquals(storeCards(SOURCE, 10), cards.products());
    }

    /** The hits' ids, names, prices and currencies as the store's summaries print them (the yardstick). */
    List<Map<?, ?>> storeCards(String id, int first) {
        Answer read = ask(id, first, "product { id name price currency manufacturer }");
        assertEquals(Map.of("product-summaries-by-iri", 1L), read.queries());
        List<Map<?, ?>> out = new ArrayList<>();
        for (Map<?, ?> product : read.products()) {
            Map<Object, Object> card = new LinkedHashMap<>(product);
            card.remove("manufacturer");
            out.add(card);
        }
        return out;
    }

    @Test
    void pricesAndCurrenciesAreTheStoresAfterWritesAndAfterARebuild() {
        List<String> before = expected(5, Set.of());
        String first = before.get(0).split(" ")[0];
        String second = before.get(1).split(" ")[0];
        // This instance's own writes: a price that is no binary fraction, a currency removed, and no price at all.
        products.replaceAll(List.of(
                ProductVersion.of(new Product(first, "Repriced", null, 0.30000000000000004, null, "ACME"),
                        linksOf(first), null),
                ProductVersion.of(new Product(second, "Unpriced", null, null, null, "ACME"), linksOf(second), null)));
        Answer written = ask(SOURCE, 5, "product { id name price currency }");
        assertEquals(before, written.hits());
        assertEquals(Map.of(), written.queries());
        assertEquals(storeCards(SOURCE, 5), written.products());
        assertEquals(0.30000000000000004, written.products().get(0).get("price"));
        assertEquals(null, written.products().get(1).get("price"));

        // The change feed's rebuild reads the index from the store (nodes-of-products.rq): the same cards.
        feed.rebuild();
        Answer rebuilt = ask(SOURCE, 5, "product { id name price currency }");
        assertEquals(Map.of(), rebuilt.queries());
        assertEquals(written.products(), rebuilt.products());
        assertEquals(storeCards(SOURCE, 5), rebuilt.products());
    }

    @Test
    void idsAndNamesAreTheIndexsAsCurrentAsTheIndex() {
        List<String> before = expected(5, Set.of());
        String hit = before.get(0).split(" ")[0];
        // This instance's own rename: in the index as soon as the write returns.
        products.replaceAll(List.of(ProductVersion.of(new Product(hit, "Renamed " + hit, null, 2.0, "EUR", "ACME"),
                linksOf(hit), null)));
        Answer renamed = ask(SOURCE, 5, "product { id name }");
        assertEquals(before, renamed.hits());
        assertEquals("Renamed " + hit, renamed.names().get(0));
        assertEquals(Map.of(), renamed.queries());
        assertEquals(renamed.names(), ask(SOURCE, 5, "product { id name manufacturer }").names(),
                "as the store's summaries");

        // Removed behind the index's back (no stamp, no poll yet): an id-and-name response still names it until the
        // feed catches up (docs/remote-store.md), a response that reads summaries does not.
        deleteFromFuseki(hit);
        assertEquals(before, ask(SOURCE, 5, "product { id name }").hits());
        assertEquals(before, ask(SOURCE, 5, "product { id name price currency }").hits());
        assertEquals(expected(5, Set.of(hit)), ask(SOURCE, 5, "product { id name manufacturer }").hits());
    }

    /** The links the seed gives product {@code id}. */
    static List<PropertyLink> linksOf(String id) {
        List<PropertyLink> links = new ArrayList<>();
        nodes(Integer.parseInt(id.substring(id.indexOf('-') + 1))).forEach(
                (type, value) -> links.add(PropertyLink.vendor(id, PropertyIds.node(type, value))));
        return links;
    }

    @Test
    void hitsRemovedBehindTheIndexAreNotNamedAndThePageIsRefilled() {
        List<String> before = expected(5, Set.of());
        assertEquals(before, ask(SOURCE, 5, "product { id name manufacturer }").hits());

        // Two of the top five vanish from the store; the index still holds them (no stamp, no poll).
        Set<String> gone = new HashSet<>();
        for (String hit : List.of(before.get(0), before.get(3))) {
            String id = hit.split(" ")[0];
            deleteFromFuseki(id);
            assertNotNull(index.get().nodesOf(id), "the index still holds " + id);
            gone.add(id);
        }
        Answer afterTwo = ask(SOURCE, 5, "product { id name manufacturer }");
        assertEquals(expected(5, gone), afterTwo.hits());
        assertEquals(Map.of("product-summaries-by-iri", 1L), afterTwo.queries(), "over-fetched: one read");

        // More vanish than the ranking over-fetches: it ranks further and reads the products not read yet, once more.
        for (String hit : expected(SimilarityRepository.EXTRA_HITS + 5, gone)) {
            String id = hit.split(" ")[0];
            deleteFromFuseki(id);
            gone.add(id);
        }
        Answer afterMany = ask(SOURCE, 5, "product { id properties { value } }");
        assertEquals(expected(5, gone), afterMany.hits());
        assertEquals(5, afterMany.hits().size());
        assertEquals(Map.of("products-by-iri", 2L), afterMany.queries());

        // The source itself vanishes: nothing is ranked for it, as the store would answer.
        deleteFromFuseki(SOURCE);
        assertEquals(List.of(), ask(SOURCE, 5, "product { id description }").hits());
    }

    /** Removes a product's statements straight from Fuseki's dataset: no stamp, so the index does not learn of it. */
    void deleteFromFuseki(String id) {
        DatasetGraph ds = FusekiTestResource.current().dataset();
        Node graph = NodeFactory.createURI(iris.catalogGraph().stringValue());
        Node product = NodeFactory.createURI(iris.product(id).stringValue());
        ds.executeWrite(() -> ds.deleteAny(graph, product, Node.ANY, Node.ANY));
    }
}
