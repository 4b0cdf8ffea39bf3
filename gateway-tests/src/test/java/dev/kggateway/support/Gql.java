package dev.kggateway.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts GraphQL documents to the running test gateway, over the JDK's HTTP client (HTTP/1.1, one pooled connection
 * reused), to the address Quarkus gave RestAssured for the test application. Not through RestAssured's request
 * builder: its Groovy dispatch was in a quarter of the Quarkus test JVM's execution samples (JFR), and posting through
 * the JDK instead took that JVM from 240 to 223 CPU-s (BENCHMARKS.md, "Test suite time", suite26). The request is the
 * one RestAssured sent (a JSON body by Jackson, {@code application/json; charset=UTF-8}, {@code Accept: *}{@code /*});
 * the response is read as before.
 */
public final class Gql {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** A stalled answer fails the test instead of hanging the build. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private Gql() {
    }

    public static JsonPath post(String query) {
        return post(query, Map.of());
    }

    public static JsonPath post(String query, Map<String, ?> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        HttpResponse<String> r = send(body);
        String response = r.body();
        // Doubles, not RestAssured's default floats: scores are compared to 1e-9. GPathJson: the same JsonPath, with
        // plain paths read in Java instead of a Groovy script per read.
        JsonPath json = new GPathJson(response, new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        // GraphQL over HTTP: 200 when the operation ran (errors or not), 400 when the request was refused
        // before execution (parse, validation, limits), which then has errors and no data at all.
        if (r.statusCode() == 400) {
            if (json.get("errors") == null || json.getMap("").containsKey("data")) {
                throw new AssertionError("HTTP 400 must carry errors and no data: " + response);
            }
        } else if (r.statusCode() != 200) {
            throw new AssertionError("HTTP " + r.statusCode() + ": " + response);
        }
        return json;
    }

    private static HttpResponse<String> send(Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri("/graphql")).timeout(TIMEOUT)
                    .header("Content-Type", "application/json; charset=UTF-8").header("Accept", "*/*")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("variables must be JSON: " + body, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The running test application's address for {@code path} (e.g. {@code /graphql}), as Quarkus gave it to
     * RestAssured. Read per call: each test application (profile) starts on a port of its own.
     */
    public static URI uri(String path) {
        String base = RestAssured.basePath == null ? "" : RestAssured.basePath.replaceAll("/+$", "");
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + base + path);
    }

    /** Posts and fails on any GraphQL error. */
    public static JsonPath ok(String query, Map<String, ?> variables) {
        JsonPath json = post(query, variables);
        Object errors = json.get("errors");
        if (errors != null) {
            throw new AssertionError("unexpected GraphQL errors: " + errors + " for " + query);
        }
        return json;
    }

    public static JsonPath ok(String query) {
        return ok(query, Map.of());
    }

    /** The {@code extensions.code} of the first error; fails when there is none. */
    public static String errorCode(JsonPath json) {
        Object errors = json.get("errors");
        if (errors == null) {
            throw new AssertionError("expected a GraphQL error, got data " + json.get("data"));
        }
        return json.getString("errors[0].extensions.code");
    }
}
