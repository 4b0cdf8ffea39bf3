package dev.kggateway.store;

import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductVersion;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyLink;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.datatype.DatatypeFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.BeforeEach;
import org.eclipse.rdf4j.model.IRI;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway on a real Fuseki server over HTTP: writes through the SPARQL update endpoint, GraphQL reads through the
 * query endpoint, long queries as POST, and behaviour while the endpoint is down or hung, and after it comes back.
 */
@QuarkusTest
@TestProfile(FusekiWritableProfile.class)
class FusekiStoreTest {

    @Inject
    ProductRepository products;

    @Inject
    GraphStore store;

    @Inject
    Iris iris;

    @Inject
    ChangeFeed feed;

    @Inject
    dev.kggateway.config.KgConfig config;

    @BeforeEach
    void seed() {
        FusekiTestResource.current().startServerIfStopped();
        products.replaceAll(List.of(
                record("FUS-1", "Nitrile gloves", Map.of("color", "fus-blue", "material", "nitrile")),
                record("FUS-2", "Latex gloves", Map.of("color", "fus-blue", "material", "latex")),
                record("FUS-3", "Hose barb", Map.of("material", "pvdf"))));
    }

    @Test
    void writesLandInFusekisNamedGraphAndGraphQLReadsThem() {
        // The data is in Fuseki's dataset, in the catalog graph: proves the HTTP path, not an embedded store.
        var graph = NodeFactory.createURI(iris.catalogGraph().stringValue());
        var product = NodeFactory.createURI(iris.product("FUS-1").stringValue());
        assertTrue(FusekiTestResource.current().dataset().find(graph, product, null, null).hasNext());
        assertTrue(store.description().contains("remote SPARQL endpoint"), store.description());

        graphql("{ product(id: \"FUS-1\") { id name properties { type value source } } }")
                .body("errors", nullValue())
                .body("data.product.name", equalTo("Nitrile gloves"))
                .body("data.product.properties.value", hasItems("fus-blue", "nitrile"));
        graphql("{ products(first: 2, filter: {properties: [{type: \"color\", value: \"fus-blue\"}]}) "
                + "{ totalCount edges { node { id } } pageInfo { hasNextPage } } }")
                .body("errors", nullValue())
                .body("data.products.totalCount", equalTo(2))
                .body("data.products.edges.node.id", equalTo(List.of("FUS-1", "FUS-2")));
    }

    @Test
    void replaceAndRemoveKeepSemanticsOnFuseki() {
        products.replaceAll(List.of(record("FUS-2", "Latex gloves v2", Map.of("color", "green"))));
        graphql("{ product(id: \"FUS-2\") { name properties { type value } } }")
                .body("errors", nullValue())
                .body("data.product.name", equalTo("Latex gloves v2"))
                .body("data.product.properties.value", equalTo(List.of("green")));
        // The latex node was used only by FUS-2: gone. The fus-blue node is still used by FUS-1: kept.
        var graph = NodeFactory.createURI(iris.catalogGraph().stringValue());
        var ds = FusekiTestResource.current().dataset();
        assertTrue(!ds.find(graph, NodeFactory.createURI(iris.property("material", "latex").stringValue()), null, null)
                .hasNext());
        assertTrue(ds.find(graph, NodeFactory.createURI(iris.property("color", "fus-blue").stringValue()), null, null)
                .hasNext());

        assertTrue(products.remove("FUS-3"));
        graphql("{ product(id: \"FUS-3\") { id } }").body("errors", nullValue()).body("data.product", nullValue());
    }

