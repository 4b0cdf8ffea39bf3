package dev.kggateway.health;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The open readiness endpoint names no path or URL unless kg.health.show-details is on (default off). */
@QuarkusTest
class HealthDetailsTest {

    @Test
    void readinessHidesStorePathByDefaultButReportsDiskState() {
        String body = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertFalse(body.contains("test-data") || body.contains("store at") || body.contains("/"),
                "no path or URL in " + body);
        assertTrue(body.contains("\"diskFull\""), body);
        assertTrue(body.contains("\"writable\""), body);
    }
}
