package dev.kggateway.limits;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.support.Gql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With a 1 ms budget, a query that needs several store round trips runs out of time: TIMEOUT on the late fields. */
@QuarkusTest
@TestProfile(RequestTimeoutTest.TinyBudget.class)
class RequestTimeoutTest {

    public static class TinyBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kg.limits.request-timeout", "1ms");
        }
    }

    @Test
    void lateResolversFailWithTimeout() {
        JsonPath json = Gql.post("{ products(first: 50) { edges { node { id similarProducts(first: 5) { score product { id } } "
                + "properties { type value } } } } propertyTypes { type productCount } properties(first: 50) { edges { node { id productCount } } } }");
        List<String> codes = json.getList("errors.extensions.code");
        assertTrue(codes != null && codes.contains("TIMEOUT"), "expected TIMEOUT among " + json.get("errors"));
    }
}
