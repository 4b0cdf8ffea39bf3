package dev.kggateway.api;

import io.quarkus.test.junit.QuarkusTest;

/** The read contract on the default embedded store. */
@QuarkusTest
class EmbeddedCatalogTest extends CatalogContractTest {
}
