package dev.kggateway.ingest;

import dev.kggateway.support.ModelProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;

/**
 * The confidence threshold contract on the embedded store: the model profile's application, with the threshold keys
 * for each test through {@link ThresholdKeys} (no application of its own).
 */
@QuarkusTest
@TestProfile(ModelProfile.class)
class EmbeddedConfidenceThresholdTest extends ConfidenceThresholdTest {

    @BeforeEach
    void strictThreshold() {
        ThresholdKeys.install(STRICT);
    }
}
