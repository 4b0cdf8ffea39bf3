package dev.kggateway.ingest;

import dev.kggateway.store.FusekiModelProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;

/**
 * The confidence threshold contract on a real Fuseki server over HTTP: the application of FusekiModelProfile (the real
 * model, an empty Fuseki dataset), with the threshold keys for each test through {@link ThresholdKeys}, as on the
 * embedded store.
 */
@QuarkusTest
@TestProfile(FusekiModelProfile.class)
class FusekiConfidenceThresholdTest extends ConfidenceThresholdTest {

    @BeforeEach
    void strictThreshold() {
        ThresholdKeys.install(STRICT);
    }
}
