package dev.kggateway.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The confidence threshold contract on the embedded store. */
@QuarkusTest
@TestProfile(ConfidenceThresholdTest.StrictThreshold.class)
class EmbeddedConfidenceThresholdTest extends ConfidenceThresholdTest {
}
