package dev.kggateway.api;

import dev.kggateway.store.FusekiProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The read contract on a real Apache Jena Fuseki server over HTTP ({@code kg.store.kind=sparql}). */
@QuarkusTest
@TestProfile(FusekiProfile.class)
class FusekiCatalogTest extends CatalogContractTest {
}
