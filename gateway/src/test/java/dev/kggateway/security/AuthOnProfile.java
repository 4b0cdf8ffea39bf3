package dev.kggateway.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Auth as in production (on), two API keys, JWT verified against the test key pair; a fresh writable store. */
public class AuthOnProfile implements QuarkusTestProfile {

    public static final String KEY_ONE = "test-key-one-0123456789";
    public static final String KEY_TWO = "test-key-two-abcdefghij";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> m = new HashMap<>();
        m.put("kg.auth.enabled", "true");
        m.put("kg.auth.api-keys", KEY_ONE + "," + KEY_TWO);
        m.put("mp.jwt.verify.publickey.location", TestKeys.publicKeyLocation());
        m.put("mp.jwt.verify.issuer", TestKeys.ISSUER);
        m.put("kg.store.path", "target/test-data/auth-" + UUID.randomUUID());
        m.put("kg.sample.load-on-empty", "false");
        return m;
    }

    /** Same, with queries protected too. */
    public static class ProtectedQueries extends AuthOnProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> m = super.getConfigOverrides();
            m.put("kg.auth.protect-queries", "true");
            return m;
        }
    }
}
