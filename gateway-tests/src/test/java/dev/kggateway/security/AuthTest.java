package dev.kggateway.security;

import static dev.kggateway.security.AuthHttp.add;
import static dev.kggateway.security.AuthHttp.apiKey;
import static dev.kggateway.security.AuthHttp.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kggateway.store.ProductRepository;
import dev.kggateway.support.WritableStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mutations need kg-writer (API key or JWT); queries stay open; 401 vs 403 over HTTP and in GraphQL errors. Auth is on
 * for each test ({@link AuthOn}: kg.auth.enabled=true, two API keys) inside the shared writable-store application.
 */
@QuarkusTest
@TestProfile(WritableStoreProfile.class)
class AuthTest {

    /** What the tests may write: removed after each, so the shared store keeps none of them. */
    static final List<String> IDS = List.of("AUTH-NONE", "AUTH-BADKEY", "AUTH-KEY1", "AUTH-KEY2", "AUTH-JWT-W",
            "AUTH-JWT-R", "AUTH-JWT-X", "AUTH-RM");

    @Inject
    ProductRepository products;

    @BeforeEach
    void authOn() {
        AuthOn.install(false);
    }

    @AfterEach
    void removeWhatWasWritten() {
        products.existing(IDS).forEach(products::remove);
    }

    static Object stored(String id) {
        Response r = AuthHttp.post(AuthHttp.READ, Map.of("id", id), Map.of());
        r.then().statusCode(200);
        return r.jsonPath().get("data.product");
    }

    @Test
    void mutationWithoutCredentialIs401Unauthenticated() {
        Response r = add("AUTH-NONE", Map.of());
        assertEquals(401, r.statusCode());
        assertEquals("UNAUTHENTICATED", r.jsonPath().getString("errors[0].extensions.code"));
        assertNotNull(r.header("WWW-Authenticate"));
        assertNull(stored("AUTH-NONE"), "a refused mutation must not write");
    }

    @Test
    void wrongApiKeyIs401BeforeGraphQl() {
        assertEquals(401, add("AUTH-BADKEY", apiKey("not-a-key")).statusCode());
        // A key that is a prefix of a valid one is still wrong.
        assertEquals(401, add("AUTH-BADKEY", apiKey(AuthOn.KEY_ONE.substring(0, 10))).statusCode());
        assertNull(stored("AUTH-BADKEY"));
    }

    @Test
    void eachConfiguredApiKeyMayWrite() {
        Response one = add("AUTH-KEY1", apiKey(AuthOn.KEY_ONE));
        assertEquals(200, one.statusCode());
        assertEquals("AUTH-KEY1", one.jsonPath().getString("data.addProduct.id"));
        assertEquals(200, add("AUTH-KEY2", apiKey(AuthOn.KEY_TWO)).statusCode());
        assertNotNull(stored("AUTH-KEY2"));
    }

    @Test
    void queriesAreOpenByDefault() {
        Response r = AuthHttp.post("{ propertyTypes { type } }", Map.of(), Map.of());
        assertEquals(200, r.statusCode());
        assertNull(r.jsonPath().get("errors"));
    }

    @Test
    void jwtWithWriterRoleMayWrite() {
        Response r = add("AUTH-JWT-W", bearer(TestKeys.token(Roles.WRITER)));
        assertEquals(200, r.statusCode(), r.asString());
        assertNull(r.jsonPath().get("errors"));
        assertNotNull(stored("AUTH-JWT-W"));
    }

    @Test
    void jwtWithReaderRoleIs403Forbidden() {
        Response r = add("AUTH-JWT-R", bearer(TestKeys.token(Roles.READER)));
        assertEquals(403, r.statusCode());
        assertEquals("FORBIDDEN", r.jsonPath().getString("errors[0].extensions.code"));
        assertNull(stored("AUTH-JWT-R"));
    }

    @Test
    void untrustedOrExpiredJwtIs401() {
        assertEquals(401, add("AUTH-JWT-X", bearer(TestKeys.tokenFromOtherKey(Roles.WRITER))).statusCode());
        assertEquals(401, add("AUTH-JWT-X", bearer(TestKeys.expiredToken(Roles.WRITER))).statusCode());
        assertEquals(401, add("AUTH-JWT-X", bearer("not.a.jwt")).statusCode());
        assertNull(stored("AUTH-JWT-X"));
    }

    @Test
    void removeProductNeedsWriterToo() {
        add("AUTH-RM", apiKey(AuthOn.KEY_ONE)).then().statusCode(200);
        Response r = AuthHttp.post("mutation { removeProduct(id: \"AUTH-RM\") }", Map.of(), bearer(TestKeys.token(Roles.READER)));
        assertEquals(403, r.statusCode());
        assertNotNull(stored("AUTH-RM"));
    }

    @Test
    void sparqlIsOpenLikeQueriesButExportNeedsACredential() {
        // kg.auth.protect-queries=false: /sparql reads what open GraphQL queries read; /export is a bulk read.
        assertEquals(200, io.restassured.RestAssured.given().queryParam("query", "ASK { ?s ?p ?o }")
                .get("/sparql").statusCode());
        assertEquals(401, io.restassured.RestAssured.given().get("/export?format=jsonl").statusCode());
        assertEquals(200, io.restassured.RestAssured.given().headers(AuthHttp.apiKey(AuthOn.KEY_ONE))
                .get("/export?format=jsonl").statusCode());
    }
}
