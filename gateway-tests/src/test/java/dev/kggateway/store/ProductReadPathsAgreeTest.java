package dev.kggateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductVersion;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyLink;
import dev.kggateway.domain.PropertySource;
import dev.kggateway.support.WritableStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.rdf4j.model.IRI;
import org.junit.jupiter.api.Test;

/**
 * The embedded store's statement-API read of products ({@link ProductStatements}) gives exactly what
 * products-by-iri.rq gives: fields (missing ones, accents, awkward prices), vendor and NER links with their
 * confidence and model version, a vendor link the model also found, an extraction record missing a part, a node that
 * is not a product, unknown and repeated ids; written through the replace path and the bulk-add path.
 */
@QuarkusTest
@TestProfile(WritableStoreProfile.class)
class ProductReadPathsAgreeTest {

    private static final Double[] PRICES = { null, 0.0, 0.30000000000000004, 19.99, 12345.678, 1e-7 };
    private static final String[] VALUES = { "steel", "glass", "écru", "pcr clean", "10 ml", "a/b", "100%" };

    @Inject
    ProductRepository products;

    @Inject
    ProductTriples triples;

    @Inject
    GraphStore store;

    @Inject
    Iris iris;

    private final Random random = new Random(7);

    @Test
    void statementApiAndSparqlReadTheSameProducts() {
        List<ProductVersion> catalogue = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            catalogue.add(record(i));
        }
        products.replaceAll(catalogue.subList(0, 40));
        List<org.eclipse.rdf4j.model.Statement> bulk = new ArrayList<>();
        catalogue.subList(40, 60).forEach(r -> bulk.addAll(triples.statements(r)));
        products.addNew(bulk);
        // An extraction record that lost its model version (the query's OPTIONAL group then does not match), and a
        // node with an id but no name (not a product for the query).
        store.update("test-partial-records", "PREFIX kg: <" + Vocab.NS + ">\n"
                + "DELETE { GRAPH ?g { ?e kg:modelVersion ?v } } WHERE { GRAPH ?g { ?e kg:ofProduct <"
                + iris.product(id(3)) + "> ; kg:modelVersion ?v } };\n"
                + "INSERT DATA { GRAPH <" + iris.catalogGraph() + "> { <" + iris.product("RPA-NONAME")
                + "> kg:productId \"RPA-NONAME\" } }");

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(id(i));
        }
        ids.addAll(List.of("RPA-UNKNOWN", "RPA-NONAME", id(5), id(5)));
        int withNer = 0;
        for (int from = 0; from < ids.size(); from += 7) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + 7));
            Map<String, Product> fast = products.findByIds(batch);
            Map<String, Product> sparql = products.findByIdsBySparql(batch.stream().distinct().map(iris::product).toList());
            assertEquals(sparql, fast, "batch " + batch);
            // Summaries (fields only) on both paths: the full products without their links.
            Map<String, Product> fields = new java.util.LinkedHashMap<>();
            sparql.forEach((id, p) -> fields.put(id, p.withLinks(List.of())));
            assertEquals(fields, products.summariesByIds(batch), "summaries of " + batch);
            assertEquals(fields, products.summariesByIdsBySparql(batch.stream().distinct().map(iris::product).toList()),
                    "summaries by SPARQL of " + batch);
            for (String id : batch) {
                // A ranking's nodes: the links' nodes in link order, on both paths.
                assertEquals(products.linksOf(List.of(id)).get(id).stream().map(PropertyLink::property).toList(),
                        products.propertiesOf(id), "nodes of " + id);
            }
            withNer += (int) fast.values().stream().filter(p -> p.links().stream()
                    .anyMatch(l -> l.source() == PropertySource.NER && l.confidence() != null)).count();
        }
        assertTrue(withNer > 10, "NER links with confidence compared: " + withNer);
        Map<String, Product> one = products.findByIds(List.of(id(3), "RPA-NONAME", "RPA-UNKNOWN"));
        assertEquals(List.of(id(3)), List.copyOf(one.keySet()));
        assertTrue(one.get(id(3)).links().stream().anyMatch(l -> l.source() == PropertySource.NER),
                "the NER links of product 3 are kept");
        assertTrue(one.get(id(3)).links().stream().allMatch(l -> l.confidence() == null),
                "an incomplete extraction record gives no confidence");
        assertFalse(products.findByIds(List.of(id(0))).isEmpty());
        ids.stream().distinct().forEach(products::remove);
        assertNull(products.findByIds(List.of(id(0))).get(id(0)));
    }

    private static String id(int n) {
        return "RPA-" + n;
    }

    private ProductVersion record(int n) {
        Double price = PRICES[random.nextInt(PRICES.length)];
        List<PropertyLink> links = new ArrayList<>();
        int vendor = random.nextInt(5);
        for (int i = 0; i < vendor; i++) {
            var node = PropertyIds.node("t" + random.nextInt(3), VALUES[random.nextInt(VALUES.length)]);
            if (links.stream().noneMatch(l -> l.property().equals(node))) {
                // Every third vendor link was also found by the model: a vendor link with a confidence.
                links.add(random.nextInt(3) == 0 ? new PropertyLink(id(n), node, PropertySource.VENDOR, 0.75, "m-2")
                        : PropertyLink.vendor(id(n), node));
            }
        }
        int ner = n == 3 ? 2 : random.nextInt(3);
        for (int i = 0; i < ner; i++) {
            var node = PropertyIds.node("color", "c" + i + random.nextInt(4));
            if (links.stream().noneMatch(l -> l.property().equals(node))) {
                links.add(new PropertyLink(id(n), node, PropertySource.NER, 0.5 + i / 10.0, "m-1"));
            }
        }
        return ProductVersion.of(new Product(id(n), "Name " + n + (n % 4 == 0 ? " Straße" : ""),
                n % 3 == 0 ? null : "Description of " + n, price, price == null ? null : "EUR",
                n % 5 == 0 ? null : "Maker " + (n % 4)), links, n % 2 == 0 ? "m-1" : null);
    }
}
