package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.repository.sail.SailRepository;

/**
 * Reads a store folder's files with a fresh embedded store of their own (not the application's), as the next start
 * or a crash survivor would: what the durability tests check an acknowledged write against.
 */
final class StoreFilesReader {

    private StoreFilesReader() {
    }

    /** The subjects of the statements with {@code predicate} in {@code graph}, in the store files of {@code folder}. */
    static List<String> subjects(KgConfig config, File folder, IRI predicate, IRI graph) {
        var repository = new SailRepository(EmbeddedRepositoryFactory.sail(config.store().engine(), folder,
                config.store().indexes(), false, config.store().mapSize().asLongValue(),
                LmdbCacheSizes.of(config.store().lmdb())));
        repository.init();
        try (var connection = repository.getConnection();
                var statements = connection.getStatements(null, predicate, null, false, graph)) {
            List<String> subjects = new ArrayList<>();
            statements.forEach(st -> subjects.add(st.getSubject().stringValue()));
            return subjects;
        } finally {
            repository.shutDown();
        }
    }
}
