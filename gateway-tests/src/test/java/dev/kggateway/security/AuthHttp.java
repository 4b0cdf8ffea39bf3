package dev.kggateway.security;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;

/** Raw GraphQL posts with chosen headers; the status code is the caller's to check. */
final class AuthHttp {

    static final String ADD = "mutation($input: ProductInput!) { addProduct(input: $input) { id name } }";
    static final String READ = "query($id: ID!) { product(id: $id) { id name } }";

    private AuthHttp() {
    }

    static Map<String, Object> product(String id) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("name", "Auth probe " + id);
        p.put("price", 1.5);
        p.put("currency", "EUR");
        p.put("manufacturer", "Acme");
        p.put("enrich", false);
        return p;
    }

    static Response post(String query, Map<String, ?> variables, Map<String, String> headers) {
        RequestSpecification spec = given().contentType(ContentType.JSON).headers(headers);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return spec.body(body).post("/graphql");
    }

    static Response add(String id, Map<String, String> headers) {
        return post(ADD, Map.of("input", product(id)), headers);
    }

    static Map<String, String> apiKey(String key) {
        return Map.of(ApiKeyAuthenticationMechanism.HEADER, key);
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
