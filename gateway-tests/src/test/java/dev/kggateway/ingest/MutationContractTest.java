package dev.kggateway.ingest;

import static dev.kggateway.support.Fixture.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.support.Gql;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The write contract (without the model): upserts, removal, batch reports, validation, atomicity. */
public abstract class MutationContractTest {

    static final String ADD = """
            mutation($input: ProductInput!) { addProduct(input: $input) { id name description price currency manufacturer
              properties { type value source } } }""";
    static final String ADD_MANY = """
            mutation($inputs: [ProductInput!]!) { addProducts(inputs: $inputs) { added updated failed enriched durationMs
              errors { index id code message } } }""";
    static final String READ = """
            query($id: ID!) { product(id: $id) { id name description price manufacturer properties { type value source } } }""";

    static Map<String, Object> product(String id, String name, List<Map<String, Object>> props) {
        return vars("id", id, "name", name, "description", "desc of " + name, "price", 12.5, "currency", "usd",
                "manufacturer", "Acme", "properties", props, "enrich", false);
    }

    static Map<String, Object> prop(String type, String value) {
        return vars("type", type, "value", value);
    }

    static Set<String> props(JsonPath json, String path) {
        List<Map<String, Object>> list = json.getList(path);
        return list.stream().map(p -> p.get("type") + "=" + p.get("value")).collect(Collectors.toCollection(TreeSet::new));
    }

    static int productCount(String propertyId) {
        JsonPath json = Gql.ok("query($id: ID!) { property(id: $id) { productCount } }", vars("id", propertyId));
        Object count = json.get("data.property.productCount");
        return count == null ? 0 : ((Number) count).intValue();
    }

    @Test
    void addProductStoresFieldsAndVendorLinksSharingNodes() {
        JsonPath first = Gql.ok(ADD, vars("input", product("MUT-A1", "Alpha", List.of(prop("Material", " Borosilicate   GLASS "),
                prop("color", "amber")))));
        assertEquals("MUT-A1", first.getString("data.addProduct.id"));
        assertEquals("USD", first.getString("data.addProduct.currency"));
        assertEquals(Set.of("material=borosilicate glass", "color=amber"), props(first, "data.addProduct.properties"));
        first.getList("data.addProduct.properties.source").forEach(s -> assertEquals("VENDOR", s));
        Gql.ok(ADD, vars("input", product("MUT-A2", "Alpha two", List.of(prop("material", "borosilicate glass")))));
        assertEquals(2, productCount("material/borosilicate%20glass"));
        JsonPath read = Gql.ok(READ, vars("id", "MUT-A1"));
        assertEquals("desc of Alpha", read.getString("data.product.description"));
        assertEquals(12.5, read.getDouble("data.product.price"), 1e-9);
    }

    @Test
    void upsertReplacesFieldsAndLinksAndDropsOrphanNodes() {
        Gql.ok(ADD, vars("input", product("MUT-U1", "Old", List.of(prop("size", "7 mL unique-u1"), prop("color", "teal-u1")))));
        assertEquals(1, productCount("size/7%20ml%20unique-u1"));
        JsonPath json = Gql.ok(ADD, vars("input", product("MUT-U1", "New", List.of(prop("color", "teal-u1"),
                prop("grade", "sterile-u1")))));
        assertEquals(Set.of("color=teal-u1", "grade=sterile-u1"), props(json, "data.addProduct.properties"));
        JsonPath read = Gql.ok(READ, vars("id", "MUT-U1"));
        assertEquals("New", read.getString("data.product.name"));
        assertEquals(Set.of("color=teal-u1", "grade=sterile-u1"), props(read, "data.product.properties"));
        assertNull(Gql.ok("{ property(id: \"size/7%20ml%20unique-u1\") { id } }").get("data.property"),
                "a node no product uses any more is removed");
        List<String> sizes = Gql.ok("{ properties(type: \"size\", first: 100) { edges { node { value } } } }")
                .getList("data.properties.edges.node.value");
        assertFalse(sizes.contains("7 ml unique-u1"));
    }

