package dev.kggateway.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.support.LogCapture;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A bounded, reproducible fuzz run against the real server: GraphQL documents derived from valid queries of the
 * schema (truncated, spliced, token-swapped, nested deep, numbers made huge, unicode, fragment cycles and bombs),
 * variables of the wrong shape, and mutated JSON bodies. Fixed seed, at most {@link #BUDGET} of sending. Every
 * answer must be below HTTP 500, JSON, and every error in it must carry {@code extensions.code} (and none may be
 * {@code INTERNAL_ERROR}: bad input is never a server failure); liveness must answer throughout; Vert.x must
 * not report a blocked event loop (the test profile lowers the threshold to 1 s). Only queries are generated: the
 * store is shared with the other tests of this profile.
 */
@QuarkusTest
class HostileFuzzTest {

    static final long SEED = Long.getLong("kg.fuzz.seed", 20261201L);
    static final Duration BUDGET = Duration.ofSeconds(Long.getLong("kg.fuzz.seconds", 45L));
    static final int MAX_CASES = Integer.getInteger("kg.fuzz.cases", 4000);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Valid queries over the real schema: the material the mutations start from. */
    static final List<String> SEEDS = List.of(
            "{ products(first: 5) { totalCount edges { cursor node { id name price currency manufacturer properties { type value source } } } pageInfo { hasNextPage endCursor } } }",
            "query($n: Int, $after: String) { products(first: $n, after: $after) { edges { node { id } } pageInfo { endCursor } } }",
            "{ properties(first: 10) { edges { node { id type value productCount products(first: 3) { totalCount edges { node { id } } } } } } }",
            "{ propertyTypes { type propertyCount productCount } }",
            "query Q($id: ID!) { product(id: $id) { id name similarProducts(first: 3) { score product { id } } } }",
            "{ products(filter: {text: \"glass\", minPrice: 1.5, properties: [{type: \"material\", value: \"glass\"}]}) { totalCount } }",
            "query { ...F } fragment F on Query { propertyTypes { type } products(first: 2) { totalCount } }",
            "{ a: propertyTypes { type } b: products(first: 1) { totalCount } __typename }",
            "{ extractProperties(text: \"red glass bottle 500 ml\") { type value } }",
            "query($s: String) { properties(type: $s) { edges { node { id } } } }");

    static final List<String> TOKENS = List.of("{", "}", "(", ")", "[", "]", ":", "$", "!", "=", "@", "|", "&", "...",
            "\"", "\"\"\"", "#", ",", "query", "fragment", "on", "subscription", "true", "null", "__typename", "__schema",
            "products", "first", "after", "edges", "node", "id", "4294967298", "-2147483649", "1e999999999", "0.0000001",
            "9".repeat(150), "\u0000", "\uD83E\uDDEA", "\u202E", "\uFFFF", "é", "\\u0000", "\\", "\r\n", "\t", " ");

    @TestHTTPResource("/graphql")
    URI graphql;

    @TestHTTPResource("/q/health/live")
    URI live;

    final Map<String, Integer> outcomes = new TreeMap<>();

    @Test
    void fuzzedRequestsAreAnsweredWithCodesNeverWith5xx() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int cases = 0;
        try (LogCapture log = LogCapture.start()) {
            while (cases < MAX_CASES && System.nanoTime() < deadline) {
                String[] request = request(random);
                check(request[0], request[1]);
                cases++;
                if (cases % 100 == 0) {
                    assertLive();
                }
            }
            assertLive();
            System.out.printf("fuzz: seed %d, %d cases in %d s, outcomes %s%n", SEED, cases,
                    BUDGET.toSeconds() - Math.max(0, (deadline - System.nanoTime()) / 1_000_000_000L), outcomes);
            assertEquals(List.of(), log.blockedThreads(), LogCapture.describe(log.blockedThreads()));
        }
        assertTrue(cases >= 100, "only " + cases + " cases ran in the budget");
    }

    /** Content type and body of one generated request. */
    String[] request(SplittableRandom r) throws Exception {
        int kind = r.nextInt(10);
        if (kind < 6) {
            return json(mutate(r, pick(r, SEEDS)), variables(r));
        }
        if (kind == 6) {
            return new String[] {"application/graphql", mutate(r, pick(r, SEEDS))};
        }
        if (kind == 7) {
            return json(special(r), variables(r));
        }
        // A JSON body mutated as text: truncated, spliced, members of the wrong type, garbage.
        String body = json(pick(r, SEEDS), variables(r))[1];
        return new String[] {"application/json", mutateText(r, body, List.of("{", "}", "[", "]", ",", ":", "\"",
                "null", "\"variables\":\"xx\"", "\"query\":5", "1e400", "\\u", "\\uD800", "[".repeat(200))) };
    }

    static String[] json(String query, Object variables) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return new String[] {"application/json", JSON.writeValueAsString(body)};
    }

    static <T> T pick(SplittableRandom r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    /** One to three edits of a valid document. */
    static String mutate(SplittableRandom r, String doc) {
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits; i++) {
            doc = mutateText(r, doc, TOKENS);
        }
        return doc;
    }

    static String mutateText(SplittableRandom r, String s, List<String> tokens) {
        if (s.isEmpty()) {
            return pick(r, tokens);
        }
        int at = r.nextInt(s.length() + 1);
        int to = Math.min(s.length(), at + r.nextInt(20));
        return switch (r.nextInt(7)) {
            case 0 -> s.substring(0, at);                                        // truncation
            case 1 -> s.substring(0, at) + s.substring(to);                      // deletion
            case 2 -> s.substring(0, at) + pick(r, tokens) + s.substring(at);    // insertion
            case 3 -> s.substring(0, at) + pick(r, tokens) + s.substring(to);    // token swap
            case 4 -> s.substring(0, at) + s.substring(at, to).repeat(1 + r.nextInt(50)) + s.substring(to); // repeat
            case 5 -> s.replaceAll("\\d+", pick(r, List.of("4294967298", "-1", "0", "1e999", "9".repeat(120), "2147483647")));
            default -> new StringBuilder(s).reverse().toString().substring(0, Math.min(s.length(), 1 + r.nextInt(s.length())));
        };
    }

    /** Shapes no mutation of the seeds is likely to hit: depth, width, fragment bombs and cycles, odd unicode. */
    static String special(SplittableRandom r) {
        int n = 1 + r.nextInt(3000);
        return switch (r.nextInt(8)) {
            case 0 -> "{" + " products(first: 1) { edges { node { similarProducts(first: 1) { product {".repeat(Math.min(n, 60))
                    + " id" + " } } } } }".repeat(Math.min(n, 60)) + " }";
            case 1 -> "{" + " __typename".repeat(n) + " }";
            case 2 -> "{" + " a: __typename".repeat(Math.min(n, 1500)) + " }";
            case 3 -> QueryBombTest.fragmentBomb(1 + r.nextInt(60));
            case 4 -> "query { ...A } fragment A on Query { ...B propertyTypes { type } } fragment B on Query { ...A }";
            case 5 -> "{ products(first: " + "9".repeat(1 + r.nextInt(400)) + ") { totalCount } }";
            case 6 -> "{ products(filter: {text: \"" + new String(Character.toChars(0x10000 + r.nextInt(0xFFFF))).repeat(Math.min(n, 500))
                    + "\"}) { totalCount } }";
            default -> "{" + "{".repeat(Math.min(n, 800)) + "}".repeat(Math.min(n, 800)) + "}";
        };
    }

    static Object variables(SplittableRandom r) {
        Map<String, Object> v = new LinkedHashMap<>();
        switch (r.nextInt(6)) {
            case 0 -> v.put("n", pick(r, List.of(1, 100, 101, -5, 4294967298L, 2.5, "ten", List.of(1), Map.of("a", 1))));
            case 1 -> v.put("after", pick(r, List.of("", "xx", "cHJvZHVjdDouLi8uLg", "!!", "a".repeat(5000))));
            case 2 -> v.put("id", pick(r, List.of("P-1", "", "../../x", "\u0000", "a".repeat(300))));
            case 3 -> {
                Object nested = 1;
                for (int i = 0; i < r.nextInt(80); i++) {
                    nested = List.of(nested);
                }
                v.put("n", nested);
            }
            case 4 -> v.put("s", pick(r, List.of("material", "\"> } ; DROP ALL ; #", "\uD800")));
            default -> {
                return null;
            }
        }
        return v;
    }

    void check(String contentType, String body) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(graphql).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String what = "HTTP " + response.statusCode() + " for " + abbreviate(body) + ": " + abbreviate(response.body());
        if (response.statusCode() >= 500) {
            fail(what);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + what);
        }
        if (json == null) {
            fail("empty body: " + what);
        }
        String outcome = String.valueOf(response.statusCode());
        for (JsonNode error : json.path("errors")) {
            String code = error.path("extensions").path("code").asText(null);
            if (code == null || code.isBlank() || code.equals("INTERNAL_ERROR")) {
                fail("error without a client code: " + what);
            }
            outcome = response.statusCode() + " " + code;
        }
        outcomes.merge(outcome, 1, Integer::sum);
    }

    void assertLive() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(live).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
    }
}
