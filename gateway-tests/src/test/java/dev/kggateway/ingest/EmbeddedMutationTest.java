package dev.kggateway.ingest;

import dev.kggateway.support.WritableStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The write contract on the embedded store (its own store, so the read contract's fixture stays untouched). */
@QuarkusTest
@TestProfile(WritableStoreProfile.class)
class EmbeddedMutationTest extends MutationContractTest {
}
