package dev.kggateway.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.api.http.PersistedQueries;
import dev.kggateway.support.Fixture;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * GraphQL over HTTP as front-end clients use it: GET for queries (never mutations), Apollo APQ, Cache-Control and
 * ETag on GET answers, CORS through Quarkus' keys, gzip; and real clients from npm (Apollo Client 4 with its
 * persisted-queries link over GET, graphql-request) run with Node against this server.
 */
@QuarkusTest
class GraphQlOverHttpTest {

    /**
     * The origin CORS is on for, and the GET max-age (60 s), in the test configuration (application.properties,
     * {@code %test.}): this class runs in the default test application beside the read contract, which asserts
     * neither.
     */
    static final String ORIGIN = "http://shop.example.test";

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path CLIENTS = Path.of("src/test/js"); // tests run in gateway-tests/
    static final String LISTING = "query Listing($first: Int) { products(first: $first) { totalCount edges { node { id } } } }";

    @TestHTTPResource("/graphql")
    URL graphql;

    static Response get(String query, String variables, String extensions) {
        var r = given().urlEncodingEnabled(true);
        if (query != null) {
            r = r.queryParam("query", query);
        }
        if (variables != null) {
            r = r.queryParam("variables", variables);
        }
        if (extensions != null) {
            r = r.queryParam("extensions", extensions);
        }
        return r.when().get("/graphql");
    }

