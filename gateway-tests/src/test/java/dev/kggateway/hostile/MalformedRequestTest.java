package dev.kggateway.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.service.CatalogService;
import dev.kggateway.service.Cursors;
import dev.kggateway.support.LogCapture;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests that are not GraphQL, or not valid against the schema, answered the GraphQL-over-HTTP way: HTTP 400,
 * errors with {@code extensions.code}, no {@code data}; never HTTP 500, never a stack trace in the log.
 */
@QuarkusTest
class MalformedRequestTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/graphql")
    URI graphql;

    record Answer(int status, JsonNode body, String raw) {
        String code() {
            return body.path("errors").path(0).path("extensions").path("code").asText(null);
        }

        String message() {
            return body.path("errors").path(0).path("message").asText("");
        }
    }

    Answer post(String contentType, String body) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(graphql).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("HTTP " + r.statusCode() + " answered with a non-JSON body: " + r.body());
        }
        return new Answer(r.statusCode(), json == null ? JSON.createObjectNode() : json, r.body());
    }

    Answer json(String body) throws Exception {
        return post("application/json", body);
    }

    Answer query(String query, Map<String, ?> variables) throws Exception {
        return json(JSON.writeValueAsString(variables == null ? Map.of("query", query)
                : Map.of("query", query, "variables", variables)));
    }

    /** HTTP 400, the code, no data, and nothing logged with a stack trace. */
    void refused(String code, Answer a) {
        assertEquals(400, a.status(), a.raw());
        assertEquals(code, a.code(), a.raw());
        assertFalse(a.body().has("data"), a.raw());
    }

    @Test
    void unparseableRequestsAreBadRequests() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            refused("BAD_REQUEST", json("not json at all"));
            refused("BAD_REQUEST", json("{\"query\": \"{ propertyTypes { type } }\", \"variables\": \"xx\"}"));
            refused("BAD_REQUEST", json("{\"query\": \"{ propertyTypes { type } }\", \"variables\": [1]}"));
            refused("BAD_REQUEST", json("{\"query\": \"{ propertyTypes { type } }\", \"operationName\": 5}"));
            refused("BAD_REQUEST", json("{\"query\": \"{ propertyTypes { type } }\", \"extensions\": true}"));
            refused("BAD_REQUEST", json("{\"query\": 42}"));
            refused("BAD_REQUEST", json("{\"variables\": {}}"));
            refused("BAD_REQUEST", json("{\"query\": \"   \"}"));
            refused("BAD_REQUEST", json("[{\"query\": \"{ propertyTypes { type } }\"}]"));
            refused("BAD_REQUEST", json("{\"query\": \"{ propertyTypes { type } }\"} trailing"));
            refused("BAD_REQUEST", json(""));
            String deep = "{\"query\": \"{ propertyTypes { type } }\", \"variables\": {\"a\": " + "[".repeat(100_000)
                    + "]".repeat(100_000) + "}}";
            refused("BAD_REQUEST", json(deep));
            refused("BAD_REQUEST", json("[".repeat(100_000)));
            assertEquals(java.util.List.of(), log.stackTraces(), LogCapture.describe(log.stackTraces()));
        }
    }

    @Test
    void documentsThatDoNotParse() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            Answer a = query("{ propertyTypes { type }", null);
            refused("GRAPHQL_PARSE_FAILED", a);
            assertTrue(a.message().contains("line"), a.raw());
            refused("GRAPHQL_PARSE_FAILED", post("application/graphql", "query {"));
            refused("GRAPHQL_PARSE_FAILED", query("{ products(first: " + "9".repeat(10_000) + ") { totalCount } }", null));
            refused("GRAPHQL_PARSE_FAILED", query("{ products(filter: {minPrice: 1." + "5".repeat(10_000) + "}) { totalCount } }", null));
            refused("TOO_MANY_TOKENS", query("{" + " propertyTypes { type }".repeat(4_000) + " }", null));
            refused("GRAPHQL_PARSE_FAILED", query("{" + "{".repeat(600) + "}".repeat(600) + "}", null));
            assertEquals(java.util.List.of(), log.stackTraces(), LogCapture.describe(log.stackTraces()));
        }
        // Digits in names, strings and comments are not numbers.
        Answer ok = query("query Q" + "1".repeat(200) + " { propertyTypes { type } } # " + "2".repeat(200), null);
        assertEquals(200, ok.status(), ok.raw());
        assertFalse(ok.body().has("errors"), ok.raw());
        assertEquals(200, post("application/graphql", "{ propertyTypes { type } }").status());
    }

    @Test
    void documentsThatDoNotValidate() throws Exception {
        refused("GRAPHQL_VALIDATION_FAILED", query("{ noSuchField }", null));
        refused("GRAPHQL_VALIDATION_FAILED", query("{ products(noSuchArgument: 1) { totalCount } }", null));
        refused("GRAPHQL_VALIDATION_FAILED", query("{ products(first: \"ten\") { totalCount } }", null));
        refused("GRAPHQL_VALIDATION_FAILED", query("query($n: Int) { products(first: $n) { totalCount } }", Map.of("n", "ten")));
        refused("GRAPHQL_VALIDATION_FAILED", query("query($id: ID!) { product(id: $id) { id } }", Map.of()));
        refused("GRAPHQL_VALIDATION_FAILED", query("{ ...Missing }", null));
        Answer a = query("{ noSuchField }", null);
        assertTrue(a.message().contains("noSuchField"), a.raw());
    }

    @Test
    void intArgumentsOutOfRangeAreRefusedNotWrapped() throws Exception {
        // 4294967298 = 2^32 + 2: SmallRye's Int scalar narrowed it to 2.
        refused("GRAPHQL_VALIDATION_FAILED", query("{ products(first: 4294967298) { totalCount edges { node { id } } } }", null));
        refused("GRAPHQL_VALIDATION_FAILED", query("{ products(first: -2147483649) { totalCount } }", null));
        refused("GRAPHQL_VALIDATION_FAILED", query("query($n: Int) { products(first: $n) { totalCount } }", Map.of("n", 4294967298L)));
        refused("GRAPHQL_VALIDATION_FAILED", query("query($n: Int) { products(first: $n) { totalCount } }", Map.of("n", 2.5)));
        refused("GRAPHQL_VALIDATION_FAILED", json("{\"query\": \"query($n: Int) { products(first: $n) { totalCount } }\", \"variables\": {\"n\": 1e999999999}}"));
        // In range: the resolver's own page-size rule answers.
        Answer a = query("{ products(first: 2147483647) { totalCount } }", null);
        assertEquals(200, a.status(), a.raw());
        assertEquals("INVALID_ARGUMENT", a.code(), a.raw());
        assertEquals(200, query("query($n: Int) { products(first: $n) { totalCount } }", Map.of("n", 3)).status());
    }

    @Test
    void forgedCursorsAreInvalidCursors() throws Exception {
        // Well-formed (base64url of "product:<key>"), never issued: the key is no product id.
        String forged = Cursors.encode(CatalogService.PRODUCT_CURSOR, "../../etc/passwd");
        Answer a = query("query($c: String) { products(after: $c) { totalCount } }", Map.of("c", forged));
        assertEquals("INVALID_CURSOR", a.code(), a.raw());
        String forgedProperty = Cursors.encode(CatalogService.PROPERTY_CURSOR, "no property id");
        a = query("query($c: String) { properties(after: $c) { pageInfo { hasNextPage } } }", Map.of("c", forgedProperty));
        assertEquals("INVALID_CURSOR", a.code(), a.raw());
        a = query("query($c: String) { products(after: $c) { totalCount } }", Map.of("c", "!!not base64!!"));
        assertEquals("INVALID_CURSOR", a.code(), a.raw());
    }
}
