package dev.kggateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A fresh machine (auth on, nothing configured): the gateway starts, queries work, mutations are refused. */
@QuarkusTest
@TestProfile(AuthOnProfile.NothingConfigured.class)
class AuthDefaultsTest {

    @Test
    void queriesWorkMutationsAreRefused() {
        Response q = AuthHttp.post("{ propertyTypes { type } }", Map.of(), Map.of());
        assertEquals(200, q.statusCode());
        assertNull(q.jsonPath().get("errors"));
        Response m = AuthHttp.add("DEFAULTS-1", Map.of());
        assertEquals(401, m.statusCode());
        assertEquals("UNAUTHENTICATED", m.jsonPath().getString("errors[0].extensions.code"));
        // With no key configured, no key is accepted (an empty list must not match an empty header).
        assertEquals(401, AuthHttp.add("DEFAULTS-1", AuthHttp.apiKey("")).statusCode());
    }
}