    static Response post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/graphql");
    }

    static String apq(String hash) {
        return "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
    }

    @Test
    void apolloClientAndGraphqlRequestWorkUnchanged() throws Exception {
        npmCi();
        Process node = new ProcessBuilder("node", "clients.mjs", graphql.toString()).directory(CLIENTS.toFile())
                .redirectErrorStream(true).start();
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "node clients finished");
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, node.exitValue(), out);
        String[] lines = out.strip().split("\n");
        JsonNode summary = JSON.readTree(lines[lines.length - 1]);
        Fixture f = Fixture.get();
        assertEquals(f.items.size(), summary.get("totalCount").asInt());
        assertEquals(f.ids().subList(0, 3), JSON.convertValue(summary.get("ids"), List.class));
        assertEquals("GET", summary.at("/firstRound/0/method").asText());
        assertTrue(summary.at("/firstRound/0/notFound").asBoolean(), out);
        assertEquals("POST", summary.at("/firstRound/1/method").asText());
        assertEquals("public, max-age=60", summary.at("/secondRound/0/cacheControl").asText());
    }

    /** GET of the listing (first 2) with If-None-Match. */
    static Response revalidate(String etag) {
        return given().header("If-None-Match", etag).queryParam("query", LISTING)
                .queryParam("variables", "{\"first\":2}").when().get("/graphql");
    }

    /** Part of a GET query tag {@code W/"instance-generation-period-request"} (see GetCaching): 1 generation, 2 period. */
    static String tagPart(String etag, int part) {
        assertNotNull(etag, "ETag");
        return etag.substring(3, etag.length() - 1).split("-")[part];
    }

    /** Installs the clients from package-lock.json (npm ci: exact versions, no lock-file changes). */
    static void npmCi() throws Exception {
        Path lock = CLIENTS.resolve("package-lock.json");
        Path installed = CLIENTS.resolve("node_modules/.package-lock.json");
        if (Files.exists(installed) && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline")
                .directory(CLIENTS.toFile()).redirectErrorStream(true)
                .redirectOutput(new File("target/npm-ci.log")).start();
        assertTrue(npm.waitFor(300, TimeUnit.SECONDS), "npm ci finished");
        assertEquals(0, npm.exitValue(), "npm ci failed: " + Files.readString(Path.of("target/npm-ci.log")));
    }

    @Test
    void getRunsQueriesWithCachingHeaders() {
        // The tag carries the kg.cache.ttl period (30 s here): requests that straddle a period boundary get a new tag,
        // as designed. Such a round is repeated (three rounds at most); a tag that changes for any other reason fails.
        String etag;
        for (int round = 1; ; round++) {
            Response r = get(LISTING, "{\"first\":2}", null);
            assertEquals(200, r.statusCode(), r.asString());
            assertEquals(2, r.jsonPath().getList("data.products.edges").size());
            assertEquals("public, max-age=60", r.header("Cache-Control"));
            etag = r.header("ETag");
            assertNotNull(etag);
            String same = get(LISTING, "{\"first\":2}", null).header("ETag");
            String other = get(LISTING, "{\"first\":3}", null).header("ETag");
            // Revalidation: the current tag answers 304 without a body.
            Response notModified = revalidate(etag);
            if (round < 3 && !tagPart(etag, 2).equals(tagPart(notModified.header("ETag"), 2))) {
                continue;
            }
            assertEquals(etag, same, "same request, same generation");
            assertNotEquals(etag, other, "other variables, other tag");
            assertEquals(304, notModified.statusCode(), "sent " + etag + ", now " + notModified.header("ETag"));
            assertEquals("", notModified.asString());
            break;
        }
        // A write bumps the cache generation: the old tag no longer matches.
        Map<String, Object> input = Map.of("id", "HTTP-ETAG-1", "name", "etag probe", "enrich", false);
        Response added = post(Map.of("query", "mutation($p: ProductInput!) { addProduct(input: $p) { id } }",
                "variables", Map.of("p", input)));
        assertNull(added.jsonPath().get("errors"), added.asString());
        Response after = revalidate(etag);
        assertEquals(200, after.statusCode());
        assertTrue(Long.parseLong(tagPart(after.header("ETag"), 1)) > Long.parseLong(tagPart(etag, 1)),
                "generation bumped: " + etag + " -> " + after.header("ETag"));
        post(Map.of("query", "mutation { removeProduct(id: \"HTTP-ETAG-1\") }"));
    }

    /** The operation chosen by operationName runs; '+' and '%' in the document arrive unchanged. */
    @Test
    void getHonoursOperationNameAndEncoding() {
        Response r = given().queryParam("query", "query A { types: propertyTypes { type } } query B { products(first: 1) { totalCount } }")
                .queryParam("operationName", "B").when().get("/graphql");
        assertEquals(200, r.statusCode(), r.asString());
        assertNull(r.jsonPath().get("errors"), r.asString());
        assertEquals(Fixture.get().items.size(), r.jsonPath().getInt("data.products.totalCount"));
        assertNull(r.jsonPath().get("data.types"));
        Response unknown = given().queryParam("query", "query A { propertyTypes { type } }").queryParam("operationName", "C")
                .when().get("/graphql");
        assertEquals(400, unknown.statusCode());
        assertEquals("GRAPHQL_VALIDATION_FAILED", unknown.jsonPath().getString("errors[0].extensions.code"));
        String tricky = "query($t: String) { products(filter: {text: $t}) { edges { node { id } } } "
                + "x: products(filter: {text: \"a+b 100%25\"}) { totalCount } }";
        String vars = "{\"t\":\"" + Fixture.get().items.values().iterator().next().name().substring(0, 6) + "+%\"}";
        Response viaGet = get(tricky, vars, null);
        Response viaPost = given().contentType(ContentType.JSON).body("{\"query\":" + quote(tricky) + ",\"variables\":" + vars + "}")
                .when().post("/graphql");
        assertNull(viaGet.jsonPath().get("errors"), viaGet.asString());
        assertEquals(viaPost.jsonPath().getMap("data"), viaGet.jsonPath().getMap("data"));
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void getAnswersWithErrorsAreNotStored() {
        Response r = get("{ products(first: -1) { totalCount } }", null, null);
        assertEquals(200, r.statusCode());
        assertEquals("INVALID_ARGUMENT", r.jsonPath().getString("errors[0].extensions.code"));
        assertEquals("no-store", r.header("Cache-Control"));
        assertNull(r.header("ETag"));
    }

    @Test
    void mutationsOverGetAre405() {
        Response r = get("mutation { removeProduct(id: \"" + Fixture.get().ids().get(0) + "\") }", null, null);
        assertEquals(405, r.statusCode(), r.asString());
        assertEquals("METHOD_NOT_ALLOWED", r.jsonPath().getString("errors[0].extensions.code"));
        assertEquals("POST", r.header("Allow"));
        // Nothing was removed.
        assertNotNull(get("query($id: ID!) { product(id: $id) { id } }",
                "{\"id\":\"" + Fixture.get().ids().get(0) + "\"}", null).jsonPath().get("data.product"));
        // Chosen by operationName among several operations.
        Response named = given().queryParam("query", "query A { propertyTypes { type } } mutation B { removeProduct(id: \"x\") }")
                .queryParam("operationName", "B").when().get("/graphql");
        assertEquals(405, named.statusCode(), named.asString());
    }

    @Test
    void getGoesThroughTheSameLimits() {
        Response r = get("{ products(first: " + "9".repeat(500) + ") { totalCount } }", null, null);
        assertEquals(400, r.statusCode());
        assertEquals("GRAPHQL_PARSE_FAILED", r.jsonPath().getString("errors[0].extensions.code"));
        r = get(LISTING, "[1,2]", null);
        assertEquals(400, r.statusCode());
        assertEquals("BAD_REQUEST", r.jsonPath().getString("errors[0].extensions.code"));
        r = get(LISTING, "{\"first\":" + "[".repeat(200) + "]".repeat(200) + "}", null);
        assertEquals(400, r.statusCode());
        assertEquals("BAD_REQUEST", r.jsonPath().getString("errors[0].extensions.code"));
        r = get(null, null, null);
        assertEquals(400, r.statusCode());
        r = get("{ products { totalCount ", null, null);
        assertEquals(400, r.statusCode());
        assertEquals("GRAPHQL_PARSE_FAILED", r.jsonPath().getString("errors[0].extensions.code"));
    }

    @Test
    void automaticPersistedQueries() {
        String query = "{ propertyTypes { type productCount } }";
        String hash = PersistedQueries.sha256(query);
        // Unknown hash: the code Apollo's link falls back on, HTTP 200, nothing cached.
        Response unknown = post(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))));
        assertEquals(200, unknown.statusCode(), unknown.asString());
        assertEquals("PERSISTED_QUERY_NOT_FOUND", unknown.jsonPath().getString("errors[0].extensions.code"));
        assertEquals("PersistedQueryNotFound", unknown.jsonPath().getString("errors[0].message"));
        assertEquals("no-store", unknown.header("Cache-Control"));
        // A query sent under another query's hash is refused and not registered.
        String other = PersistedQueries.sha256("{ products { totalCount } }");
        Response mismatch = post(Map.of("query", query,
                "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", other))));
        assertEquals(400, mismatch.statusCode());
        assertEquals("PERSISTED_QUERY_HASH_MISMATCH", mismatch.jsonPath().getString("errors[0].extensions.code"));
        assertEquals("PERSISTED_QUERY_NOT_FOUND", get(null, null, apq(other)).jsonPath().getString("errors[0].extensions.code"));
        // Registration with the right hash, then hash-only over POST and GET.
        Response registered = post(Map.of("query", query,
                "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))));
        assertNull(registered.jsonPath().get("errors"), registered.asString());
        Response byHash = post(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))));
        assertEquals(registered.jsonPath().getList("data.propertyTypes"), byHash.jsonPath().getList("data.propertyTypes"));
        Response byGet = get(null, null, apq(hash));
        assertEquals(200, byGet.statusCode());
        assertEquals(registered.jsonPath().getList("data.propertyTypes"), byGet.jsonPath().getList("data.propertyTypes"));
        // Malformed hashes and versions are bad requests.
        assertEquals(400, get(null, null, apq("NOT-A-HASH")).statusCode());
        assertEquals(400, post(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", hash))))
                .statusCode());
    }

    @Test
    void gzipWhenAccepted() {
        Response r = given().header("Accept-Encoding", "gzip").queryParam("query", "{ propertyTypes { type } }")
                .when().get("/graphql");
        assertEquals(200, r.statusCode());
        assertEquals("gzip", r.header("Content-Encoding"));
        assertTrue(r.jsonPath().getList("data.propertyTypes").size() > 0);
        Response post = given().header("Accept-Encoding", "gzip").contentType(ContentType.JSON)
                .body(Map.of("query", "{ propertyTypes { type } }")).when().post("/graphql");
        assertEquals("gzip", post.header("Content-Encoding"));
    }

    @Test
    void corsThroughQuarkusKeys() {
        Response preflight = given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").when().options("/graphql");
        assertEquals(ORIGIN, preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("POST"));
        Response foreign = given().header("Origin", "http://evil.example.test").queryParam("query", "{ propertyTypes { type } }")
                .when().get("/graphql");
        assertNull(foreign.header("Access-Control-Allow-Origin"));
    }
}
