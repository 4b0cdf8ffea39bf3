package dev.kggateway.api;

import dev.kggateway.store.FusekiWritableProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Sorting and filter groups on a real Apache Jena Fuseki server over HTTP. */
@QuarkusTest
@TestProfile(FusekiWritableProfile.class)
class FusekiListingTest extends ListingContractTest {
}