    @Test
    void longQueriesGoAsPost() {
        // 400 product IRIs make a GET URL of ~30 KB, beyond Jetty's 8 KB request line limit (HTTP 414): this only
        // passes because the query is sent as POST above kg.store.post-threshold.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            ids.add(String.format("MISSING-%06d", i));
        }
        ids.add("FUS-1");
        Map<String, Product> found = products.findByIds(ids);
        assertEquals(List.of("FUS-1"), new ArrayList<>(found.keySet()));
    }

    @Test
    void endpointDownGivesCodedErrorAndNotReadyThenRecoversWithoutRestart() {
        FusekiTestResource fuseki = FusekiTestResource.current();
        fuseki.stopServer();
        try {
            graphql("{ product(id: \"FUS-1\") { id } }")
                    .body("errors[0].extensions.code", equalTo("STORE_UNAVAILABLE"))
                    .body("data.product", nullValue());
            given().get("/q/health/ready").then().statusCode(503);
        } finally {
            fuseki.startServer();
        }
        given().get("/q/health/ready").then().statusCode(200);
        graphql("{ product(id: \"FUS-1\") { id } }").body("errors", nullValue())
                .body("data.product.id", equalTo("FUS-1"));
    }

    @Test
    void hungEndpointTimesOutWithCodedErrorThenRecovers() throws Exception {
        FusekiTestResource fuseki = FusekiTestResource.current();
        fuseki.hang();
        long start = System.nanoTime();
        // Readiness is asked while the query hangs, not after it: its ping waits out the same socket timeout, so
        // the two waits run side by side (8 s) instead of one after the other (16 s). Both are still answered while
        // the endpoint hangs: the server comes back only in the finally block, after both answers are in.
        CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(
                () -> given().get("/q/health/ready").then().extract().statusCode());
        try {
            graphql("{ product(id: \"FUS-1\") { id } }")
                    .body("errors[0].extensions.code", equalTo("STORE_UNAVAILABLE"))
                    .body("errors[0].message", containsString("timeout"));
            // A hang bounded by the configured timeout, not a speed check: socket-timeout is 8 s in the test profile
            // and timeouts are not retried, so the call ends after about one socket timeout. The bound is 2.5 times
            // it (20 s), a wide margin for a loaded 2-core machine, yet far under RDF4J's default (days) it guards
            // against and under a second full timeout plus the first.
            long millis = (System.nanoTime() - start) / 1_000_000L;
            long bound = config.store().socketTimeout().toMillis() * 5 / 2;
            assertTrue(millis < bound, "a hung call took " + millis + " ms; bound " + bound + " ms (socket timeout "
                    + config.store().socketTimeout() + ")");
            assertEquals(503, ready.get(60, TimeUnit.SECONDS).intValue(), "readiness while the endpoint hangs");
        } finally {
            ready.handle((code, e) -> null).get(60, TimeUnit.SECONDS);
            fuseki.startServer();
        }
        graphql("{ product(id: \"FUS-1\") { id } }").body("errors", nullValue())
                .body("data.product.id", equalTo("FUS-1"));
    }

    @Test
    void pruningDeletesOnlyTombstonesStampedBeforeTheCutoff() throws Exception {
        assertTrue(products.remove("FUS-3"));
        Instant removedAt = stamp("FUS-3");
        assertNotNull(removedAt, "a removal leaves its stamp behind as the tombstone");

        feed.pruneTombstonesBefore(removedAt);
        assertEquals(removedAt, stamp("FUS-3"), "a tombstone stamped at the cutoff is not older than it: kept");

        feed.pruneTombstonesBefore(removedAt.plusSeconds(1));
        assertNull(stamp("FUS-3"), "the tombstone older than the cutoff is deleted, token and all");
        assertTrue(!FusekiTestResource.current().dataset().find(changesGraph(), node(iris.product("FUS-3")), null,
                null).hasNext());
        // FUS-1 was stamped before the cutoff too, but it exists: its stamp is what a poll compares tokens with.
        assertNotNull(stamp("FUS-1"));
        assertNotNull(stamp("FUS-2"));
    }

    private Instant stamp(String id) throws Exception {
        var found = FusekiTestResource.current().dataset().find(changesGraph(), node(iris.product(id)),
                node(Vocab.MODIFIED_AT), null);
        if (!found.hasNext()) {
            return null;
        }
        String lexical = found.next().getObject().getLiteralLexicalForm();
        return DatatypeFactory.newInstance().newXMLGregorianCalendar(lexical).toGregorianCalendar().toInstant();
    }

    private Node changesGraph() {
        return node(iris.changesGraph());
    }

    private static Node node(IRI iri) {
        return NodeFactory.createURI(iri.stringValue());
    }

    static ValidatableResponse graphql(String query) {
        return given().contentType(ContentType.JSON).body(Map.of("query", query))
                .post("/graphql").then().statusCode(200);
    }

    private ProductVersion record(String id, String name, Map<String, String> props) {
        List<PropertyLink> links = new ArrayList<>();
        props.forEach((type, value) -> links.add(PropertyLink.vendor(id, PropertyIds.node(type, value))));
        return ProductVersion.of(new Product(id, name, null, 9.5, "USD", "ACME"), links, null);
    }
}
