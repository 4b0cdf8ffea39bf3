package dev.kggateway.security;

import dev.kggateway.support.KgConfigKeys;
import io.quarkus.test.junit.QuarkusMock;
import java.util.Map;

/**
 * Auth as in production (on) with two API keys, for one test inside the shared writable-store application
 * (support.WritableStoreProfile, which also configures JWT verification against the test key pair) instead of a
 * Quarkus application of its own per set of keys. The {@code kg.auth.*} keys are parsed by SmallRye Config into the
 * real {@code KgConfig} mapping, as at start-up, and read by a real {@link AuthSettings}, installed for the current
 * test only ({@link QuarkusMock}): AccessCheck, RouteAccess, the API-key identity provider and GetCaching all reach it
 * through the bean's client proxy; the next test sees the application's own (auth off, as every test profile).
 */
final class AuthOn {

    static final String KEY_ONE = "test-key-one-0123456789";
    static final String KEY_TWO = "test-key-two-abcdefghij";

    private AuthOn() {
    }

    /** Call from a {@code @BeforeEach}: auth is on for that test, queries protected or not. */
    static void install(boolean protectQueries) {
        AuthSettings settings = new AuthSettings();
        settings.config = KgConfigKeys.mapping(Map.of("kg.auth.enabled", "true",
                "kg.auth.api-keys", KEY_ONE + "," + KEY_TWO,
                "kg.auth.protect-queries", String.valueOf(protectQueries)));
        QuarkusMock.installMockForType(settings, AuthSettings.class);
    }
}
