package dev.kggateway.health;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's requests against the real test server (test mode itself starts none: readiness is UP at once), and
 * where it stops: a path that is not GraphQL, a deadline that has passed.
 */
@QuarkusTest
class WarmUpTest {

    @Inject
    @Readiness
    WarmUp warmUp;

    @TestHTTPResource("/")
    URL server;

    private long later() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    }

    @Test
    void runsEveryRoundAgainstTheServer() {
        assertEquals(4, warmUp.run(server.getHost(), server.getPort(), warmUp.graphQlPath(), 4, later()));
    }

    @Test
    void cyclesOverDistinctProductsPageAfterPage() {
        // more rounds than one listing page holds: the ids come from the following pages too, so rounds are not
        // answered from the result cache after the first page's products
        int total = given().contentType("application/json").body(Map.of("query", "{ products { totalCount } }"))
                .post("/graphql").then().statusCode(200).extract().jsonPath().getInt("data.products.totalCount");
        assertTrue(total > 100, "the test catalogue fills more than one page of 100: " + total);
        assertEquals(300, warmUp.run(server.getHost(), server.getPort(), warmUp.graphQlPath(), 300, later()));
        assertEquals(Math.min(300, total), warmUp.products());
    }

    @Test
    void stopsAtTheFirstAnswerThatIsNotGraphQl() {
        assertEquals(0, warmUp.run(server.getHost(), server.getPort(), "/not-graphql", 4, later()));
    }

    @Test
    void stopsAtTheDeadline() {
        assertEquals(0, warmUp.run(server.getHost(), server.getPort(), warmUp.graphQlPath(), 4, System.nanoTime() - 1));
    }

    @Test
    void everyDocumentAnswersWithoutErrorsOnTheCatalogue() {
        // The documents must stay valid against the schema: a document that fails validation would end every
        // warm-up after its first request.
        String id = given().contentType("application/json").body(Map.of("query", WarmUp.IDS)).post("/graphql")
                .then().statusCode(200).extract().jsonPath().getString("data.products.edges[0].node.id");
        for (String document : WarmUp.DOCUMENTS) {
            JsonPath answer = given().contentType("application/json")
                    .body(Map.of("query", document, "variables", Map.of("id", id))).post("/graphql")
                    .then().statusCode(200).extract().jsonPath();
            assertNull(answer.get("errors"), document);
            assertNotNull(answer.get("data"), document);
        }
    }

    @Test
    void readinessIsUpInTestMode() {
        List<Map<String, Object>> checks = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath()
                .getList("checks");
        assertTrue(checks.stream().anyMatch(c -> "warm-up".equals(c.get("name")) && "UP".equals(c.get("status"))),
                checks.toString());
    }
}
