package dev.kggateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.domain.Page;
import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductOrdering;
import dev.kggateway.domain.ProductPosition;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.ProductSortField;
import dev.kggateway.domain.ProductVersion;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyLink;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.Slice;
import dev.kggateway.domain.SortDirection;
import dev.kggateway.listing.ListingIndex;
import dev.kggateway.support.EmptyCatalogue;
import dev.kggateway.support.WritableStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded store's listing index answers every listing exactly as the SPARQL path does, on a generated catalogue
 * (fixed seed) shaped to hit the edges: names that differ only in case or accents, tied and missing prices, prices
 * such as 0.30000000000000004, manufacturers in several cases, products without links. For many random filters
 * (nested anyOf/allOf/not over every predicate), orders and page walks in both directions (from real and from
 * synthetic cursors), both paths must give the same positions (hence cursors), hasNext/hasPrevious, totalCount,
 * facets and priceStats. The index is compared as fed by the write path (replace, bulk add, remove) and as rebuilt
 * from the store. Pages come from a walk over a sorted column for dense listings and from a scan of the matching
 * products for sparse ones: the random filters give both.
 */
@QuarkusTest
@TestProfile(WritableStoreProfile.class)
class ListingPathsAgreeTest {

    private static final String[] TYPES = { "material", "color", "grade", "size", "brand" };
    private static final String[] VALUES = { "steel", "glass", "red", "pcr clean", "sterile", "xl", "10 ml", "oak" };
    private static final String[] WORDS = { "Beaker", "beaker", "Écru", "ecru", "Zebra", "zebra", "Straße", "Pipette",
            "pipette tip", "Flask", "flask", "Ångström", "tube", "Tube" };
    private static final Double[] PRICES = { null, null, 0.0, 0.5, 1.25, 10.0, 10.5, 19.99, 100.0, 0.30000000000000004,
            1e-7, 12345.678 };
    private static final String[] MAKERS = { "Corning", "corning", "CORNING", "Eppendorf", "ACME Labs", null };

    @Inject
    ProductRepository products;

    @Inject
    PropertyRepository properties;

    @Inject
    EmbeddedListingIndex listing;

    private final Random random = new Random(42);

    /**
     * The shared writable store is emptied before (the generated catalogue is the whole listing) and after (it must
     * not leak into other tests' listings).
     */
    @BeforeEach
    @AfterEach
    void emptyStore() {
        EmptyCatalogue.empty(products);
    }

