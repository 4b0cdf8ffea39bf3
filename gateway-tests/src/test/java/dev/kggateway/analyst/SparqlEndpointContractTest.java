package dev.kggateway.analyst;

import static dev.kggateway.support.Fixture.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.support.Fixture;
import dev.kggateway.support.Gql;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.query.resultio.QueryResultIO;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultFormat;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;

/**
 * The /sparql endpoint over real HTTP, on each store kind (one subclass per kind), with the fixture catalogue loaded
 * on start. The analyst round trip: the UI's similar-products example, as the UI serves it, gives the same top 10
 * as GraphQL similarProducts.
 */
public abstract class SparqlEndpointContractTest {

    static final Fixture F = Fixture.get();
    // the gateway's source files (tests run in gateway-tests/), compared with what the UI serves
    static final Path EXAMPLES = Path.of("../gateway/src/main/resources/META-INF/resources/sparql-ui/examples");
    static final String COUNT = "PREFIX kg: <https://w3id.org/kg-gateway/vocab#>\n"
            + "SELECT (COUNT(?p) AS ?n) WHERE { GRAPH ?g { ?p a kg:Product } }";

    /** The example query as the UI page loads it, with the product id an analyst would type in. */
    static String similarExample(String productId) throws IOException {
        // The UI fetches it from the server: compare with the file to prove it is the same text.
        String served = given().get("/sparql-ui/examples/similar-products.rq").then().statusCode(200).extract()
                .asString();
        assertEquals(Files.readString(EXAMPLES.resolve("similar-products.rq")), served);
        assertTrue(served.contains("\"TIP-000001\""), "the example names the sample's first product");
        return served.replace("\"TIP-000001\"", "\"" + productId + "\"");
    }

    static List<BindingSet> select(Response r) throws IOException {
        assertEquals(200, r.statusCode(), r.asString());
        return QueryResults.asList(QueryResultIO.parseTuple(new ByteArrayInputStream(r.asByteArray()),
                TupleQueryResultFormat.JSON, null));
    }

    @Test
    void similarProductsExampleGivesTheSameTopTenAsGraphQl() throws IOException {
        List<String> ids = new ArrayList<>(List.of(F.richestProduct(), F.ids().get(3), F.ids().get(F.ids().size() / 2)));
        int compared = 0;
        for (String id : ids) {
            List<BindingSet> rows = select(given().contentType("application/sparql-query")
                    .accept("application/sparql-results+json").body(similarExample(id).getBytes(StandardCharsets.UTF_8)).post("/sparql"));
            List<Map<String, Object>> hits = Gql.ok("""
                    query($id: ID!) { similarProducts(id: $id) { sharedCount product { id } } }""", vars("id", id))
                    .getList("data.similarProducts");
            assertEquals(hits.size(), rows.size(), id);
            for (int i = 0; i < hits.size(); i++) {
                @SuppressWarnings("unchecked")
                String want = (String) ((Map<String, Object>) hits.get(i).get("product")).get("id");
                assertEquals(want, rows.get(i).getValue("id").stringValue(), id + " rank " + i);
                assertEquals(((Number) hits.get(i).get("sharedCount")).intValue(),
                        Integer.parseInt(rows.get(i).getValue("similarity").stringValue()), id + " rank " + i);
                compared++;
            }
        }
        assertTrue(compared >= 10, "the fixture gives rankings to compare: " + compared);
    }

    @Test
    void getAndFormPostAnswerAlike() throws IOException {
        List<BindingSet> viaGet = select(given().queryParam("query", COUNT).accept("application/sparql-results+json")
                .get("/sparql"));
        List<BindingSet> viaForm = select(given().formParam("query", COUNT).accept("application/sparql-results+json")
                .post("/sparql"));
        assertEquals(F.ids().size(), Integer.parseInt(viaGet.get(0).getValue("n").stringValue()));
        assertEquals(viaGet, viaForm);
    }

    @Test
    void resultFormatsByContentNegotiation() throws IOException {
        Map<String, String> expected = Map.of(
                "application/sparql-results+json", "\"n\"",
                "application/sparql-results+xml", "<sparql",
                "text/csv", "n\r\n" + F.ids().size(),
                "text/tab-separated-values", "?n\n");
        expected.forEach((accept, marker) -> {
            Response r = given().queryParam("query", COUNT).accept(accept).get("/sparql");
            assertEquals(200, r.statusCode(), accept + ": " + r.asString());
            assertTrue(r.contentType().startsWith(accept), accept + " -> " + r.contentType());
            assertTrue(r.asString().contains(marker), accept + ": " + r.asString());
        });
        // No Accept header: SPARQL JSON. Weights are honoured.
        assertTrue(given().queryParam("query", COUNT).header("Accept", "text/csv;q=0.5, application/sparql-results+xml")
                .get("/sparql").contentType().startsWith("application/sparql-results+xml"));
        Response ask = given().queryParam("query", "ASK { GRAPH ?g { ?s ?p ?o } }")
                .accept("application/sparql-results+json").get("/sparql");
        assertEquals(200, ask.statusCode());
        assertEquals(Boolean.TRUE, ask.jsonPath().get("boolean"));
        Response none = given().queryParam("query", COUNT).accept("image/png").get("/sparql");
        assertEquals(406, none.statusCode());
        assertTrue(none.asString().contains("application/sparql-results+json"), none.asString());
    }

