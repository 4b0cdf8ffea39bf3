package dev.kggateway.api;

import static dev.kggateway.support.Fixture.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.support.Gql;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sorting (orderBy) and filter groups on a catalogue written by the test itself: names equal but for case, equal
 * prices, missing prices and equal property counts, so every order has ties for the id to break. Expectations are
 * computed here from the inserted records (an oracle independent of the gateway's SPARQL). Every product carries
 * the property batch=RUN, so the listings of this test are isolated from whatever else the store holds. One
 * subclass per store kind.
 */
public abstract class ListingContractTest {

    static final String RUN = "listing-run-1";
    static final Map<String, Object> BATCH = vars("type", "batch", "value", RUN);

    /** A product as inserted, with what the oracle needs. */
    record Item(String id, String name, String description, Double price, String manufacturer, Set<String> properties) {
        int propertyCount() {
            return properties.size() + 1; // + batch
        }

        boolean has(String type) {
            return properties.stream().anyMatch(p -> p.startsWith(type + "="));
        }
    }

    static final List<Item> ITEMS = catalogue();

    static List<Item> catalogue() {
        Random r = new Random(12);
        String[] names = { "Beaker", "beaker", "BEAKER", "Glass flask", "flask", "Ämber jar", "alpha rack", "Zeta tube",
                "test tube glass", "Pipette" };
        Double[] prices = { null, 5.0, 9.99, 12.5, 12.5, 100.0, 0.0, null };
        String[] makers = { "Acme", "ACME", "Globex", "Initech" };
        String[] colors = { "amber", "clear", "blue" };
        String[] materials = { "glass", "steel", "plastic" };
        String[] descriptions = { "borosilicate glass vessel", "steel holder", null, "for the lab" };
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            Set<String> props = new TreeSet<>();
            if (r.nextInt(3) > 0) {
                props.add("color=" + colors[r.nextInt(colors.length)]);
            }
            if (r.nextBoolean()) {
                props.add("material=" + materials[r.nextInt(materials.length)]);
            }
            if (r.nextInt(4) == 0) {
                props.add("size=" + (10 * (1 + r.nextInt(3))) + " ml");
            }
            // Ids in mixed case and lengths: id order is by code unit ("LST-B..." before "LST-a...").
            String id = (i % 3 == 0 ? "LST-a" : "LST-B") + (i % 5 == 0 ? i : String.format("%02d", i));
            items.add(new Item(id, names[r.nextInt(names.length)], descriptions[r.nextInt(descriptions.length)],
                    prices[r.nextInt(prices.length)], makers[r.nextInt(makers.length)], props));
        }
        return List.copyOf(items);
    }

    @BeforeEach
    void load() {
        JsonPath count = Gql.ok("query($f: ProductFilter) { products(filter: $f, first: 0) { totalCount } }",
                vars("f", vars("properties", List.of(BATCH))));
        if (count.getInt("data.products.totalCount") == ITEMS.size()) {
            return;
        }
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (Item item : ITEMS) {
            List<Map<String, Object>> props = new ArrayList<>();
            props.add(BATCH);
            item.properties().forEach(p -> props.add(vars("type", p.substring(0, p.indexOf('=')),
                    "value", p.substring(p.indexOf('=') + 1))));
            Map<String, Object> input = vars("id", item.id(), "name", item.name(), "description", item.description(),
                    "price", item.price(), "currency", "EUR", "manufacturer", item.manufacturer(), "properties", props,
                    "enrich", false);
            inputs.add(input);
        }
        JsonPath added = Gql.ok("mutation($in: [ProductInput!]!) { addProducts(inputs: $in) { failed } }",
                vars("in", inputs));
        assertEquals(0, added.getInt("data.addProducts.failed"));
    }

    // ---- the oracle -------------------------------------------------------------------------------------------

    static Comparator<Item> comparator(String field, boolean desc, String text) {
        Comparator<Item> c = switch (field) {
            case "NAME" -> Comparator.comparing(i -> i.name().toLowerCase(Locale.ROOT));
            case "ID" -> Comparator.comparing(Item::id);
            case "PROPERTY_COUNT" -> Comparator.comparingInt(Item::propertyCount);
            case "RELEVANCE" -> Comparator.comparingInt(i -> rank(i, text));
            case "PRICE" -> {
                Comparator<Item> byPrice = Comparator.comparing(i -> i.price() == null ? 0.0 : i.price());
                Comparator<Item> missingLast = Comparator.comparingInt(i -> i.price() == null ? 1 : 0);
                yield missingLast.thenComparing(desc ? byPrice.reversed() : byPrice);
            }
            default -> throw new IllegalArgumentException(field);
        };
        return desc && !field.equals("PRICE") ? c.reversed() : c;
    }

    static int rank(Item i, String text) {
        String name = i.name().toLowerCase(Locale.ROOT);
        return name.startsWith(text) ? 1 : name.contains(text) ? 2 : 3;
    }

    /** The expected listing: the given keys, then id ascending unless ID is a key. */
    static List<String> sorted(List<Item> items, List<Map<String, Object>> orderBy, String text) {
        Comparator<Item> c = null;
        boolean byId = false;
        for (Map<String, Object> o : orderBy) {
            String field = (String) o.get("field");
            Comparator<Item> k = comparator(field, "DESC".equals(o.get("direction")), text);
            c = c == null ? k : c.thenComparing(k);
            byId |= field.equals("ID");
        }
        if (!byId) {
            c = c == null ? Comparator.comparing(Item::id) : c.thenComparing(Item::id);
        }
        return items.stream().sorted(c).map(Item::id).toList();
    }

    // ---- paging ---------------------------------------------------------------------------------------------

    static final String PAGE = """
            query($filter: ProductFilter, $orderBy: [ProductOrder!], $first: Int, $after: String, $last: Int, $before: String) {
              products(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
                totalCount
                edges { cursor node { id } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }""";

    static Map<String, Object> batch(Map<String, Object> more) {
        Map<String, Object> f = new LinkedHashMap<>(more);
        f.put("properties", List.of(BATCH));
        return f;
    }

    static List<String> forward(Map<String, Object> filter, List<Map<String, Object>> orderBy, int size) {
        List<String> ids = new ArrayList<>();
        String after = null;
        for (int guard = 0; guard < 100; guard++) {
            JsonPath page = Gql.ok(PAGE, vars("filter", filter, "orderBy", orderBy, "first", size, "after", after));
            List<String> pageIds = page.getList("data.products.edges.node.id");
            ids.addAll(pageIds);
            assertEquals(after != null, page.getBoolean("data.products.pageInfo.hasPreviousPage"));
            if (!page.getBoolean("data.products.pageInfo.hasNextPage")) {
                return ids;
            }
            assertEquals(size, pageIds.size(), "only the last page may be short");
            after = page.getString("data.products.pageInfo.endCursor");
        }
        throw new AssertionError("paging did not end");
    }

    static List<String> backward(Map<String, Object> filter, List<Map<String, Object>> orderBy, int size) {
        List<String> ids = new ArrayList<>();
        String before = null;
        for (int guard = 0; guard < 100; guard++) {
            JsonPath page = Gql.ok(PAGE, vars("filter", filter, "orderBy", orderBy, "last", size, "before", before));
            List<String> pageIds = page.getList("data.products.edges.node.id");
            ids.addAll(0, pageIds);
            assertEquals(before != null, page.getBoolean("data.products.pageInfo.hasNextPage"));
            if (!page.getBoolean("data.products.pageInfo.hasPreviousPage")) {
                return ids;
            }
            assertEquals(size, pageIds.size(), "only the first page may be short");
            before = page.getString("data.products.pageInfo.startCursor");
        }
        throw new AssertionError("paging did not end");
    }

    static List<Map<String, Object>> order(Object... fieldDirection) {
        List<Map<String, Object>> o = new ArrayList<>();
        for (int i = 0; i < fieldDirection.length; i += 2) {
            o.add(vars("field", fieldDirection[i], "direction", fieldDirection[i + 1]));
        }
        return o;
    }

    @Test
    void everyOrderPagesForwardAndBackwardOverTiesAndMissingPrices() {
        Map<String, Object> filter = batch(Map.of());
        List<List<Map<String, Object>>> orders = new ArrayList<>();
        for (String field : List.of("NAME", "PRICE", "ID", "PROPERTY_COUNT")) {
            orders.add(order(field, "ASC"));
            orders.add(order(field, "DESC"));
        }
        orders.add(order("PRICE", "DESC", "NAME", "ASC"));
        orders.add(order("PROPERTY_COUNT", "DESC", "PRICE", "ASC", "NAME", "DESC"));
        orders.add(order("NAME", "ASC", "ID", "DESC"));
        for (List<Map<String, Object>> orderBy : orders) {
            List<String> expected = sorted(ITEMS, orderBy, null);
            // Page sizes that do not divide the listing: a short last (first) page, and ties across page borders.
            assertEquals(expected, forward(filter, orderBy, 6), "forward " + orderBy);
            assertEquals(expected, backward(filter, orderBy, 7), "backward " + orderBy);
        }
    }

    @Test
    void theCatalogueHasTheTiesTheOrdersMustBreak() {
        // Guards the test data itself: without ties and missing prices the paging test proves little.
        assertTrue(ITEMS.stream().filter(i -> i.price() == null).count() >= 3);
        assertTrue(ITEMS.stream().map(i -> i.name().toLowerCase(Locale.ROOT)).distinct().count() < ITEMS.size() - 10);
        assertTrue(ITEMS.stream().map(Item::price).filter(p -> p != null).distinct().count() < 10);
        assertTrue(ITEMS.stream().map(Item::propertyCount).distinct().count() < 5);
    }

    @Test
    void missingPricesComeLastInBothDirections() {
        long missing = ITEMS.stream().filter(i -> i.price() == null).count();
        for (String dir : List.of("ASC", "DESC")) {
            List<String> ids = forward(batch(Map.of()), order("PRICE", dir), 50);
            Map<String, Item> byId = ITEMS.stream().collect(Collectors.toMap(Item::id, i -> i));
            assertTrue(ids.subList(ids.size() - (int) missing, ids.size()).stream().allMatch(id -> byId.get(id).price() == null), dir);
        }
    }

    static final String PROPERTY_PAGE = """
            query($id: ID!, $orderBy: [ProductOrder!], $first: Int, $after: String, $last: Int, $before: String) {
              property(id: $id) { products(orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
                totalCount
                edges { cursor node { id } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              } }
            }""";

    @Test
    void propertyProductsTakeTheSameOrderByAndCursorsAsProducts() {
        String batch = "batch/" + RUN;
        for (List<Map<String, Object>> orderBy : List.of(order("PRICE", "DESC"), order("NAME", "ASC", "ID", "DESC"),
                order("PROPERTY_COUNT", "ASC", "PRICE", "ASC"), order("ID", "DESC"))) {
            List<String> expected = sorted(ITEMS, orderBy, null);
            List<String> ids = new ArrayList<>();
            String after = null;
            for (int guard = 0; guard < 20; guard++) {
                JsonPath page = Gql.ok(PROPERTY_PAGE, vars("id", batch, "orderBy", orderBy, "first", 8, "after", after));
                JsonPath same = Gql.ok(PAGE, vars("filter", batch(Map.of()), "orderBy", orderBy, "first", 8, "after", after));
                assertEquals(same.getList("data.products.edges"), page.getList("data.property.products.edges"),
                        "the same products and cursors as products(filter: {properties: [batch]}) " + orderBy);
                assertEquals(ITEMS.size(), page.getInt("data.property.products.totalCount"));
                ids.addAll(page.getList("data.property.products.edges.node.id"));
                if (!page.getBoolean("data.property.products.pageInfo.hasNextPage")) {
                    break;
                }
                after = page.getString("data.property.products.pageInfo.endCursor");
            }
            assertEquals(expected, ids, "forward " + orderBy);
            JsonPath last = Gql.ok(PROPERTY_PAGE, vars("id", batch, "orderBy", orderBy, "last", 5));
            assertEquals(expected.subList(expected.size() - 5, expected.size()),
                    last.getList("data.property.products.edges.node.id"), "backward " + orderBy);
        }
        JsonPath refused = Gql.post(PROPERTY_PAGE, vars("id", batch, "orderBy", order("RELEVANCE", "ASC"), "first", 3));
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(refused));
    }

    @Test
    void relevanceRanksTheTextMatchAndNeedsAText() {
        Map<String, Object> filter = batch(Map.of("text", "GLASS"));
        List<Item> matching = ITEMS.stream().filter(i -> (i.name() + " " + (i.description() == null ? "" : i.description()))
                .toLowerCase(Locale.ROOT).contains("glass")).toList();
        assertTrue(matching.stream().map(i -> rank(i, "glass")).distinct().count() == 3, "all three ranks occur");
        for (String dir : List.of("ASC", "DESC")) {
            List<Map<String, Object>> orderBy = order("RELEVANCE", dir);
            List<String> expected = sorted(matching, orderBy, "glass");
            assertEquals(expected, forward(filter, orderBy, 3));
            assertEquals(expected, backward(filter, orderBy, 2));
        }
        JsonPath refused = Gql.post(PAGE, vars("filter", batch(Map.of()), "orderBy", order("RELEVANCE", "ASC"), "first", 3));
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(refused));
        assertNull(refused.get("data.products"));
    }

    @Test
    void relevanceRanksByTheBestOfTheTextsInAnyOfAndAllOfGroups() {
        // Texts in anyOf/allOf groups are ranked (the best rank over them); one under not is not.
        Map<String, Object> filter = batch(Map.of("anyOf", List.of(vars("text", "Glass"), vars("text", "beaker"),
                vars("allOf", List.of(vars("text", "tube"))))));
        List<String> texts = List.of("glass", "beaker", "tube");
        Predicate<Item> matches = i -> texts.stream().anyMatch(t -> (i.name() + " "
                + (i.description() == null ? "" : i.description())).toLowerCase(Locale.ROOT).contains(t));
        Comparator<Item> best = Comparator.comparingInt(i -> texts.stream().mapToInt(t -> rank(i, t)).min().orElseThrow());
        List<Item> matching = ITEMS.stream().filter(matches).toList();
        assertTrue(matching.stream().map(i -> texts.stream().mapToInt(t -> rank(i, t)).min().orElseThrow()).distinct()
                .count() >= 2, "several ranks occur");
        for (String dir : List.of("ASC", "DESC")) {
            Comparator<Item> c = dir.equals("ASC") ? best : best.reversed();
            List<String> expected = matching.stream().sorted(c.thenComparing(Item::id)).map(Item::id).toList();
            assertEquals(expected, forward(filter, order("RELEVANCE", dir), 4), dir);
            assertEquals(expected, backward(filter, order("RELEVANCE", dir), 5), dir);
        }
        JsonPath onlyNot = Gql.post(PAGE, vars("filter", batch(Map.of("not", vars("text", "glass"))),
                "orderBy", order("RELEVANCE", "ASC"), "first", 3));
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(onlyNot));
        assertTrue(onlyNot.getString("errors[0].message").contains("anyOf/allOf"));
    }

    @Test
    void totalCountAndFacetsDoNotDependOnTheOrder() {
        String q = """
                query($filter: ProductFilter, $orderBy: [ProductOrder!]) {
                  products(filter: $filter, orderBy: $orderBy, first: 3) {
                    totalCount facets(types: ["color", "material"]) { type values { value count } } priceStats { min max }
                  }
                }""";
        Map<String, Object> filter = batch(Map.of("hasProperty", List.of("color")));
        Object plain = Gql.ok(q, vars("filter", filter)).get("data.products");
        for (List<Map<String, Object>> orderBy : List.of(order("NAME", "DESC"), order("PRICE", "ASC"),
                order("PROPERTY_COUNT", "ASC"))) {
            assertEquals(plain, Gql.ok(q, vars("filter", filter, "orderBy", orderBy)).get("data.products"));
        }
        assertEquals((int) ITEMS.stream().filter(i -> i.has("color")).count(),
                ((Map<?, ?>) plain).get("totalCount") instanceof Number n ? n.intValue() : -1);
    }

    @Test
    void aCursorOfAnotherOrderIsRefused() {
        Map<String, Object> filter = batch(Map.of());
        String byName = Gql.ok(PAGE, vars("filter", filter, "orderBy", order("NAME", "ASC"), "first", 2))
                .getString("data.products.pageInfo.endCursor");
        String byId = Gql.ok(PAGE, vars("filter", filter, "first", 2)).getString("data.products.pageInfo.endCursor");
        JsonPath otherOrder = Gql.post(PAGE, vars("filter", filter, "orderBy", order("NAME", "DESC"), "first", 2, "after", byName));
        assertEquals("INVALID_CURSOR", Gql.errorCode(otherOrder));
        assertTrue(otherOrder.getString("errors[0].message").contains("orderBy"));
        assertEquals("INVALID_CURSOR", Gql.errorCode(Gql.post(PAGE, vars("filter", filter, "first", 2, "after", byName))));
        assertEquals("INVALID_CURSOR", Gql.errorCode(Gql.post(PAGE, vars("filter", filter, "orderBy",
                order("PRICE", "ASC"), "first", 2, "after", byId))));
        // The same orderBy spelled with an explicit default direction and a redundant id tie-break is the same order.
        Gql.ok(PAGE, vars("filter", filter, "orderBy", List.of(vars("field", "NAME"), vars("field", "ID", "direction", "ASC")),
                "first", 2, "after", byName));
        // A forged cursor of the right kind but with a broken price is refused, not sent to the store.
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "products[PRICE.ASC,ID.ASC]:eA.TFNULWEw".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("INVALID_CURSOR", Gql.errorCode(Gql.post(PAGE, vars("filter", filter, "orderBy",
                order("PRICE", "ASC"), "first", 2, "after", forged))));
    }

    // ---- filter groups ----------------------------------------------------------------------------------------

    static void check(Map<String, Object> filter, Predicate<Item> oracle) {
        List<String> expected = ITEMS.stream().filter(oracle).map(Item::id).sorted().toList();
        Map<String, Object> f = batch(filter);
        assertEquals(expected, forward(f, null, 50), "filter " + filter);
        assertEquals(expected.size(), Gql.ok(PAGE, vars("filter", f, "first", 0)).getInt("data.products.totalCount"));
        // The same filter sorted by price: same set, the oracle's order.
        List<Map<String, Object>> byPrice = order("PRICE", "DESC");
        assertEquals(sorted(ITEMS.stream().filter(oracle).toList(), byPrice, null), forward(f, byPrice, 50));
    }

    static boolean maker(Item i, String... names) {
        return List.of(names).contains(i.manufacturer().toLowerCase(Locale.ROOT));
    }

    static boolean priced(Item i, double min, double max) {
        return i.price() != null && i.price() >= min && i.price() <= max;
    }

    @Test
    void anyOfIsAnOr() {
        check(vars("anyOf", List.of(vars("manufacturerIn", List.of("acme")), vars("priceRanges", List.of(vars("max", 6.0))))),
                i -> maker(i, "acme") || priced(i, 0, 6));
    }

    @Test
    void allOfAndNotCombine() {
        check(vars("allOf", List.of(vars("hasProperty", List.of("color")),
                vars("not", vars("propertyIn", List.of(vars("type", "material", "values", List.of("glass", "steel"))))))),
                i -> i.has("color") && !i.properties().contains("material=glass") && !i.properties().contains("material=steel"));
    }

    @Test
    void notOfAPriceConditionKeepsProductsWithoutPrice() {
        check(vars("not", vars("minPrice", 10.0)), i -> i.price() == null || i.price() < 10.0);
    }

    @Test
    void inListsAreNormalisedLikeStoredValues() {
        check(vars("propertyIn", List.of(vars("type", " COLOR ", "values", List.of("  AMBER ", "Blue"))),
                "manufacturerIn", List.of("ACME", " globex ")),
                i -> (i.properties().contains("color=amber") || i.properties().contains("color=blue"))
                        && maker(i, "acme", "globex"));
    }

    @Test
    void priceRangesAreAnOrOfInclusiveRanges() {
        check(vars("priceRanges", List.of(vars("max", 5.0), vars("min", 12.5, "max", 12.5), vars("min", 100.0))),
                i -> priced(i, 0, 5) || priced(i, 12.5, 12.5) || priced(i, 100, Double.MAX_VALUE));
    }

    @Test
    void hasPropertyNeedsEveryType() {
        check(vars("hasProperty", List.of("color", "MATERIAL")), i -> i.has("color") && i.has("material"));
    }

    @Test
    void nestedGroupsThreeLevelsDeep() {
        check(vars("anyOf", List.of(
                vars("allOf", List.of(vars("hasProperty", List.of("size")), vars("not", vars("manufacturer", "globex")))),
                vars("text", "glass", "not", vars("anyOf", List.of(vars("priceRanges", List.of(vars("min", 50.0)))))))),
                i -> (i.has("size") && !maker(i, "globex"))
                        || ((i.name() + " " + (i.description() == null ? "" : i.description())).toLowerCase(Locale.ROOT)
                                .contains("glass") && !priced(i, 50, Double.MAX_VALUE)));
    }

    @Test
    void emptyGroupsAddNoCondition() {
        check(vars("anyOf", List.of(), "allOf", List.of()), i -> true);
    }

    @Test
    void hostileValuesAreLiteralsOrRefused() {
        // A value that would break out of an IRI or a string literal matches nothing; it is not an error.
        check(vars("manufacturerIn", List.of("acme\") } UNION { ?product ?p ?o")), i -> false);
        check(vars("propertyIn", List.of(vars("type", "color", "values", List.of("amber> <http://evil/> ?x")))), i -> false);
        for (Map<String, Object> bad : List.of(
                vars("hasProperty", List.of("no such type!")),
                vars("propertyIn", List.of(vars("type", "color", "values", List.of()))),
                vars("priceRanges", List.of(vars())),
                vars("priceRanges", List.of(vars("min", 5.0, "max", 1.0))),
                vars("anyOf", List.of(vars("minPrice", -1.0))))) {
            JsonPath json = Gql.post(PAGE, vars("filter", batch(bad), "first", 1));
            assertEquals("INVALID_ARGUMENT", Gql.errorCode(json), bad.toString());
            assertNull(json.get("data.products"));
        }
        assertFalse(ITEMS.isEmpty());
    }
}
