package dev.kggateway.bulk;

import dev.kggateway.catalogue.CatalogueGenerator;
import dev.kggateway.cli.BulkLoadCommand;
import dev.kggateway.cli.ExportCommand;
import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.ProductVersion;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyLink;
import dev.kggateway.domain.PropertySource;
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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * export → bulk-load into an emptied store → export gives the same graph (as RDF: isomorphic models), through the
 * real commands, for N-Quads and Turtle, with NER extraction records in the graph; the HTTP download equals the
 * command's file; CSV bulk-load reports bad lines and loads the rest. Empties the shared writable store
 * around each test (EmptyCatalogue): other tests of WritableStoreProfile count products.
 */
@QuarkusTest
@TestProfile(WritableStoreProfile.class)
class ExportImportRoundTripTest {

    @Inject
    ExportCommand export;

    @Inject
    BulkLoadCommand bulkLoad;

    @Inject
    ProductRepository products;

    @Inject
    Iris iris;

    Path dir;

    @BeforeEach
    void emptyStore() throws IOException {
        dir = Files.createDirectories(Path.of("target", "round-trip-" + System.nanoTime()));
        clear();
    }

    @AfterEach
    void leaveEmpty() {
        clear();
    }

    private void clear() {
        EmptyCatalogue.empty(products);
    }

    /** 200 generated products, through bulk-load, then a few given NER links (the model's write path's triples). */
    private void loadCatalogueWithExtractions() throws Exception {
        StringWriter generated = new StringWriter();
        new CatalogueGenerator(11).write(200, generated);
        Path jsonl = dir.resolve("catalogue.jsonl");
        Files.writeString(jsonl, generated.toString());
        assertEquals(0, bulkLoad.run(new String[] { jsonl.toString(), "--no-enrich", "--out", dir.resolve("nq").toString() }));
        List<String> ids = products.findIds(ProductQuery.ALL, null, 5).items();
        Map<String, Product> found = products.findByIds(ids);
        List<ProductVersion> records = new ArrayList<>();
        for (String id : ids) {
            Product p = found.get(id);
            List<PropertyLink> links = new ArrayList<>();
            p.links().forEach(l -> links.add(new PropertyLink(p.id(), l.property(), PropertySource.VENDOR, 0.91,
                    "test-model-1")));
            links.add(new PropertyLink(p.id(), PropertyIds.node("color", "teal"), PropertySource.NER, 0.42,
                    "test-model-1"));
            records.add(ProductVersion.of(p, links, "test-model-1"));
        }
        products.replaceAll(records);
    }

    private Model exported(String format, RDFFormat rdf) throws Exception {
        Path file = dir.resolve("export-" + System.nanoTime() + "." + rdf.getDefaultFileExtension());
        assertEquals(0, export.run(new String[] { "--format", format, "--out", file.toString() }));
        try (InputStream in = Files.newInputStream(file)) {
            return Rio.parse(in, "", rdf);
        }
    }

    @Test
    void exportImportExportGivesTheSameGraph() throws Exception {
        loadCatalogueWithExtractions();
        Model before = exported("nquads", RDFFormat.NQUADS);
        assertTrue(before.size() > 2000, "a real graph: " + before.size());
        assertEquals(before.size(), before.filter(null, null, null, iris.catalogGraph()).size(), "all in the catalogue graph");
        assertTrue(before.stream().anyMatch(st -> st.getPredicate().getLocalName().equals("confidence")),
                "extraction records are exported");

        for (RDFFormat format : List.of(RDFFormat.NQUADS, RDFFormat.TURTLE)) {
            Path file = dir.resolve("again-" + System.nanoTime() + "." + format.getDefaultFileExtension());
            assertEquals(0, export.run(new String[] { "--format", format == RDFFormat.NQUADS ? "nquads" : "turtle",
                    "--out", file.toString() }));
            clear();
            assertEquals(0, products.totalProducts());
            assertEquals(0, bulkLoad.run(new String[] { file.toString() }), format.getName());
            Model after = exported("nquads", RDFFormat.NQUADS);
            assertEquals(before.size(), after.size(), format.getName());
            assertTrue(Models.isomorphic(before, after), format.getName() + ": same graph after the round trip");
        }
        // The loaded graph is served like any other: similarity (index rebuilt) and NER links.
        String id = products.findIds(ProductQuery.ALL, null, 1).items().get(0);
        JsonPath read = Gql.ok("query($id: ID!) { product(id: $id) { properties { type value source confidence } }"
                + " similarProducts(id: $id, minShared: 1) { product { id } } }", Fixture.vars("id", id));
        assertTrue(read.getList("data.product.properties.source").contains("NER"));
        assertFalse(read.getList("data.similarProducts").isEmpty());
    }

