package dev.kggateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.config.KgConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.rdf4j.common.transaction.IsolationLevels;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;
import org.junit.jupiter.api.Test;

/** The bulk-load settings of the embedded LMDB store: unsynced commits in isolation level NONE still store. */
class EmbeddedRepositoryFactoryTest {

    @Test
    void lmdbWithoutSyncInIsolationNoneStoresAndReadsBack() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "lmdb-bulk-settings-");
        LmdbStore sail = (LmdbStore) EmbeddedRepositoryFactory.sail(KgConfig.EmbeddedEngine.LMDB, dir.toFile(),
                "spoc,posc", false, 1L << 30, LmdbCacheSizes.RDF4J_DEFAULTS);
        SailRepository repository = new SailRepository(sail);
        repository.init();
        try {
            var vf = SimpleValueFactory.getInstance();
            List<Statement> statements = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                statements.add(vf.createStatement(vf.createIRI("urn:p:" + i), vf.createIRI("urn:v"), vf.createLiteral(i),
                        vf.createIRI("urn:g")));
            }
            try (RepositoryConnection c = repository.getConnection()) {
                c.begin(IsolationLevels.NONE);
                c.add(statements);
                c.commit();
            }
            try (RepositoryConnection c = repository.getConnection()) {
                assertEquals(5_000, c.size());
                assertTrue(c.hasStatement(vf.createIRI("urn:p:4999"), null, vf.createLiteral(4999), false));
            }
        } finally {
            repository.shutDown();
        }
    }
}
