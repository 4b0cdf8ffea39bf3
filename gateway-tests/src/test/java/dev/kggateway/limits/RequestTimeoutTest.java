package dev.kggateway.limits;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.support.Gql;
import dev.kggateway.support.KgConfigKeys;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With a 1 ms budget, a query that needs several store round trips runs out of time: TIMEOUT on the late fields. The
 * budget ({@code kg.limits.request-timeout=1ms}, mapped as at start-up) holds for this test only, through a
 * {@link RequestBudget} installed with {@link QuarkusMock}, in the default test application (the fixture catalogue)
 * rather than an application built and started for that one key.
 */
@QuarkusTest
class RequestTimeoutTest {

    @BeforeEach
    void tinyBudget() {
        RequestBudget tiny = new RequestBudget();
        tiny.config = KgConfigKeys.mapping(Map.of("kg.limits.request-timeout", "1ms"));
        QuarkusMock.installMockForType(tiny, RequestBudget.class);
    }

    @Test
    void lateResolversFailWithTimeout() {
        JsonPath json = Gql.post("{ products(first: 50) { edges { node { id similarProducts(first: 5) { score product { id } } "
                + "properties { type value } } } } propertyTypes { type productCount } properties(first: 50) { edges { node { id productCount } } } }");
        List<String> codes = json.getList("errors.extensions.code");
        assertTrue(codes != null && codes.contains("TIMEOUT"), "expected TIMEOUT among " + json.get("errors"));
    }
}
