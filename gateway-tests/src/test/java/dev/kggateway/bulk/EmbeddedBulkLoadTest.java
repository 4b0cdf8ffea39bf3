package dev.kggateway.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.catalogue.CatalogueGenerator;
import dev.kggateway.cli.BulkLoadCommand;
import dev.kggateway.store.Iris;
import dev.kggateway.store.ProductRepository;
import dev.kggateway.support.EmptyCatalogue;
import dev.kggateway.support.Fixture;
import dev.kggateway.support.Gql;
import dev.kggateway.support.WritableStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk load of a generated catalogue into the embedded store, then reads through GraphQL: every valid line is a
 * product with exactly its vendor properties, an existing product is replaced (not merged), the last line of a repeated
 * id wins, invalid lines are reported by number, and the N-Quads written hold exactly the loaded statements.
 */
@QuarkusTest
@TestProfile(WritableStoreProfile.class)
class EmbeddedBulkLoadTest {

    @Inject
    BulkLoader loader;

    @Inject
    BulkLoadCommand command;

    @Inject
    ProductRepository products;

    @Inject
    Iris iris;

    /** The counts below are exact: the shared writable store is emptied around each test. */
    @BeforeEach
    @AfterEach
    void emptyStore() {
        EmptyCatalogue.empty(products);
    }

    static final String READ = """
            query($id: ID!) { product(id: $id) { id name properties { type value source } } }""";

    @Test
    void generatedCatalogueIsLoadedAndReadableThroughGraphQL() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bulk-test-" + System.nanoTime()));
        StringWriter generated = new StringWriter();
        new CatalogueGenerator(7).write(300, generated);
        List<String> lines = new ArrayList<>(generated.toString().lines().toList());
        ObjectMapper json = new ObjectMapper();
        String firstId = json.readTree(lines.get(0)).get("id").asText();
        String secondId = json.readTree(lines.get(1)).get("id").asText();

        // secondId exists before the load with a property the file does not give: the load must replace, not merge.
        Gql.ok("mutation($input: ProductInput!) { addProduct(input: $input) { id } }", Fixture.vars("input",
                Fixture.vars("id", secondId, "name", "old", "enrich", false, "properties",
                        List.of(Fixture.vars("type", "color", "value", "stale-colour")))));
        // A later line for firstId wins; an invalid line is reported and skipped.
        Map<String, Object> renamed = json.readValue(lines.get(0), Map.class);
        renamed.put("name", "Renamed by a later line");
        lines.add(json.writeValueAsString(renamed));
        lines.add("{\"id\":\"BAD-1\",\"name\":\"x\",\"currency\":\"dollars\"}");
        Path input = dir.resolve("catalogue.jsonl");
        Files.write(input, lines);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BulkLoader.Summary s = loader.run(new BulkLoader.Options(input, dir.resolve("nq"), BulkLoader.Target.EMBEDDED,
                true, 64, 1_000, 1L << 30), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertEquals(302, s.lines());
        assertEquals(1, s.invalid());
        assertTrue(s.errors().get(0).startsWith("line 302:"), s.errors().toString());
        assertEquals(1, s.duplicates());
        assertEquals(1, s.replaced());
        assertEquals(299, s.bulkAdded());
        assertEquals(300, products.totalProducts());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("lines/s"), "progress is printed");

        assertEquals("Renamed by a later line", Gql.ok(READ, Fixture.vars("id", firstId))
                .getString("data.product.name"));
        JsonPath second = Gql.ok(READ, Fixture.vars("id", secondId));
        assertEquals(vendorKeys(json, lines.get(1)), keys(second));
        assertTrue(keys(second).stream().noneMatch(k -> k.contains("stale-colour")));
        for (int i = 2; i < 300; i += 37) {
            String id = json.readTree(lines.get(i)).get("id").asText();
            assertEquals(vendorKeys(json, lines.get(i)), keys(Gql.ok(READ, Fixture.vars("id", id))), id);
        }

        // The N-Quads files hold the bulk-added statements, one per line and each once (a shared property node's
        // own triples are written with its first product only), all parseable, all in the catalog graph, and every
        // node a product links to is described in the files.
        long statements = 0;
        Set<String> distinctLines = new java.util.HashSet<>();
        Model all = new org.eclipse.rdf4j.model.impl.LinkedHashModel();
        for (Path f : s.files()) {
            try (var fileLines = Files.lines(f)) {
                fileLines.filter(l -> !l.isBlank()).forEach(distinctLines::add);
            }
            try (var fileLines = Files.lines(f)) {
                statements += fileLines.filter(l -> !l.isBlank()).count();
            }
            try (InputStream in = Files.newInputStream(f)) {
                Model m = Rio.parse(in, RDFFormat.NQUADS);
                assertEquals(Set.of(iris.catalogGraph()), m.contexts());
                all.addAll(m);
            }
        }
        assertEquals(s.statements(), statements);
        assertEquals(statements, distinctLines.size(), "each statement written once");
        assertTrue(statements > 299 * 5, "about ten statements per product");
        var hasProperty = org.eclipse.rdf4j.model.util.Values.iri(dev.kggateway.store.Vocab.NS, "hasProperty");
        var propertyValue = org.eclipse.rdf4j.model.util.Values.iri(dev.kggateway.store.Vocab.NS, "propertyValue");
        Set<org.eclipse.rdf4j.model.Value> linked = all.filter(null, hasProperty, null).objects();
        assertTrue(linked.size() > 10, "products link shared nodes");
        for (var node : linked) {
            assertEquals(1, all.filter((org.eclipse.rdf4j.model.Resource) node, propertyValue, null).size(),
                    "node described once: " + node);
        }
    }

    @Test
    void commandRejectsBadArgumentsWithUsage() throws Exception {
        assertEquals(2, command.run(new String[] { "does-not-exist.jsonl" }));
        assertEquals(2, command.run(new String[] { "--target", "neptune", "pom.xml" }));
    }

    private static Set<String> vendorKeys(ObjectMapper json, String line) throws Exception {
        Set<String> keys = new TreeSet<>();
        json.readTree(line).path("properties").forEach(p -> keys.add(Fixture.key(p.get("type").asText(),
                p.get("value").asText())));
        return keys;
    }

    private static Set<String> keys(JsonPath product) {
        List<Map<String, Object>> props = product.getList("data.product.properties");
        Set<String> keys = new TreeSet<>();
        props.forEach(p -> keys.add(p.get("type") + "=" + p.get("value")));
        return keys;
    }
}