    @Test
    void constructAnswersTurtleOrNTriples() throws IOException {
        String construct = Files.readString(EXAMPLES.resolve("product-neighbourhood.rq"))
                .replace("\"TIP-000001\"", "\"" + F.richestProduct() + "\"");
        for (RDFFormat format : List.of(RDFFormat.TURTLE, RDFFormat.NTRIPLES)) {
            Response r = given().formParam("query", construct).accept(format.getDefaultMIMEType()).post("/sparql");
            assertEquals(200, r.statusCode(), r.asString());
            Model model = Rio.parse(new ByteArrayInputStream(r.asByteArray()), "", format);
            int properties = F.items.get(F.richestProduct()).properties().size();
            assertTrue(model.filter(null, null, null).subjects().size() > properties,
                    format + ": the product, its property nodes, its neighbours");
        }
    }

    @Test
    void malformedQueriesAre400WithAMessage() {
        for (String bad : List.of("SELEKT * WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ", "",
                "SELECT * WHERE { ?s <relative> ?o }")) {
            Response r = given().queryParam("query", bad).get("/sparql");
            assertEquals(400, r.statusCode(), bad + ": " + r.asString());
            assertTrue(r.contentType().startsWith("text/plain"));
            assertFalse(r.asString().isBlank());
        }
        Response service = given().queryParam("query",
                "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }").get("/sparql");
        assertEquals(400, service.statusCode());
        assertTrue(service.asString().contains("SERVICE"), service.asString());
        Response body = given().contentType("application/json").body("{}").post("/sparql");
        assertEquals(415, body.statusCode());
    }

    @Test
    void updatesAreRefusedAndChangeNothing() throws IOException {
        String update = "PREFIX kg: <https://w3id.org/kg-gateway/vocab#> CLEAR ALL";
        List<Response> answers = List.of(
                given().queryParam("query", update).get("/sparql"),
                given().queryParam("update", update).get("/sparql"),
                given().formParam("update", update).post("/sparql"),
                given().formParam("query", "INSERT DATA { <urn:a> <urn:b> <urn:c> }").post("/sparql"),
                given().contentType("application/sparql-update").body(update.getBytes(StandardCharsets.UTF_8)).post("/sparql"));
        for (Response r : answers) {
            assertEquals(403, r.statusCode(), r.asString());
            assertTrue(r.asString().contains("read only"), r.asString());
        }
        assertEquals(F.ids().size(), Integer.parseInt(select(given().queryParam("query", COUNT)
                .accept("application/sparql-results+json").get("/sparql")).get(0).getValue("n").stringValue()));
    }

    @Test
    void rowsAreCutAtTheConfiguredCap() {
        // 120 x 120 fixture products = 14,400 rows > kg.sparql.max-rows (10,000 by default).
        String pairs = "PREFIX kg: <https://w3id.org/kg-gateway/vocab#>\n"
                + "SELECT ?a ?b WHERE { GRAPH ?g { ?a a kg:Product . ?b a kg:Product } }";
        Response r = given().queryParam("query", pairs).accept("text/csv").get("/sparql");
        assertEquals(200, r.statusCode());
        assertEquals("10000", r.header(SparqlEndpoint.TRUNCATED_HEADER));
        assertEquals(10_001, r.asString().split("\r\n").length, "header line and 10,000 rows");
        Response small = given().queryParam("query", COUNT).get("/sparql");
        assertNull(small.header(SparqlEndpoint.TRUNCATED_HEADER));
    }

    @Test
    void browsersAreSentToTheUi() {
        Response r = given().redirects().follow(false).accept("text/html").get("/sparql");
        assertEquals(303, r.statusCode());
        assertEquals("/sparql-ui/", r.header("Location"));
        String page = given().get("/sparql-ui/").then().statusCode(200).extract().asString();
        assertTrue(page.contains("vendor/yasgui/yasgui.min.js"), "YASGUI is served locally");
        assertFalse(page.contains("//cdn") || page.contains("https://"), "no CDN");
        given().get("/sparql-ui/vendor/yasgui/yasgui.min.js").then().statusCode(200);
        given().get("/sparql-ui/examples/examples.json").then().statusCode(200);
        given().redirects().follow(false).get("/sparql-ui").then().statusCode(301);
    }
}
