package dev.kggateway.api;

import dev.kggateway.similarity.SimilarityMetric;
import dev.kggateway.support.Fixture;
import dev.kggateway.support.Gql;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.kggateway.support.Fixture.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read contract of the GraphQL API, checked against expectations computed from the fixture file itself. Runs on
 * every store kind (one subclass per kind) against the same fixture catalogue loaded on start.
 */
public abstract class CatalogContractTest {

    static final Fixture F = Fixture.get();

    static final String PRODUCTS_PAGE = """
            query($filter: ProductFilter, $first: Int, $after: String) {
              products(filter: $filter, first: $first, after: $after) {
                totalCount
                edges { cursor node { id } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    /** Walks every page of a listing and returns the ids in the order served. */
    static List<String> allPages(Map<String, Object> filter, int pageSize) {
        List<String> ids = new ArrayList<>();
        String after = null;
        for (int guard = 0; guard < 1000; guard++) {
            JsonPath page = Gql.ok(PRODUCTS_PAGE, vars("filter", filter, "first", pageSize, "after", after));
            List<String> pageIds = page.getList("data.products.edges.node.id");
            ids.addAll(pageIds);
            assertTrue(pageIds.size() <= pageSize);
            if (!page.getBoolean("data.products.pageInfo.hasNextPage")) {
                return ids;
            }
            assertEquals(pageSize, pageIds.size(), "only the last page may be short");
            after = page.getString("data.products.pageInfo.endCursor");
            assertEquals(page.getString("data.products.edges[-1].cursor"), after);
        }
        throw new AssertionError("pagination did not end");
    }

    @Test
    void productByIdReturnsItsFieldsAndVendorProperties() {
        Fixture.Item item = F.items.values().iterator().next();
        JsonPath json = Gql.ok("""
                query($id: ID!) { product(id: $id) { id name description price currency manufacturer
                  properties { type value source confidence modelVersion property { id type value } } } }""",
                vars("id", item.id()));
        assertEquals(item.id(), json.getString("data.product.id"));
        assertEquals(item.name(), json.getString("data.product.name"));
        assertEquals(item.description(), json.getString("data.product.description"));
        assertEquals(item.price(), json.getDouble("data.product.price"), 1e-9);
        assertEquals(item.currency(), json.getString("data.product.currency"));
        assertEquals(item.manufacturer(), json.getString("data.product.manufacturer"));
        List<Map<String, Object>> props = json.getList("data.product.properties");
        Set<String> keys = props.stream().map(p -> Fixture.key((String) p.get("type"), (String) p.get("value")))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(item.properties(), keys);
        props.forEach(p -> {
            assertEquals("VENDOR", p.get("source"));
            assertNull(p.get("confidence"));
            @SuppressWarnings("unchecked")
            Map<String, Object> node = (Map<String, Object>) p.get("property");
            assertEquals(p.get("type"), node.get("type"));
            assertEquals(p.get("value"), node.get("value"));
        });
    }

    @Test
    void unknownProductIsNullNotAnError() {
        JsonPath json = Gql.post("{ product(id: \"NO-SUCH-1\") { id } }");
        assertNull(json.get("errors"));
        assertNull(json.get("data.product"));
    }

    @Test
    void paginationCoversEveryProductOnceInIdOrder() {
        List<String> ids = allPages(null, 7);
        assertEquals(F.ids(), ids, "all fixture ids, sorted, no gaps, no duplicates");
        assertEquals(new LinkedHashSet<>(ids).size(), ids.size());
        assertEquals(F.items.size(), Gql.ok("{ products(first: 1) { totalCount } }").getInt("data.products.totalCount"));
    }

    @Test
    void pagesAreStableWhenRepeated() {
        JsonPath first = Gql.ok(PRODUCTS_PAGE, vars("first", 5));
        String after = first.getString("data.products.pageInfo.endCursor");
        List<String> a = Gql.ok(PRODUCTS_PAGE, vars("first", 5, "after", after)).getList("data.products.edges.node.id");
        List<String> b = Gql.ok(PRODUCTS_PAGE, vars("first", 5, "after", after)).getList("data.products.edges.node.id");
        assertEquals(a, b);
        assertEquals(F.ids().subList(5, 10), a);
    }

    @Test
    void filterByTwoPropertiesIsAnAnd() {
        Map<String, Set<String>> byProp = F.productsByProperty();
        // Pick the two most common property keys that co-occur on at least one product.
        List<String> common = byProp.entrySet().stream()
                .sorted((x, y) -> Integer.compare(y.getValue().size(), x.getValue().size()))
                .map(Map.Entry::getKey).limit(12).toList();
        String p1 = null;
        String p2 = null;
        Set<String> expected = null;
        outer:
        for (String a : common) {
            for (String b : common) {
                if (a.compareTo(b) < 0 && !a.startsWith(b.substring(0, b.indexOf('=') + 1))) {
                    Set<String> both = new TreeSet<>(byProp.get(a));
                    both.retainAll(byProp.get(b));
                    if (both.size() >= 2 && both.size() < byProp.get(a).size()) {
                        p1 = a;
                        p2 = b;
                        expected = both;
                        break outer;
                    }
                }
            }
        }
        assertTrue(expected != null, "fixture has co-occurring properties");
        Map<String, Object> filter = vars("properties", List.of(input(p1), upperCased(input(p2))));
        assertEquals(new ArrayList<>(expected), allPages(filter, 3));
        assertEquals(expected.size(), Gql.ok(PRODUCTS_PAGE, vars("filter", filter, "first", 1))
                .getInt("data.products.totalCount"));
    }

    static Map<String, Object> input(String key) {
        int eq = key.indexOf('=');
        return vars("type", key.substring(0, eq), "value", key.substring(eq + 1));
    }

    /** Same property with other casing and spacing: filters normalise like stored values. */
    static Map<String, Object> upperCased(Map<String, Object> in) {
        return vars("type", in.get("type"), "value", "  " + ((String) in.get("value")).toUpperCase() + " ");
    }

    @Test
    void filterByPropertyTypeManufacturerPriceAndText() {
        Set<String> withAddon = F.items.values().stream()
                .filter(i -> i.properties().stream().anyMatch(p -> p.startsWith("addon=")))
                .map(Fixture.Item::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new ArrayList<>(withAddon), allPages(vars("propertyType", "addon"), 10));

        String manufacturer = F.items.values().iterator().next().manufacturer();
        Set<String> byManufacturer = F.items.values().stream()
                .filter(i -> i.manufacturer().equalsIgnoreCase(manufacturer))
                .map(Fixture.Item::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new ArrayList<>(byManufacturer),
                allPages(vars("manufacturer", manufacturer.toUpperCase()), 10));

        Set<String> priced = F.items.values().stream().filter(i -> i.price() >= 50 && i.price() <= 150)
                .map(Fixture.Item::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new ArrayList<>(priced), allPages(vars("minPrice", 50.0, "maxPrice", 150.0), 10));

        Set<String> text = F.items.values().stream()
                .filter(i -> (i.name() + " " + i.description()).toLowerCase().contains("tubes"))
                .map(Fixture.Item::id).collect(Collectors.toCollection(TreeSet::new));
        assertFalse(text.isEmpty());
        assertEquals(new ArrayList<>(text), allPages(vars("text", "TUBES"), 10));
    }

    @ParameterizedTest
    @EnumSource(SimilarityMetric.class)
    void similarProductsMatchBruteForceRanking(SimilarityMetric metric) {
        for (String id : List.of(F.richestProduct(), F.ids().get(3), F.ids().get(F.ids().size() / 2))) {
            for (int minShared : new int[] { 1, 2, 3 }) {
                List<Fixture.Ranked> expected = F.similar(id, 10, minShared, metric);
                JsonPath json = Gql.ok("""
                        query($id: ID!, $min: Int, $metric: SimilarityMetric) {
                          similarProducts(id: $id, first: 10, minShared: $min, metric: $metric) {
                            score sharedCount shared { type value } product { id } } }""",
                        vars("id", id, "min", minShared, "metric", metric.name()));
                List<Map<String, Object>> hits = json.getList("data.similarProducts");
                assertEquals(expected.size(), hits.size(), metric + " " + id + " min " + minShared);
                for (int i = 0; i < hits.size(); i++) {
                    Map<String, Object> hit = hits.get(i);
                    Fixture.Ranked want = expected.get(i);
                    @SuppressWarnings("unchecked")
                    String gotId = (String) ((Map<String, Object>) hit.get("product")).get("id");
                    String where = metric + " " + id + " rank " + i;
                    assertEquals(want.score(), ((Number) hit.get("score")).doubleValue(), 1e-9, where);
                    assertEquals(want.shared(), ((Number) hit.get("sharedCount")).intValue(), where);
                    if (!(i + 1 < expected.size() && Math.abs(expected.get(i + 1).score() - want.score()) < 1e-9
                            && metric == SimilarityMetric.IDF)) {
                        assertEquals(want.id(), gotId, where);
                    }
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> shared = (List<Map<String, Object>>) hit.get("shared");
                    Set<String> sharedKeys = new HashSet<>();
                    shared.forEach(s -> sharedKeys.add(Fixture.key((String) s.get("type"), (String) s.get("value"))));
                    assertEquals(F.items.get(gotId).properties().stream()
                            .filter(F.items.get(id).properties()::contains).collect(Collectors.toSet()), sharedKeys, where);
                }
            }
        }
    }

    @Test
    void similarProductsOnProductFieldEqualsTopLevel() {
        String id = F.richestProduct();
        JsonPath json = Gql.ok("""
                query($id: ID!) {
                  top: similarProducts(id: $id, first: 5) { product { id } sharedCount }
                  product(id: $id) { similarProducts(first: 5) { product { id } sharedCount } } }""", vars("id", id));
        assertEquals((Object) json.getList("data.top"), json.getList("data.product.similarProducts"));
        assertFalse(json.getList("data.top").isEmpty());
    }

    @Test
    void similarProductsLoadLinksOnlyWhereSelectedInOneBatch() {
        // Three rankings in one request, resolved in one batch of hits: without links (summaries), with links, and
        // with links selected through a fragment under an alias. Fields agree; links are those of product(id).
        String id = F.richestProduct();
        JsonPath json = Gql.ok("""
                query($id: ID!) {
                  light: similarProducts(id: $id, first: 8, minShared: 1) {
                    product { id name description price currency manufacturer } }
                  full: similarProducts(id: $id, first: 8, minShared: 1) {
                    product { id name description price currency manufacturer properties { type value source } } }
                  fragment: similarProducts(id: $id, first: 8, minShared: 1) {
                    product { id ... on Product { links: properties { type value source } } } } }""", vars("id", id));
        List<Map<String, Object>> light = json.getList("data.light.product");
        List<Map<String, Object>> full = json.getList("data.full.product");
        List<Map<String, Object>> fragment = json.getList("data.fragment.product");
        assertTrue(light.size() > 3, "hits: " + light.size());
        assertEquals(light.size(), full.size());
        for (int i = 0; i < light.size(); i++) {
            Map<String, Object> fields = new java.util.HashMap<>(full.get(i));
            Object links = fields.remove("properties");
            assertEquals(fields, light.get(i));
            Object expected = Gql.ok("query($id: ID!) { product(id: $id) { properties { type value source } } }",
                    vars("id", fields.get("id"))).getList("data.product.properties");
            assertEquals(expected, links, "links of " + fields.get("id"));
            assertFalse(((List<?>) links).isEmpty());
            assertEquals(expected, fragment.get(i).get("links"), "links through a fragment of " + fields.get("id"));
        }
    }

    @Test
    void propertiesListingPagesThroughEveryNodeInTypeValueOrder() {
        List<String> expected = new ArrayList<>(F.productsByProperty().keySet());
        expected.sort((a, b) -> {
            String[] x = a.split("=", 2);
            String[] y = b.split("=", 2);
            int c = x[0].compareTo(y[0]);
            return c != 0 ? c : x[1].compareTo(y[1]);
        });
        List<String> got = new ArrayList<>();
        Map<String, Integer> counts = new java.util.HashMap<>();
        String after = null;
        do {
            JsonPath page = Gql.ok("""
                    query($after: String) { properties(first: 25, after: $after) {
                      edges { node { id type value productCount } } pageInfo { hasNextPage endCursor } } }""",
                    vars("after", after));
            List<Map<String, Object>> nodes = page.getList("data.properties.edges.node");
            nodes.forEach(n -> {
                String key = n.get("type") + "=" + n.get("value");
                got.add(key);
                counts.put(key, ((Number) n.get("productCount")).intValue());
            });
            after = page.getBoolean("data.properties.pageInfo.hasNextPage")
                    ? page.getString("data.properties.pageInfo.endCursor") : null;
        } while (after != null);
        assertEquals(expected, got);
        F.productsByProperty().forEach((k, ids) -> assertEquals(ids.size(), counts.get(k), k));
    }

    @Test
    void propertiesOfOneTypeAndTheirProducts() {
        Map<String, Set<String>> byProp = F.productsByProperty();
        JsonPath json = Gql.ok("""
                { properties(type: "MATERIAL", first: 100) { edges { node { id type value
                    products(first: 100) { totalCount edges { node { id } } } } } } }""");
        List<Map<String, Object>> nodes = json.getList("data.properties.edges.node");
        long expectedMaterials = byProp.keySet().stream().filter(k -> k.startsWith("material=")).count();
        assertEquals(expectedMaterials, nodes.size());
        for (Map<String, Object> n : nodes) {
            assertEquals("material", n.get("type"));
            Set<String> want = byProp.get("material=" + n.get("value"));
            @SuppressWarnings("unchecked")
            Map<String, Object> products = (Map<String, Object>) n.get("products");
            assertEquals(want.size(), ((Number) products.get("totalCount")).intValue());
            @SuppressWarnings("unchecked")
            List<Map<String, Map<String, Object>>> edges = (List<Map<String, Map<String, Object>>>) products.get("edges");
            assertEquals(new ArrayList<>(want), edges.stream().map(e -> (String) e.get("node").get("id")).toList());
        }
    }

    @Test
    void propertyTypesCountNodesAndProducts() {
        List<Map<String, Object>> types = Gql.ok("{ propertyTypes { type propertyCount productCount } }")
                .getList("data.propertyTypes");
        Map<String, int[]> expected = F.typeStats();
        assertEquals(expected.keySet(), types.stream().map(t -> (String) t.get("type")).collect(Collectors.toSet()));
        for (Map<String, Object> t : types) {
            int[] want = expected.get(t.get("type"));
            assertEquals(want[0], ((Number) t.get("propertyCount")).intValue(), (String) t.get("type"));
            assertEquals(want[1], ((Number) t.get("productCount")).intValue(), (String) t.get("type"));
        }
    }

    @Test
    void provenanceFilterOnProductProperties() {
        String id = F.richestProduct();
        JsonPath json = Gql.ok("""
                query($id: ID!) { product(id: $id) { vendor: properties(source: VENDOR) { value }
                  ner: properties(source: NER) { value } sizes: properties(type: "size") { type } } }""", vars("id", id));
        assertEquals(F.items.get(id).properties().size(), json.getList("data.product.vendor").size());
        assertTrue(json.getList("data.product.ner").isEmpty(), "fixture products carry vendor links only");
        List<Map<String, Object>> sizes = json.getList("data.product.sizes");
        sizes.forEach(s -> assertEquals("size", s.get("type")));
        assertEquals(F.items.get(id).properties().stream().filter(p -> p.startsWith("size=")).count(), sizes.size());
    }

    @Test
    void badArgumentsGiveCodedErrors() {
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post("{ products(first: -1) { totalCount } }")));
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post("{ products(first: 100000) { totalCount } }")));
        assertEquals("INVALID_CURSOR", Gql.errorCode(Gql.post("{ products(after: \"!!not-base64!!\") { totalCount } }")));
        String propertyCursor = Gql.ok("{ properties(first: 1) { pageInfo { endCursor } } }")
                .getString("data.properties.pageInfo.endCursor");
        assertEquals("INVALID_CURSOR", Gql.errorCode(Gql.post(PRODUCTS_PAGE, vars("after", propertyCursor))));
        // metric is an enum: an unknown value, or a string literal, does not fit the schema (refused, HTTP 400).
        assertEquals("GRAPHQL_VALIDATION_FAILED", Gql.errorCode(Gql.post(
                "{ similarProducts(id: \"" + F.ids().get(0) + "\", metric: COSINE) { score } }")));
        assertEquals("GRAPHQL_VALIDATION_FAILED", Gql.errorCode(Gql.post(
                "{ similarProducts(id: \"" + F.ids().get(0) + "\", metric: \"JACCARD\") { score } }")));
        assertEquals("GRAPHQL_VALIDATION_FAILED", Gql.errorCode(Gql.post(
                "query($m: SimilarityMetric) { similarProducts(id: \"" + F.ids().get(0) + "\", metric: $m) { score } }",
                vars("m", "COSINE"))));
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post(
                "{ similarProducts(id: \"" + F.ids().get(0) + "\", minShared: 0) { score } }")));
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post(
                "{ similarProducts(id: \"" + F.ids().get(0) + "\", first: -3) { score } }")));
        assertEquals("INVALID_ID", Gql.errorCode(Gql.post("{ product(id: \"a b> } DROP ALL\") { id } }")));
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post(
                "{ products(filter: {propertyType: \"no spaces allowed\"}) { totalCount } }")));
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post(
                "{ products(filter: {minPrice: 10, maxPrice: 5}) { totalCount } }")));
    }

    /** One bad argument nulls only its own root field: the siblings are still answered (partial results). */
    @Test
    void aBadArgumentDoesNotNullSiblingRootFields() {
        JsonPath json = Gql.post("""
                { bad: products(filter: {minPrice: 10, maxPrice: 5}) { totalCount }
                  good: products(first: 2) { totalCount }
                  types: propertyTypes { type }
                  similar: similarProducts(id: "not an id!") { score } }""");
        assertEquals(F.items.size(), json.getInt("data.good.totalCount"));
        assertFalse(json.getList("data.types").isEmpty());
        assertNull(json.get("data.bad"));
        assertNull(json.get("data.similar"));
        List<Map<String, Object>> errors = json.getList("errors");
        assertEquals(2, errors.size(), errors.toString());
        Map<String, String> codeByPath = new java.util.TreeMap<>();
        for (Map<String, Object> e : errors) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ext = (Map<String, Object>) e.get("extensions");
            codeByPath.put(String.valueOf(e.get("path")), String.valueOf(ext.get("code")));
        }
        assertEquals(Map.of("[bad]", "INVALID_ARGUMENT", "[similar]", "INVALID_ID"), codeByPath);
    }

    // --- Relay: both-way paging, totalCount on every connection, Node ---

    static final String PRODUCTS_BACK = """
            query($filter: ProductFilter, $last: Int, $before: String) {
              products(filter: $filter, last: $last, before: $before) {
                totalCount
                edges { cursor node { id } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }""";

    /** Walks a listing backward from its end with last/before; returns the ids in listing order. */
    static List<String> allPagesBackward(Map<String, Object> filter, int pageSize) {
        java.util.LinkedList<String> ids = new java.util.LinkedList<>();
        String before = null;
        for (int guard = 0; guard < 1000; guard++) {
            JsonPath page = Gql.ok(PRODUCTS_BACK, vars("filter", filter, "last", pageSize, "before", before));
            List<String> pageIds = page.getList("data.products.edges.node.id");
            ids.addAll(0, pageIds);
            assertEquals(before != null, page.getBoolean("data.products.pageInfo.hasNextPage"),
                    "a page read before a cursor has a next page");
            if (!pageIds.isEmpty()) {
                assertEquals(page.getString("data.products.edges[0].cursor"),
                        page.getString("data.products.pageInfo.startCursor"));
            }
            if (!page.getBoolean("data.products.pageInfo.hasPreviousPage")) {
                return ids;
            }
            assertEquals(pageSize, pageIds.size(), "only the first page may be short");
            before = page.getString("data.products.pageInfo.startCursor");
        }
        throw new AssertionError("backward pagination did not end");
    }

    @Test
    void backwardPagingCoversEveryProductOnceInIdOrder() {
        assertEquals(F.ids(), allPagesBackward(null, 7));
        String common = F.productsByProperty().entrySet().stream()
                .max(java.util.Comparator.comparingInt(e -> e.getValue().size())).orElseThrow().getKey();
        String[] tv = common.split("=", 2);
        Map<String, Object> filter = Map.of("properties", List.of(Map.of("type", tv[0], "value", tv[1])));
        assertEquals(allPages(filter, 3), allPagesBackward(filter, 3));
        assertEquals(new ArrayList<>(new TreeSet<>(F.productsByProperty().get(common))), allPagesBackward(filter, 3));
    }

    @Test
    void forwardPageInfoHasPreviousPageAndStartCursor() {
        JsonPath first = Gql.ok("""
                { products(first: 4) { edges { cursor node { id } }
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }""");
        assertFalse(first.getBoolean("data.products.pageInfo.hasPreviousPage"));
        assertEquals(first.getString("data.products.edges[0].cursor"), first.getString("data.products.pageInfo.startCursor"));
        String end = first.getString("data.products.pageInfo.endCursor");
        JsonPath second = Gql.ok("""
                query($after: String) { products(first: 4, after: $after) { edges { node { id } }
                  pageInfo { hasPreviousPage startCursor } } }""", vars("after", end));
        assertTrue(second.getBoolean("data.products.pageInfo.hasPreviousPage"));
        // Back from the second page's start: the first page again.
        JsonPath back = Gql.ok(PRODUCTS_BACK, vars("last", 4, "before", second.getString("data.products.pageInfo.startCursor")));
        assertEquals(first.getList("data.products.edges.node.id"), back.getList("data.products.edges.node.id"));
        assertFalse(back.getBoolean("data.products.pageInfo.hasPreviousPage"));
        // last without before: the end of the listing.
        JsonPath tail = Gql.ok(PRODUCTS_BACK, vars("last", 2));
        assertEquals(F.ids().subList(F.ids().size() - 2, F.ids().size()), tail.getList("data.products.edges.node.id"));
        assertFalse(tail.getBoolean("data.products.pageInfo.hasNextPage"));
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post("{ products(first: 2, last: 2) { totalCount } }")));
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post(PRODUCTS_BACK.replace("last: $last", "first: 2, last: $last"),
                vars("last", 2))));
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post("{ products(last: -1) { totalCount } }")));
        assertEquals("INVALID_CURSOR", Gql.errorCode(Gql.post("{ products(last: 2, before: \"!!\") { totalCount } }")));
    }

    @Test
    void propertiesPageBothWaysWithTotalCount() {
        List<String> forward = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = Gql.ok("""
                    query($after: String) { properties(first: 30, after: $after) { totalCount
                      edges { node { id } } pageInfo { hasNextPage endCursor } } }""", vars("after", after));
            assertEquals(F.productsByProperty().size(), page.getInt("data.properties.totalCount"));
            forward.addAll(page.getList("data.properties.edges.node.id"));
            after = page.getBoolean("data.properties.pageInfo.hasNextPage")
                    ? page.getString("data.properties.pageInfo.endCursor") : null;
        } while (after != null);
        java.util.LinkedList<String> backward = new java.util.LinkedList<>();
        String before = null;
        do {
            JsonPath page = Gql.ok("""
                    query($before: String) { properties(last: 30, before: $before) {
                      edges { node { id } } pageInfo { hasPreviousPage startCursor } } }""", vars("before", before));
            backward.addAll(0, page.getList("data.properties.edges.node.id"));
            before = page.getBoolean("data.properties.pageInfo.hasPreviousPage")
                    ? page.getString("data.properties.pageInfo.startCursor") : null;
        } while (before != null);
        assertEquals(forward, backward);
        long materials = F.productsByProperty().keySet().stream().filter(k -> k.startsWith("material=")).count();
        assertEquals(materials, Gql.ok("{ properties(type: \"material\", first: 1) { totalCount } }")
                .getInt("data.properties.totalCount"));
        // Products of one property node, backward.
        String common = F.productsByProperty().entrySet().stream()
                .max(java.util.Comparator.comparingInt(e -> e.getValue().size())).orElseThrow().getKey();
        String[] tv = common.split("=", 2);
        JsonPath node = Gql.ok("""
                query($t: String!, $v: String!) { products(first: 1, filter: {properties: [{type: $t, value: $v}]}) {
                  edges { node { properties(type: $t) { value property { id } } } } } }""", vars("t", tv[0], "v", tv[1]));
        List<Map<String, Object>> props = node.getList("data.products.edges[0].node.properties");
        @SuppressWarnings("unchecked")
        String propertyId = props.stream().filter(p -> tv[1].equals(p.get("value")))
                .map(p -> (String) ((Map<String, Object>) p.get("property")).get("id")).findFirst().orElseThrow();
        JsonPath tail = Gql.ok("""
                query($id: ID!) { property(id: $id) { products(last: 2) { totalCount edges { node { id } }
                  pageInfo { hasPreviousPage hasNextPage } } } }""", vars("id", propertyId));
        List<String> all = new ArrayList<>(new TreeSet<>(F.productsByProperty().get(common)));
        assertEquals(all.size(), tail.getInt("data.property.products.totalCount"));
        assertEquals(all.subList(all.size() - 2, all.size()), tail.getList("data.property.products.edges.node.id"));
        assertEquals(all.size() > 2, tail.getBoolean("data.property.products.pageInfo.hasPreviousPage"));
    }

    @Test
    void nodeRefetchesProductsAndProperties() {
        String productId = F.ids().get(2);
        JsonPath product = Gql.ok("""
                query($id: ID!) { product(id: $id) { id name properties { property { id value } } } }""",
                vars("id", productId));
        String propertyId = product.getString("data.product.properties[0].property.id");
        JsonPath json = Gql.ok("""
                query($p: ID!, $q: ID!) {
                  p: node(id: $p) { __typename id ... on Product { name } }
                  q: node(id: $q) { __typename id ... on Property { value productCount } }
                  missing: node(id: "NO-SUCH-NODE") { id }
                  missingProperty: node(id: "material/no%20such%20value") { id }
                  all: nodes(ids: [$q, "NO-SUCH-NODE", $p]) { __typename id }
                }""", vars("p", productId, "q", propertyId));
        assertEquals("Product", json.getString("data.p.__typename"));
        assertEquals(productId, json.getString("data.p.id"));
        assertEquals(product.getString("data.product.name"), json.getString("data.p.name"));
        assertEquals("Property", json.getString("data.q.__typename"));
        assertEquals(propertyId, json.getString("data.q.id"));
        assertEquals(product.getString("data.product.properties[0].property.value"), json.getString("data.q.value"));
        assertNull(json.get("data.missing"));
        assertNull(json.get("data.missingProperty"));
        List<Map<String, Object>> all = json.getList("data.all");
        assertEquals(3, all.size());
        assertEquals(propertyId, all.get(0).get("id"));
        assertNull(all.get(1));
        assertEquals(productId, all.get(2).get("id"));
        assertEquals("INVALID_ID", Gql.errorCode(Gql.post("{ node(id: \"a b> } DROP ALL\") { id } }")));
        assertEquals("INVALID_ID", Gql.errorCode(Gql.post("{ node(id: \"/nothing\") { id } }")));
    }

    // ---- facets and priceStats (issue 12 item 3) ----

    static final String FACETS = """
            query($filter: ProductFilter, $types: [String!], $first: Int) {
              products(filter: $filter, first: 1) {
                totalCount
                facets(types: $types, first: $first) { type values { value count } }
                priceStats { min max avg }
              }
            }""";

    static final String PAGE_WITH_PROPERTIES = """
            query($filter: ProductFilter, $first: Int, $after: String) {
              products(filter: $filter, first: $first, after: $after) {
                edges { node { id price properties { type value } } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    /** Expected facets from fixture items alone: type -> "value:count" list, count desc then value, cut to first. */
    static Map<String, List<String>> expectedFacets(java.util.Collection<Fixture.Item> items, Set<String> types,
            int first) {
        Map<String, Map<String, Integer>> counts = new java.util.TreeMap<>();
        for (Fixture.Item item : items) {
            for (String key : item.properties()) {
                int eq = key.indexOf('=');
                counts.computeIfAbsent(key.substring(0, eq), t -> new java.util.TreeMap<>())
                        .merge(key.substring(eq + 1), 1, Integer::sum);
            }
        }
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (String type : types == null ? counts.keySet() : types) {
            out.put(type, counts.getOrDefault(type, Map.of()).entrySet().stream()
                    .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(java.util.Map.Entry.comparingByKey()))
                    .limit(first)
                    .map(e -> e.getKey() + ":" + e.getValue())
                    .toList());
        }
        return out;
    }

    static Map<String, List<String>> servedFacets(JsonPath json) {
        return servedFacets(json.<Map<String, Object>>getList("data.products.facets"));
    }

    static Map<String, List<String>> servedFacets(List<Map<String, Object>> facets) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (Map<String, Object> f : facets) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> values = (List<Map<String, Object>>) f.get("values");
            assertEquals(null, out.put((String) f.get("type"),
                    values.stream().map(v -> v.get("value") + ":" + v.get("count")).toList()), "type listed once");
        }
        return out;
    }

    /** Facet counts summed over every page of the listing, as a client paging through it would count them. */
    static Map<String, Map<String, Integer>> countedByPaging(Map<String, Object> filter) {
        Map<String, Map<String, Integer>> counts = new java.util.TreeMap<>();
        String after = null;
        for (int guard = 0; guard < 1000; guard++) {
            JsonPath page = Gql.ok(PAGE_WITH_PROPERTIES, vars("filter", filter, "first", 7, "after", after));
            List<Map<String, Object>> nodes = page.getList("data.products.edges.node");
            for (Map<String, Object> node : nodes) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> props = (List<Map<String, Object>>) node.get("properties");
                props.forEach(p -> counts.computeIfAbsent((String) p.get("type"), t -> new java.util.TreeMap<>())
                        .merge((String) p.get("value"), 1, Integer::sum));
            }
            if (!page.getBoolean("data.products.pageInfo.hasNextPage")) {
                return counts;
            }
            after = page.getString("data.products.pageInfo.endCursor");
        }
        throw new AssertionError("pagination did not end");
    }

    static void assertFacetsMatchPaging(Map<String, List<String>> served, Map<String, Map<String, Integer>> paged) {
        served.forEach((type, values) -> values.forEach(v -> {
            int colon = v.lastIndexOf(':');
            assertEquals(paged.getOrDefault(type, Map.of()).get(v.substring(0, colon)),
                    Integer.valueOf(v.substring(colon + 1)), "paged count of " + type + "=" + v);
        }));
    }

    @Test
    void facetsOfTheWholeCatalogueMatchTheFixtureAndPaging() {
        JsonPath json = Gql.ok(FACETS, vars("first", 100));
        Map<String, List<String>> served = servedFacets(json);
        assertEquals(expectedFacets(F.items.values(), null, 100), served);
        Map<String, Map<String, Integer>> paged = countedByPaging(null);
        assertEquals(paged.keySet(), served.keySet());
        paged.forEach((type, values) -> assertEquals(Math.min(100, values.size()), served.get(type).size(), type));
        assertFacetsMatchPaging(served, paged);
        // Default first is 10 values per type.
        assertEquals(expectedFacets(F.items.values(), null, 10), servedFacets(Gql.ok(FACETS)));
    }

    @Test
    void facetsWithinAFilterMatchTheFixtureAndPaging() {
        List<Double> prices = F.items.values().stream().map(Fixture.Item::price).sorted().toList();
        double min = prices.get(prices.size() / 4);
        double max = prices.get(prices.size() * 3 / 4);
        List<Fixture.Item> matching = F.items.values().stream()
                .filter(i -> i.price() >= min && i.price() <= max).toList();
        assertTrue(matching.size() > 1 && matching.size() < F.items.size(), "filter narrows the listing");
        Map<String, Object> filter = vars("minPrice", min, "maxPrice", max);

        // Two types named in reverse order (and one in other casing): served in the requested order, normalised.
        List<String> allTypes = new ArrayList<>(expectedFacets(F.items.values(), null, 1).keySet());
        assertTrue(allTypes.size() >= 2, "fixture has two property types");
        String a = allTypes.get(0);
        String b = allTypes.get(1);
        JsonPath json = Gql.ok(FACETS, vars("filter", filter, "types", List.of(b, a.toUpperCase()), "first", 3));
        assertEquals(List.of(b, a), json.getList("data.products.facets.type"));
        Map<String, List<String>> served = servedFacets(json);
        assertEquals(expectedFacets(matching, new TreeSet<>(List.of(a, b)), 3), served);
        assertFacetsMatchPaging(served, countedByPaging(filter));
        assertEquals(matching.size(), json.getInt("data.products.totalCount"));

        // Every value of every type, summed over the filtered pages.
        Map<String, List<String>> full = servedFacets(Gql.ok(FACETS, vars("filter", filter, "first", 100)));
        assertEquals(expectedFacets(matching, null, 100), full);
        assertFacetsMatchPaging(full, countedByPaging(filter));

        DoubleSummary stats = DoubleSummary.of(matching);
        assertEquals(stats.min, json.getDouble("data.products.priceStats.min"), 1e-9);
        assertEquals(stats.max, json.getDouble("data.products.priceStats.max"), 1e-9);
        assertEquals(stats.avg, json.getDouble("data.products.priceStats.avg"), 1e-6);
    }

    record DoubleSummary(double min, double max, double avg) {
        static DoubleSummary of(List<Fixture.Item> items) {
            java.util.DoubleSummaryStatistics s = items.stream().mapToDouble(Fixture.Item::price).summaryStatistics();
            return new DoubleSummary(s.getMin(), s.getMax(), s.getAverage());
        }
    }

    @Test
    void facetsOfAnEmptyListingAndUnknownTypes() {
        JsonPath json = Gql.ok(FACETS, vars("filter", vars("text", "no product says zqxj"), "types",
                List.of("material", "no-such-type")));
        assertEquals(0, json.getInt("data.products.totalCount"));
        assertEquals(List.of("material", "no-such-type"), json.getList("data.products.facets.type"));
        assertEquals(List.of(List.of(), List.of()), json.getList("data.products.facets.values"));
        assertNull(json.get("data.products.priceStats"));
        assertEquals(List.of(), Gql.ok(FACETS, vars("filter", vars("text", "no product says zqxj")))
                .getList("data.products.facets"));
        DoubleSummary all = DoubleSummary.of(new ArrayList<>(F.items.values()));
        assertEquals(all.avg, Gql.ok(FACETS).getDouble("data.products.priceStats.avg"), 1e-6);
    }

    @Test
    void facetsOfAPropertysProductsCountThatPropertysProducts() {
        JsonPath json = Gql.ok("""
                { properties(type: "material", first: 20) { edges { node { type value
                    products(first: 1) { facets(first: 10) { type values { value count } } priceStats { min max avg } } } } } }""");
        List<Map<String, Object>> nodes = json.getList("data.properties.edges.node");
        assertFalse(nodes.isEmpty());
        for (int i = 0; i < nodes.size(); i++) {
            String key = Fixture.key("material", (String) nodes.get(i).get("value"));
            List<Fixture.Item> having = F.items.values().stream().filter(it -> it.properties().contains(key)).toList();
            String at = "data.properties.edges[" + i + "].node.products.";
            assertEquals(expectedFacets(having, null, 10),
                    servedFacets(json.<Map<String, Object>>getList(at + "facets")), key);
            assertEquals(DoubleSummary.of(having).avg, json.getDouble(at + "priceStats.avg"), 1e-6, key);
        }
    }

    @Test
    void invalidFacetArgumentsAreCoded() {
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post(FACETS, vars("types", List.of("no spaces allowed")))));
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post(FACETS, vars("first", -1))));
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post(FACETS, vars("first", 100000))));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("t" + i);
        }
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post(FACETS, vars("types", many))));
    }
}
