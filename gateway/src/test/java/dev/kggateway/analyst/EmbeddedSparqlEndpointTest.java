package dev.kggateway.analyst;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The /sparql contract on the default embedded store (same profile as EmbeddedCatalogTest: no extra start). */
@QuarkusTest
class EmbeddedSparqlEndpointTest extends SparqlEndpointContractTest {

    @Test
    void aQueryOverItsTimeLimitIs503AndTheServerGoesOn() {
        // A triple cross join over every statement: far more than kg.sparql.timeout (8 s) allows. Embedded only:
        // RDF4J stops it locally at the limit (a remote server might keep computing after the client gave up).
        String heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        long start = System.nanoTime();
        Response r = given().queryParam("query", heavy).get("/sparql");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(503, r.statusCode(), r.asString());
        assertTrue(r.asString().contains("kg.sparql.timeout"), r.asString());
        assertTrue(seconds < 60, "stopped near its limit, not after " + seconds + " s");
        given().queryParam("query", COUNT).get("/sparql").then().statusCode(200);
    }
}
