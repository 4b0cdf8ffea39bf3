package dev.kggateway.ingest;

import dev.kggateway.store.FusekiWritableProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The write contract on a real Apache Jena Fuseki server over HTTP (its own, initially empty dataset). */
@QuarkusTest
@TestProfile(FusekiWritableProfile.class)
class FusekiMutationTest extends MutationContractTest {
}
