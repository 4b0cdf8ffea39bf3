package dev.kggateway.analyst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.config.KgConfig;
import dev.kggateway.store.GraphStore;
import dev.kggateway.store.Iris;
import dev.kggateway.store.ProductRepository;
import dev.kggateway.support.EmptyCatalogue;
import dev.kggateway.support.Gql;
import dev.kggateway.support.WritableStoreProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /export} to a client that reads slowly must not hold up writes: a real HTTP client takes the first bytes
 * of an N-Quads export of a catalogue far larger than the socket buffers, then stops reading while a GraphQL
 * {@code addProducts} runs; the write must be acknowledged (not fail at {@code kg.store.lock-timeout}), and the rest of
 * the download must still be the whole catalogue as it was at one moment. When the export held the store's read
 * for the whole download, the write waited for the client (here: until the lock timeout, then STORE_UNAVAILABLE).
 * Also: a client that goes away mid-download leaves no spool file behind.
 *
 * <p>Real parts: the writable test application's embedded LMDB store, its HTTP listener, java.net's HTTP client.
 * Data: {@value #STATEMENTS} synthetic statements (about 30 MB of N-Quads) written straight into the catalogue graph,
 * emptied again after each test (EmptyCatalogue).
 */
@QuarkusTest
@TestProfile(WritableStoreProfile.class)
class SlowExportClientTest {

    static final int STATEMENTS = 60_000;
    static final SimpleValueFactory VF = SimpleValueFactory.getInstance();
    static final IRI FILLER = VF.createIRI("urn:kg-test:export-filler");
    static final String ADD = "mutation($in: [ProductInput!]!) { addProducts(inputs: $in) { added failed } }";

    @Inject
    GraphStore store;

    @Inject
    Iris iris;

    @Inject
    ProductRepository products;

    @Inject
    KgConfig config;

    @TestHTTPResource("/export?format=nquads")
    URL nquads;

    @BeforeEach
    void fill() {
        EmptyCatalogue.empty(products);
        String padding = "x".repeat(400);
        List<Statement> statements = new ArrayList<>(STATEMENTS);
        for (int i = 0; i < STATEMENTS; i++) {
            statements.add(VF.createStatement(VF.createIRI("urn:kg-test:filler/" + i), FILLER,
                    VF.createLiteral(i + " " + padding), iris.catalogGraph()));
        }
        store.addStatements(statements);
    }

    @AfterEach
    void empty() {
        EmptyCatalogue.empty(products);
    }

    @Test
    void aWriteDoesNotWaitForASlowExportClient() throws Exception {
        // No clock bound (a loaded machine could break one): a write that waited for the client would wait for the
        // access lock until kg.store.lock-timeout and then fail with STORE_UNAVAILABLE, which the checks below catch.
        Gql.ok(ADD, Map.of("in", List.of(Map.of("id", "SLOW-EXPORT-0", "name", "Before", "enrich", false))));
        HttpURLConnection http = (HttpURLConnection) nquads.openConnection();
        http.setReadTimeout(120_000);
        assertEquals(200, http.getResponseCode());
        try (InputStream body = http.getInputStream()) {
            byte[] first = body.readNBytes(1024); // the download has begun; now the client stops reading
            assertEquals(1024, first.length);

            JsonPath added = Gql.post(ADD, Map.of("in", List.of(Map.of("id", "SLOW-EXPORT-1", "name", "During",
                            "enrich", false))));
            assertNull(added.get("errors"), "the write failed while the client did not read: " + added.prettify());
            assertEquals(1, added.getInt("data.addProducts.added"));

            // The client reads on: the whole catalogue, as at one moment (the write entirely in or entirely out).
            long[] fillers = {0};
            long[] product = {0};
            Rio.createParser(RDFFormat.NQUADS).setRDFHandler(new AbstractRDFHandler() {
                @Override
                public void handleStatement(Statement st) {
                    if (st.getPredicate().equals(FILLER)) {
                        fillers[0]++;
                    } else if (st.getSubject().stringValue().contains("SLOW-EXPORT-1")) {
                        product[0]++;
                    }
                }
            }).parse(new SequenceInputStream(new ByteArrayInputStream(first), body), "");
            assertEquals(STATEMENTS, fillers[0], "every statement of the catalogue is in the download");
            long whole = productStatements(secondExport());
            assertTrue(whole > 0, "the product was written");
            assertTrue(product[0] == 0 || product[0] == whole, "the write is in the download whole or not at all: "
                    + product[0] + " of its " + whole + " statements");
        }
        awaitNoSpoolLeft();
    }

    /**
     * Another export, once the first has let go of its slot (kg.export.max-concurrent=1): the server releases it just
     * after the client has read the last byte.
     */
    static InputStream secondExport() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            var r = io.restassured.RestAssured.given().get("/export?format=nquads");
            if (r.statusCode() != 503 || System.nanoTime() > until) {
                return r.then().statusCode(200).extract().asInputStream();
            }
            Thread.sleep(100);
        }
    }

    @Test
    void aClientThatGoesAwayLeavesNoSpool() throws Exception {
        HttpURLConnection http = (HttpURLConnection) nquads.openConnection();
        assertEquals(200, http.getResponseCode());
        try (InputStream body = http.getInputStream()) {
            assertEquals(1024, body.readNBytes(1024).length);
        }
        http.disconnect(); // the client goes away with most of the download unread
        awaitNoSpoolLeft();
        // and the store takes writes again (one held by the export would fail at the lock timeout)
        Gql.ok(ADD, Map.of("in",
                List.of(Map.of("id", "SLOW-EXPORT-2", "name", "After an aborted export", "enrich", false))));
    }

    /** Statements about the product written during the export, in an N-Quads download. */
    static long productStatements(InputStream nquads) throws IOException {
        long[] n = {0};
        Rio.createParser(RDFFormat.NQUADS).setRDFHandler(new AbstractRDFHandler() {
            @Override
            public void handleStatement(Statement st) {
                if (st.getSubject().stringValue().contains("SLOW-EXPORT-1")) {
                    n[0]++;
                }
            }
        }).parse(nquads, "");
        return n[0];
    }

    long spoolFiles() throws IOException {
        Path dir = Path.of(config.store().path(), "export-spool"); // where the docs say the export spools
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    /** The spool is deleted once the download ends (the server notices a client gone at its next write). */
    void awaitNoSpoolLeft() throws IOException, InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (spoolFiles() > 0 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertEquals(0, spoolFiles(), "the export's spool file is deleted once the download ends");
    }
}
