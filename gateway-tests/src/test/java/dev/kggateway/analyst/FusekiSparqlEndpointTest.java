package dev.kggateway.analyst;

import dev.kggateway.store.FusekiProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The /sparql contract passed through to a real Apache Jena Fuseki server (same profile as FusekiCatalogTest). */
@QuarkusTest
@TestProfile(FusekiProfile.class)
class FusekiSparqlEndpointTest extends SparqlEndpointContractTest {
}
