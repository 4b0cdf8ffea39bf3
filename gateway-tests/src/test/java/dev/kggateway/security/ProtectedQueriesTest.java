package dev.kggateway.security;

import static dev.kggateway.security.AuthHttp.apiKey;
import static dev.kggateway.security.AuthHttp.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kggateway.support.WritableStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** kg.auth.protect-queries=true (with auth on, {@link AuthOn}, for each test): queries need kg-reader (or kg-writer). */
@QuarkusTest
@TestProfile(WritableStoreProfile.class)
class ProtectedQueriesTest {

    @BeforeEach
    void authOnWithProtectedQueries() {
        AuthOn.install(true);
    }

    static final String Q = "{ propertyTypes { type } products(first: 1) { totalCount } }";

    @Test
    void anonymousQueryIs401() {
        Response r = AuthHttp.post(Q, Map.of(), Map.of());
        assertEquals(401, r.statusCode());
        assertEquals("UNAUTHENTICATED", r.jsonPath().getString("errors[0].extensions.code"));
    }

    @Test
    void readerWriterAndApiKeyMayQuery() {
        for (Map<String, String> h : new Map[] { bearer(TestKeys.token(Roles.READER)), bearer(TestKeys.token(Roles.WRITER)),
                apiKey(AuthOn.KEY_ONE) }) {
            Response r = AuthHttp.post(Q, Map.of(), h);
            assertEquals(200, r.statusCode(), r.asString());
            assertNull(r.jsonPath().get("errors"));
        }
    }

    @Test
    void tokenWithoutRolesIs403() {
        Response r = AuthHttp.post(Q, Map.of(), bearer(TestKeys.token("some-other-role")));
        assertEquals(403, r.statusCode());
        assertEquals("FORBIDDEN", r.jsonPath().getString("errors[0].extensions.code"));
    }

    /** With protected queries a GET answer is per caller: never stored by a shared cache, no ETag. */
    @Test
    void getAnswersAreNotStored() {
        Response r = io.restassured.RestAssured.given().headers(apiKey(AuthOn.KEY_ONE)).queryParam("query", Q)
                .when().get("/graphql");
        assertEquals(200, r.statusCode(), r.asString());
        assertNull(r.jsonPath().get("errors"));
        assertEquals("no-store", r.header("Cache-Control"));
        assertNull(r.header("ETag"));
        assertEquals(401, io.restassured.RestAssured.given().queryParam("query", Q).when().get("/graphql").statusCode());
    }

    static final String SPARQL = "ASK { ?s ?p ?o }";

    @Test
    void sparqlNeedsAReaderWhenQueriesAreProtected() {
        Response anonymous = io.restassured.RestAssured.given().queryParam("query", SPARQL).get("/sparql");
        assertEquals(401, anonymous.statusCode());
        org.junit.jupiter.api.Assertions.assertNotNull(anonymous.header("WWW-Authenticate"));
        assertEquals(403, io.restassured.RestAssured.given().headers(bearer(TestKeys.token("some-other-role")))
                .queryParam("query", SPARQL).get("/sparql").statusCode());
        assertEquals(401, io.restassured.RestAssured.given().headers(apiKey("wrong-key-0123456789"))
                .queryParam("query", SPARQL).get("/sparql").statusCode());
        for (Map<String, String> h : new Map[] { bearer(TestKeys.token(Roles.READER)),
                bearer(TestKeys.token(Roles.WRITER)), apiKey(AuthOn.KEY_TWO) }) {
            Response r = io.restassured.RestAssured.given().headers(h).queryParam("query", SPARQL)
                    .accept("application/sparql-results+json").get("/sparql");
            assertEquals(200, r.statusCode(), r.asString());
        }
    }

    @Test
    void exportNeedsAReader() {
        assertEquals(401, io.restassured.RestAssured.given().get("/export?format=nquads").statusCode());
        assertEquals(403, io.restassured.RestAssured.given().headers(bearer(TestKeys.token("some-other-role")))
                .get("/export?format=nquads").statusCode());
        assertEquals(200, io.restassured.RestAssured.given().headers(bearer(TestKeys.token(Roles.READER)))
                .get("/export?format=nquads").statusCode());
    }
}