    @Test
    void indexAndSparqlGiveTheSameListings() {
        List<ProductVersion> catalogue = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            catalogue.add(record(i));
        }
        products.replaceAll(catalogue.subList(0, 300));
        // The bulk-load fast path, as BulkLoader writes new products.
        List<org.eclipse.rdf4j.model.Statement> statements = new ArrayList<>();
        catalogue.subList(300, 400).forEach(r -> statements.addAll(triplesOf(r)));
        products.addNew(statements);
        for (int i = 0; i < 20; i++) {
            products.remove(id(random.nextInt(400)));
        }
        List<ProductVersion> changed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            changed.add(record(random.nextInt(420)));
        }
        products.replaceAll(changed);

        compare("fed by writes", 80);
        // Writes after the sorted columns were built: the walks must not use columns that still hold old values.
        for (int i = 0; i < 5; i++) {
            products.remove(id(random.nextInt(420)));
        }
        products.replaceAll(List.of(record(random.nextInt(420)), record(random.nextInt(420))));
        compare("after more writes", 20);
        listing.dropped();
        compare("rebuilt from the store", 30);
    }

    @Inject
    ProductTriples productTriples;

    private List<org.eclipse.rdf4j.model.Statement> triplesOf(ProductVersion r) {
        return productTriples.statements(r);
    }

    private void compare(String how, int cases) {
        ListingIndex index = listing.serving(ProductQuery.ALL, null);
        assertNotNull(index, "the index serves listings on the embedded store");
        assertTrue(index.size() > 300, how + ": " + index.describe());
        assertNull(listing.serving(new ProductQuery(List.of(), null, null, null, null, "beaker"), null),
                "filter text falls back to SPARQL");
        int nonEmpty = 0;
        for (int c = 0; c < cases; c++) {
            ProductQuery query = c == 0 ? ProductQuery.ALL : query(0);
            String what = how + " case " + c + " " + query;
            int count = products.countBySparql(query);
            nonEmpty += count > 0 ? 1 : 0;
            assertEquals(count, index.count(query), "totalCount " + what);
            List<String> types = random.nextInt(4) == 0 ? null
                    : List.of(TYPES[random.nextInt(TYPES.length)], TYPES[random.nextInt(TYPES.length)], "unknown");
            List<String> sortedTypes = types == null ? null : new LinkedHashSet<>(types).stream().sorted().toList();
            assertEquals(products.facetsBySparql(query, sortedTypes), index.facets(query, sortedTypes),
                    "facets " + types + " " + what);
            assertEquals(products.priceStatsBySparql(query), index.priceStats(query), "priceStats " + what);
            ProductOrdering ordering = ordering();
            walk(index, query, ordering, what + " " + ordering.signature());
            idPages(index, query, what);
        }
        assertTrue(nonEmpty > cases / 3, how + ": the random filters match something often enough: " + nonEmpty);
        List<PropertyNode> nodes = new ArrayList<>();
        for (String type : TYPES) {
            for (String value : VALUES) {
                nodes.add(PropertyIds.node(type, value));
            }
        }
        assertEquals(properties.productCountsBySparql(nodes), index.productCounts(nodes), how + " productCounts");
        for (PropertyNode node : nodes.subList(0, 12)) {
            // Property.products with an orderBy: the listing of the filter {properties: [node]}.
            ProductOrdering ordering = ordering();
            walk(index, ProductQuery.linkedTo(node), ordering, how + " products of " + node + " " + ordering.signature());
            Slice slice = new Slice(1 + random.nextInt(7), null, random.nextBoolean());
            for (int page = 0; page < 4; page++) {
                ProductQuery linked = new ProductQuery(List.of(node), null, null, null, null, null);
                Page<String> expected = properties.productIdsBySparql(node, slice);
                assertEquals(expected, ProductRepository.idPage(index, linked, slice), how + " products of " + node);
                if (expected.items().isEmpty()) {
                    break;
                }
                List<String> ids = expected.items();
                slice = new Slice(slice.size(), slice.backward() ? ids.get(0) : ids.get(ids.size() - 1),
                        slice.backward());
            }
        }
    }

    /** Pages forward and backward through the listing, from its ends and from cursors, comparing every page. */
    private void walk(ListingIndex index, ProductQuery query, ProductOrdering ordering, String what) {
        for (boolean backward : new boolean[] { false, true }) {
            ProductPosition at = random.nextInt(3) == 0 ? syntheticPosition(ordering) : null;
            int size = 1 + random.nextInt(25);
            for (int page = 0; page < 5; page++) {
                Page<ProductPosition> expected = products.findSortedBySparql(query, ordering, at, size, backward);
                assertEquals(expected, index.page(query, ordering, at, size, backward),
                        "page " + page + (backward ? " backward" : "") + " at " + at + " " + what);
                if (expected.items().isEmpty()) {
                    break;
                }
                List<ProductPosition> items = expected.items();
                at = backward ? items.get(0) : items.get(items.size() - 1);
                if (random.nextInt(4) == 0) {
                    backward = !backward; // and back the other way from there
                }
            }
        }
    }

    private void idPages(ListingIndex index, ProductQuery query, String what) {
        Slice slice = new Slice(1 + random.nextInt(10), random.nextInt(3) == 0 ? id(random.nextInt(420)) : null,
                random.nextBoolean());
        for (int page = 0; page < 3; page++) {
            Page<String> expected = products.findIdsBySparql(query, slice);
            assertEquals(expected, ProductRepository.idPage(index, query, slice), "id page " + page + " " + what);
            if (expected.items().isEmpty()) {
                return;
            }
            List<String> ids = expected.items();
            slice = new Slice(slice.size(), slice.backward() ? ids.get(0) : ids.get(ids.size() - 1), slice.backward());
        }
    }

    /** A position no product has (between names, prices, counts), as a client could hold after a change. */
    private ProductPosition syntheticPosition(ProductOrdering ordering) {
        List<String> values = new ArrayList<>();
        for (ProductOrdering.Key key : ordering.keys()) {
            values.add(switch (key.field()) {
                case NAME -> WORDS[random.nextInt(WORDS.length)].toLowerCase() + (random.nextBoolean() ? " m" : "");
                case PRICE -> random.nextInt(4) == 0 ? null
                        : random.nextBoolean() ? "10.50" : java.math.BigDecimal.valueOf(random.nextInt(3000), 2)
                                .toPlainString();
                case PROPERTY_COUNT -> Integer.toString(random.nextInt(6));
                case ID -> id(random.nextInt(420));
                case RELEVANCE -> "1";
            });
        }
        return new ProductPosition(values);
    }

    private ProductOrdering ordering() {
        List<ProductSortField> fields = new ArrayList<>(List.of(ProductSortField.NAME, ProductSortField.PRICE,
                ProductSortField.PROPERTY_COUNT, ProductSortField.ID));
        java.util.Collections.shuffle(fields, random);
        List<ProductOrdering.Key> keys = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            keys.add(new ProductOrdering.Key(fields.get(i), random.nextBoolean() ? SortDirection.ASC : SortDirection.DESC));
        }
        return ProductOrdering.of(keys);
    }

    private ProductQuery query(int depth) {
        List<PropertyNode> props = new ArrayList<>();
        List<List<PropertyNode>> propertyIn = new ArrayList<>();
        List<String> hasProperty = new ArrayList<>();
        List<String> manufacturerIn = new ArrayList<>();
        List<ProductQuery.PriceRange> ranges = new ArrayList<>();
        List<ProductQuery> anyOf = new ArrayList<>();
        List<ProductQuery> allOf = new ArrayList<>();
        ProductQuery not = null;
        String manufacturer = null;
        Double min = null;
        Double max = null;
        String type = null;
        int conditions = 1 + random.nextInt(depth == 0 ? 3 : 2);
        for (int i = 0; i < conditions; i++) {
            switch (random.nextInt(depth < 2 ? 11 : 8)) {
                case 0 -> props.add(node());
                case 1 -> propertyIn.add(List.of(node(), node(), node()));
                case 2 -> hasProperty.add(random.nextInt(6) == 0 ? "unknown" : TYPES[random.nextInt(TYPES.length)]);
                case 3 -> manufacturerIn.add(maker());
                case 4 -> manufacturer = maker();
                case 5 -> {
                    min = random.nextBoolean() ? null : price();
                    max = random.nextBoolean() ? null : (min == null ? 0 : min) + price();
                }
                case 6 -> ranges.add(new ProductQuery.PriceRange(price(), random.nextBoolean() ? null : 20 + price()));
                case 7 -> type = TYPES[random.nextInt(TYPES.length)];
                case 8 -> anyOf.addAll(List.of(query(depth + 1), query(depth + 1)));
                case 9 -> allOf.add(query(depth + 1));
                default -> not = query(depth + 1);
            }
        }
        return new ProductQuery(props, type, manufacturer, min, max, null, propertyIn, hasProperty, manufacturerIn,
                ranges, anyOf, allOf, not);
    }

    private PropertyNode node() {
        return PropertyIds.node(TYPES[random.nextInt(TYPES.length)], VALUES[random.nextInt(VALUES.length)]);
    }

    private String maker() {
        String m = MAKERS[random.nextInt(MAKERS.length - 1)];
        return random.nextInt(5) == 0 ? "unknown" : m.toLowerCase();
    }

    private double price() {
        Double p = PRICES[2 + random.nextInt(PRICES.length - 2)];
        return random.nextBoolean() ? p : random.nextInt(3000) / 100.0;
    }

    private static String id(int n) {
        // Mixed case and separators: id order is code-point order, not numeric.
        return (n % 3 == 0 ? "LP-" : n % 3 == 1 ? "lp." : "Lp_") + n;
    }

    private ProductVersion record(int n) {
        String name = WORDS[random.nextInt(WORDS.length)] + (random.nextInt(3) == 0 ? ""
                : " " + WORDS[random.nextInt(WORDS.length)]);
        Double price = PRICES[random.nextInt(PRICES.length)];
        if (price != null && random.nextInt(3) == 0) {
            price = random.nextInt(3000) / 100.0;
        }
        List<PropertyLink> links = new ArrayList<>();
        LinkedHashSet<PropertyNode> nodes = new LinkedHashSet<>();
        int k = random.nextInt(7);
        for (int i = 0; i < k; i++) {
            nodes.add(node());
        }
        nodes.forEach(node -> links.add(PropertyLink.vendor(id(n), node)));
        return ProductVersion.of(new Product(id(n), name, null, price, price == null ? null : "EUR",
                MAKERS[random.nextInt(MAKERS.length)]), links, null);
    }
}
