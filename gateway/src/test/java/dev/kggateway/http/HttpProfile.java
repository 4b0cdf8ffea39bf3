package dev.kggateway.http;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/** CORS on for one origin (it is off by default), a GET max-age, the fixture catalogue in its own store. */
public class HttpProfile implements QuarkusTestProfile {
    static final String ORIGIN = "http://shop.example.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kg.store.path", "target/test-data/http-" + UUID.randomUUID(),
                "quarkus.http.cors.enabled", "true",
                "quarkus.http.cors.origins", ORIGIN,
                "quarkus.http.cors.methods", "GET,POST,OPTIONS",
                "quarkus.http.cors.headers", "content-type,x-api-key,authorization",
                "kg.api.get-max-age", "60s");
    }
}