    /**
     * Values a store could mistake for IRI syntax (dot-segments, percent escapes, slashes) are stored and read back
     * verbatim on every store, each as its own node, and their ids round-trip through {@code property(id:)}. Jena
     * used to resolve {@code property/size/..} into {@code property/}, one node shared across types. Values made of
     * punctuation only ("." and "..") can no longer be written (see the test below); their marked ids stay valid
     * ids, so nodes an older version wrote remain addressable (EmbeddedDotSegmentMigrationTest).
     */
    @Test
    void valuesThatLookLikeIriSyntaxRoundTripVerbatim() {
        List<String> values = List.of("a/../b", "%2e", "./x", "../x", "x/.", "x/..", "a%2fb", "1.", "..2", "!.a", "~x",
                "a?b#c", "x%");
        List<Map<String, Object>> props = new ArrayList<>();
        values.forEach(v -> props.add(prop("size", v)));
        props.add(prop("grade", "./x"));
        Gql.ok(ADD, vars("input", product("MUT-DOT1", "Dots", props)));
        Gql.ok(ADD, vars("input", product("MUT-DOT2", "Dots too", List.of(prop("size", "./x"), prop("size", "../x")))));
        JsonPath read = Gql.ok("query($id: ID!) { product(id: $id) { properties { type value property { id type value } } } }",
                vars("id", "MUT-DOT1"));
        Set<String> expected = new TreeSet<>();
        values.forEach(v -> expected.add("size=" + v));
        expected.add("grade=./x");
        assertEquals(expected, props(read, "data.product.properties"));
        List<String> ids = read.getList("data.product.properties.property.id");
        assertEquals(values.size() + 1, new java.util.HashSet<>(ids).size(), "one node per (type, value): " + ids);
        for (Map<String, Object> p : read.<Map<String, Object>>getList("data.product.properties")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> node = (Map<String, Object>) p.get("property");
            JsonPath byId = Gql.ok("query($id: ID!) { property(id: $id) { id type value productCount } }",
                    vars("id", node.get("id")));
            assertEquals(node.get("id"), byId.getString("data.property.id"));
            assertEquals(p.get("type"), byId.getString("data.property.type"));
            assertEquals(p.get("value"), byId.getString("data.property.value"), "value read back verbatim");
            String value = (String) p.get("value");
            int sharedWithDot2 = p.get("type").equals("size") && (value.equals("./x") || value.equals("../x")) ? 2 : 1;
            assertEquals(sharedWithDot2, byId.getInt("data.property.productCount"), "node " + node.get("id"));
        }
        List<String> sizes = Gql.ok("{ properties(type: \"size\", first: 100) { edges { node { value } } } }")
                .getList("data.properties.edges.node.value");
        assertTrue(sizes.containsAll(values), "every value listed under its own type: " + sizes);
        // Pages over products with such values answer (they failed with INVALID_ID on Fuseki).
        assertNotNull(Gql.ok("{ products(first: 100) { edges { node { id properties { property { id } } } } } }")
                .get("data.products"));
        // The marked ids of "." and ".." are valid ids (of nodes no new write creates), other spellings are not.
        JsonPath dot = Gql.ok("query($id: ID!) { property(id: $id) { id } }", vars("id", "size/!."));
        assertNull(dot.get("data.property"), "no such node on this store");
        assertEquals("INVALID_ID", Gql.errorCode(Gql.post("query($id: ID!) { property(id: $id) { id } }",
                vars("id", "size/%2E"))), "only the canonical id of '.' is accepted");
        assertEquals("INVALID_ID", Gql.errorCode(Gql.post("query($id: ID!) { property(id: $id) { id } }",
                vars("id", "size/."))));
    }

    @Test
    void removeProductRemovesItAndItsOrphanNodesOnce() {
        Gql.ok(ADD, vars("input", product("MUT-R1", "Gone", List.of(prop("series", "only-r1"), prop("color", "amber")))));
        Gql.ok(ADD, vars("input", product("MUT-R2", "Stays", List.of(prop("color", "amber")))));
        int amberBefore = productCount("color/amber");
        assertTrue(Gql.ok("mutation { removeProduct(id: \"MUT-R1\") }").getBoolean("data.removeProduct"));
        assertNull(Gql.ok(READ, vars("id", "MUT-R1")).get("data.product"));
        assertNull(Gql.ok("{ property(id: \"series/only-r1\") { id } }").get("data.property"));
        assertEquals(amberBefore - 1, productCount("color/amber"));
        assertFalse(Gql.ok("mutation { removeProduct(id: \"MUT-R1\") }").getBoolean("data.removeProduct"));
    }

    @Test
    void batchReportsEachFailingItemWithItsIndexAndWritesTheOthers() {
        Map<String, Object> tooLong = product("MUT-B5", "Long", List.of());
        tooLong.put("description", "x".repeat(10_001));
        List<Map<String, Object>> inputs = List.of(
                product("MUT-B1", "One", List.of(prop("color", "red"))),
                product("bad id!", "Two", List.of()),
                product("MUT-B3", "Three", List.of()),
                product("MUT-B4", "Four", List.of(prop("not a type", "x"))),
                tooLong,
                product("MUT-B1", "One again", List.of(prop("color", "blue"))));
        JsonPath report = Gql.ok(ADD_MANY, vars("inputs", inputs));
        assertEquals(2, report.getInt("data.addProducts.added"), "MUT-B1 (later item wins) and MUT-B3");
        assertEquals(3, report.getInt("data.addProducts.failed"));
        assertEquals(List.of(1, 3, 4), report.getList("data.addProducts.errors.index"));
        assertEquals(List.of("INVALID_ID", "INVALID_ARGUMENT", "LIMIT_EXCEEDED"), report.getList("data.addProducts.errors.code"));
        assertEquals("MUT-B4", report.getString("data.addProducts.errors[1].id"));
        assertEquals("One again", Gql.ok(READ, vars("id", "MUT-B1")).getString("data.product.name"));
        assertEquals(Set.of("color=blue"), props(Gql.ok(READ, vars("id", "MUT-B1")), "data.product.properties"));
        assertNull(Gql.ok(READ, vars("id", "MUT-B4")).get("data.product"));
        JsonPath again = Gql.ok(ADD_MANY, vars("inputs", List.of(product("MUT-B3", "Three v2", List.of()))));
        assertEquals(0, again.getInt("data.addProducts.added"));
        assertEquals(1, again.getInt("data.addProducts.updated"));
    }