    /** Issue 15: each distinct quad once, shared property nodes included (no statement repeated per link). */
    @Test
    void exportWritesEachQuadOnce() throws Exception {
        loadCatalogueWithExtractions();
        Path file = dir.resolve("once.nq");
        assertEquals(0, export.run(new String[] { "--format", "nquads", "--out", file.toString() }));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.size() > 2000, "a real graph: " + lines.size());
        assertEquals(lines.size(), new HashSet<>(lines).size(), "no quad line twice");
        String typeOfNode = "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kg-gateway/vocab#Property>";
        long nodes = lines.stream().filter(l -> l.contains(typeOfNode)).count();
        long links = lines.stream().filter(l -> l.contains("<https://w3id.org/kg-gateway/vocab#hasProperty>")).count();
        assertTrue(nodes > 0 && links > 2 * nodes, "shared nodes, each written once: " + nodes + " nodes, " + links
                + " links");
    }

    @Test
    void httpDownloadEqualsTheCommandsFile() throws Exception {
        loadCatalogueWithExtractions();
        Model file = exported("nquads", RDFFormat.NQUADS);
        byte[] body = given().get("/export?format=nquads").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"kg-export.nq\"").extract().asByteArray();
        assertTrue(Models.isomorphic(file, Rio.parse(new ByteArrayInputStream(body), "", RDFFormat.NQUADS)));
        String jsonl = given().get("/export?format=jsonl").then().statusCode(200).extract().asString();
        assertEquals(200, jsonl.lines().count());
        given().get("/export?format=xml").then().statusCode(400);
    }

    @Test
    void jsonLinesRoundTripKeepsProductsAndVendorProperties() throws Exception {
        loadCatalogueWithExtractions();
        Path first = dir.resolve("first.jsonl");
        assertEquals(0, export.run(new String[] { "--format", "jsonl", "--out", first.toString() }));
        clear();
        assertEquals(0, bulkLoad.run(new String[] { first.toString(), "--no-enrich", "--out", dir.resolve("nq2").toString() }));
        Path second = dir.resolve("second.jsonl");
        assertEquals(0, export.run(new String[] { "--format", "jsonl", "--out", second.toString() }));
        assertEquals(Files.readAllLines(first), Files.readAllLines(second));
    }

    @Test
    void csvLoadsGoodLinesAndReportsBadOnes() throws Exception {
        Path csv = dir.resolve("products.csv");
        Files.writeString(csv, """
                id,name,description,price,currency,manufacturer,property:color,property:material
                CSV-1,Nitrile gloves,"Blue nitrile gloves, size M",12.5,usd,Acme,blue,nitrile
                CSV-2,Beaker,Glass beaker,not-a-price,USD,Acme,,glass
                CSV-3,Tube rack,Rack for tubes,3,EUR,Acme,red;white,polypropylene
                CSV-4,Too,many,fields,1,2,3,4,5
                CSV-5,"Multi
                line name",,,,,,
                ,No id,,,,,,
                """, StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream oldErr = System.err;
        int code;
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = bulkLoad.run(new String[] { csv.toString(), "--no-enrich", "--out", dir.resolve("nq").toString() });
        } finally {
            System.setErr(oldErr);
        }
        String errors = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, "invalid lines make the exit code 1: " + errors);
        assertTrue(errors.contains("line 3: price is not a number"), errors);
        assertTrue(errors.contains("line 5: has 9 fields"), errors);
        assertTrue(errors.contains("line 8:"), errors);
        assertEquals(3, products.totalProducts());
        JsonPath one = Gql.ok("{ product(id: \"CSV-3\") { name currency properties { type value source } } }");
        Set<String> props = new HashSet<>();
        List<Map<String, String>> list = one.getList("data.product.properties");
        list.forEach(p -> props.add(p.get("type") + "=" + p.get("value") + "/" + p.get("source")));
        assertEquals(Set.of("color=red/VENDOR", "color=white/VENDOR", "material=polypropylene/VENDOR"), props);
        assertEquals("USD", Gql.ok("{ product(id: \"CSV-1\") { currency } }").getString("data.product.currency"));
        assertEquals("Multi\nline name", Gql.ok("{ product(id: \"CSV-5\") { name } }").getString("data.product.name"));

        Path badHeader = dir.resolve("bad.csv");
        Files.writeString(badHeader, "id,title\nX-1,thing\n");
        assertEquals(1, bulkLoad.run(new String[] { badHeader.toString() }));
        assertEquals(3, products.totalProducts());
    }

    @Test
    void badNQuadsLinesAreReportedAndTheRestLoaded() throws Exception {
        Path nq = dir.resolve("mixed.nq");
        String p = iris.product("NQ-1").stringValue();
        String g = iris.catalogGraph().stringValue();
        Files.writeString(nq, String.join("\n",
                "<" + p + "> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kg-gateway/vocab#Product> <" + g + "> .",
                "<" + p + "> <https://w3id.org/kg-gateway/vocab#productId> \"NQ-1\" <" + g + "> .",
                "this is not a quad",
                "<" + p + "> <https://w3id.org/kg-gateway/vocab#name> \"From N-Quads\" <" + g + "> .",
                "<" + p + "> <http://example.org/other> \"foreign\" <" + g + "> .",
                "<" + p + "> <https://w3id.org/kg-gateway/vocab#propertyCount> \"0\"^^<http://www.w3.org/2001/XMLSchema#int> <" + g + "> .",
                ""));
        assertEquals(1, bulkLoad.run(new String[] { nq.toString() }));
        assertEquals("From N-Quads", Gql.ok("{ product(id: \"NQ-1\") { name } }").getString("data.product.name"));
    }
}
