package dev.kggateway.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Documents built to make the limit check itself explode: fragments that each spread the previous one twice
 * (2^40 fields when expanded). They are refused with a code while liveness keeps answering. How fast is measured by
 * {@code bench/hostile-limits.sh}, not here; the timeouts below only turn a hang into a failure.
 */
@QuarkusTest
class QueryBombTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/graphql")
    URI graphql;

    @TestHTTPResource("/q/health/live")
    URI live;

    /** {@code fragment F1 on Query { ...F0 ...F0 }} … up to Fn: 2^n expanded fields in a ~30·n byte document. */
    static String fragmentBomb(int n) {
        StringBuilder q = new StringBuilder("query Bomb { ...F").append(n).append(" }\nfragment F0 on Query { __typename }\n");
        for (int i = 1; i <= n; i++) {
            q.append("fragment F").append(i).append(" on Query { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }\n");
        }
        return q.toString();
    }

    CompletableFuture<HttpResponse<String>> send(String query) throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", query));
        return CLIENT.sendAsync(HttpRequest.newBuilder(graphql).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void assertLive() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(live).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("UP"), r.body());
    }

    static String code(HttpResponse<String> r) throws Exception {
        JsonNode json = JSON.readTree(r.body());
        assertTrue(json.path("errors").size() > 0, r.body());
        assertTrue(json.path("data").isMissingNode() || json.path("data").isNull(), r.body());
        return json.path("errors").path(0).path("extensions").path("code").asText(null);
    }

    @Test
    void fragmentBombIsRefusedWhileLivenessAnswers() throws Exception {
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> bomb = send(fragmentBomb(40));
        assertLive();
        HttpResponse<String> r = bomb.get();
        System.out.printf("fragment bomb n=40: %s in %d ms%n", code(r), (System.nanoTime() - start) / 1_000_000);
        assertEquals("TOO_MANY_FIELDS", code(r));
        assertLive();
    }

    @Test
    void twoConcurrentBombsLeaveLivenessAnswering() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> bombs = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            bombs.add(send(fragmentBomb(40)));
            bombs.add(send(fragmentBomb(40)));
            assertLive();
        }
        for (CompletableFuture<HttpResponse<String>> bomb : bombs) {
            assertEquals("TOO_MANY_FIELDS", code(bomb.get()));
        }
    }

    @Test
    void bombBelowTheFieldLimitIsStillRefusedByExpansionNotParsed() throws Exception {
        // Fragments that only spread unknown or cyclic fragments never reach a field: the visited-selection cap
        // (not the field count) stops them; validation then has a bounded document to reject.
        StringBuilder q = new StringBuilder("query Cycle { ...C0 }\n");
        for (int i = 0; i < 30; i++) {
            q.append("fragment C").append(i).append(" on Query { ...C").append(i + 1).append(" ...C").append(i + 1)
                    .append(" ...C0 }\n");
        }
        q.append("fragment C30 on Query { ...Missing ...C0 }\n");
        String c = code(send(q.toString()).get());
        assertTrue(c != null && !c.isBlank(), "uncoded error");
        assertLive();
    }
}
