package dev.kggateway.api;

import dev.kggateway.support.WritableStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Sorting and filter groups on the embedded store (a writable one: the test inserts its own catalogue). */
@QuarkusTest
@TestProfile(WritableStoreProfile.class)
class EmbeddedListingTest extends ListingContractTest {
}
