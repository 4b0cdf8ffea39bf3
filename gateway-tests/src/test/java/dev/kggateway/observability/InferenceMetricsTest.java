package dev.kggateway.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.support.Gql;
import dev.kggateway.support.ModelProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** With the real model loaded, inference goes through the decorator: latency timer and batch-size summary. */
@QuarkusTest
@TestProfile(ModelProfile.class)
class InferenceMetricsTest {

    @Test
    void inferenceLatencyAndBatchSizeArePublished() {
        Gql.ok("query($t: String!) { extractProperties(text: $t) { type value } }",
                Map.of("t", "Sterile polypropylene centrifuge tubes, 50 mL"));
        String m = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(Pattern.compile("kg_ner_inference_seconds_count\\{[^}]*outcome=\"ok\"[^}]*} [1-9]").matcher(m).find(),
                ObservabilityTest.grep(m, "kg_ner"));
        assertTrue(Pattern.compile("kg_ner_batch_size_texts_count(\\{[^}]*})? [1-9]").matcher(m).find(),
                ObservabilityTest.grep(m, "kg_ner"));
    }
}
