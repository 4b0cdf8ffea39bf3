package dev.kggateway.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The confidence threshold contract on a real Fuseki server over HTTP. */
@QuarkusTest
@TestProfile(ConfidenceThresholdTest.StrictThresholdOnFuseki.class)
class FusekiConfidenceThresholdTest extends ConfidenceThresholdTest {
}