    @Test
    void emptyOrOversizedBatchesAndBadInputAreRejectedWithCodes() {
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post(ADD_MANY, vars("inputs", List.of()))));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(product("MUT-MANY-" + i, "n", List.of()));
        }
        assertEquals("LIMIT_EXCEEDED", Gql.errorCode(Gql.post(ADD_MANY, vars("inputs", many))));
        assertNull(Gql.ok(READ, vars("id", "MUT-MANY-0")).get("data.product"), "a rejected batch writes nothing");
        assertEquals("INVALID_ID", Gql.errorCode(Gql.post(ADD, vars("input", product("x/../y", "n", List.of())))));
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post(ADD, vars("input", product("MUT-V1", " ", List.of())))));
        Map<String, Object> negative = product("MUT-V2", "n", List.of());
        negative.put("price", -1.0);
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post(ADD, vars("input", negative))));
        assertEquals("INVALID_ID", Gql.errorCode(Gql.post("mutation { removeProduct(id: \"a b\") }")));
    }

    @Test
    void aVendorValueWithoutLetterOrDigitIsRejectedForThatItemAndNothingOfItIsStored() {
        for (String junk : List.of("-", ".", "..", "%", " / ", "\u2122", "--", "()")) {
            Map<String, Object> bad = product("MUT-J1", "Junk", List.of(prop("color", "red"), prop("size", junk)));
            JsonPath single = Gql.post(ADD, vars("input", bad));
            assertEquals("INVALID_ARGUMENT", Gql.errorCode(single), "value " + junk);
            assertTrue(single.getString("errors[0].message").contains("letter or digit"), single.prettify());
            JsonPath batch = Gql.ok(ADD_MANY, vars("inputs", List.of(product("MUT-J2", "Fine", List.of(prop("size", "1/4 in."))), bad)));
            assertEquals(List.of(1), batch.getList("data.addProducts.errors.index"), "value " + junk);
            assertEquals(List.of("INVALID_ARGUMENT"), batch.getList("data.addProducts.errors.code"));
            assertEquals(1, batch.getInt("data.addProducts.added") + batch.getInt("data.addProducts.updated"));
            assertNull(Gql.ok(READ, vars("id", "MUT-J1")).get("data.product"), "the bad item is not written");
        }
        // Punctuation inside a value with letters or digits is part of the value.
        assertEquals(Set.of("size=1/4 in.", "grade=99.9%"), props(Gql.ok(ADD, vars("input", product("MUT-J3", "Kept",
                List.of(prop("size", "1/4 in."), prop("grade", "99.9%"))))), "data.addProduct.properties"));
        List<String> values = Gql.ok("{ properties(type: \"size\", first: 100) { edges { node { value } } } }")
                .getList("data.properties.edges.node.value");
        values.forEach(v -> assertTrue(v.codePoints().anyMatch(Character::isLetterOrDigit), "stored value " + v));
    }

    @Test
    void aRejectedUpdateLeavesThePreviousVersionIntact() {
        Gql.ok(ADD, vars("input", product("MUT-K1", "Kept", List.of(prop("color", "green")))));
        Map<String, Object> bad = product("MUT-K1", "Broken", List.of(prop("color", "red"), prop("", "x")));
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post(ADD, vars("input", bad))));
        JsonPath read = Gql.ok(READ, vars("id", "MUT-K1"));
        assertEquals("Kept", read.getString("data.product.name"));
        assertEquals(Set.of("color=green"), props(read, "data.product.properties"));
    }

    @Test
    void readersNeverSeeHalfAProductWhileItIsReplaced() throws Exception {
        List<Map<String, Object>> v1 = List.of(prop("color", "v1-a"), prop("size", "v1-b"), prop("grade", "v1-c"));
        List<Map<String, Object>> v2 = List.of(prop("color", "v2-a"), prop("material", "v2-b"));
        Gql.ok(ADD, vars("input", product("MUT-ATOM", "v1", v1)));
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> reader = pool.submit(() -> {
                int checks = 0;
                while (!done.get()) {
                    JsonPath read = Gql.ok(READ, vars("id", "MUT-ATOM"));
                    String name = read.getString("data.product.name");
                    assertNotNull(name, "product vanished during replace");
                    Set<String> got = props(read, "data.product.properties");
                    Set<String> want = name.equals("v1") ? Set.of("color=v1-a", "size=v1-b", "grade=v1-c")
                            : Set.of("color=v2-a", "material=v2-b");
                    assertEquals(want, got, "links of version " + name);
                    checks++;
                }
                return checks;
            });
            for (int i = 0; i < 60; i++) {
                Gql.ok(ADD, vars("input", i % 2 == 0 ? product("MUT-ATOM", "v2", v2) : product("MUT-ATOM", "v1", v1)));
            }
            done.set(true);
            assertTrue(reader.get(60, TimeUnit.SECONDS) > 0);
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
    }
}
