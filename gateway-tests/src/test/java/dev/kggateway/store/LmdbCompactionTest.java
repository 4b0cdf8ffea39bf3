package dev.kggateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.config.KgConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.rdf4j.common.transaction.IsolationLevels;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.junit.jupiter.api.Test;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.util.lmdb.LMDB;
import org.lwjgl.util.lmdb.MDBStat;

/**
 * The compacting copy of the embedded LMDB store on a real store: a store written in many transactions (as a bulk
 * load does) has free pages, and after the copy it has none, takes fewer bytes, holds the same statements and takes
 * new writes; a store open elsewhere is left alone; a copy a crash cut short is removed (before the store is opened,
 * or by the next compaction), never used.
 */
class LmdbCompactionTest {

    static final ValueFactory VF = SimpleValueFactory.getInstance();

    @Test
    void aStoreWrittenInManyTransactionsLosesItsFreePagesAndKeepsItsStatements() throws Exception {
        Path lmdb = Files.createTempDirectory(Path.of("target"), "lmdb-compact-").resolve("lmdb");
        SailRepository repository = open(lmdb);
        for (int t = 0; t < 20; t++) {
            add(repository, t * 2_000, 2_000);
        }
        Set<Statement> written = all(repository);
        repository.shutDown();
        long freeBefore = freelistEntries(lmdb.resolve("triples"));
        long bytesBefore = Files.size(lmdb.resolve("triples/data.mdb"));
        assertTrue(freeBefore > 0, "twenty commits leave free pages (copy-on-write): " + freeBefore);

        LmdbCompaction.Result result = LmdbCompaction.compact(lmdb);

        assertNotNull(result);
        assertEquals(0, freelistEntries(lmdb.resolve("triples")));
        assertEquals(0, freelistEntries(lmdb.resolve("values")));
        assertTrue(Files.size(lmdb.resolve("triples/data.mdb")) < bytesBefore,
                Files.size(lmdb.resolve("triples/data.mdb")) + " bytes, was " + bytesBefore);
        assertTrue(result.bytesAfter() < result.bytesBefore(), result.toString());
        assertFalse(Files.exists(lmdb.resolve("triples" + LmdbCompaction.PARTIAL)));
        repository = open(lmdb);
        try {
            assertEquals(written, all(repository));
            add(repository, 40_000, 5_000); // grows the tight file again
            assertEquals(45_000, all(repository).size());
        } finally {
            repository.shutDown();
        }
    }

    @Test
    void aStoreOpenElsewhereIsLeftAlone() throws Exception {
        Path lmdb = Files.createTempDirectory(Path.of("target"), "lmdb-compact-open-").resolve("lmdb");
        SailRepository repository = open(lmdb);
        try {
            for (int t = 0; t < 5; t++) {
                add(repository, t * 1_000, 1_000);
            }
            long bytes = Files.size(lmdb.resolve("triples/data.mdb"));
            assertNull(LmdbCompaction.compact(lmdb), "RDF4J holds the folder's lock while the store is open");
            assertEquals(bytes, Files.size(lmdb.resolve("triples/data.mdb")));
            assertEquals(5_000, all(repository).size());
        } finally {
            repository.shutDown();
        }
    }

    @Test
    void aCopyCutShortByACrashIsRemovedAndNeverUsed() throws Exception {
        Path lmdb = Files.createTempDirectory(Path.of("target"), "lmdb-compact-crash-").resolve("lmdb");
        SailRepository repository = open(lmdb);
        add(repository, 0, 3_000);
        repository.shutDown();
        // What a crash in the copy leaves: a partial file beside the store, the store's own files untouched.
        Path partial = Files.createDirectories(lmdb.resolve("triples" + LmdbCompaction.PARTIAL));
        Files.write(partial.resolve("data.mdb"), new byte[8192]);

        repository = open(lmdb);
        try {
            assertEquals(3_000, all(repository).size(), "the store opens on its own files");
            LmdbCompaction.removeLeftovers(lmdb);
            assertTrue(Files.exists(partial), "not while a store holds the folder: it could be another's copy");
        } finally {
            repository.shutDown();
        }
        LmdbCompaction.removeLeftovers(lmdb); // what EmbeddedRepositoryFactory.open does before opening the store
        assertFalse(Files.exists(partial));

        Files.createDirectories(partial); // and a compaction clears one too before it copies
        Files.write(partial.resolve("data.mdb"), new byte[8192]);
        assertNotNull(LmdbCompaction.compact(lmdb));
        assertFalse(Files.exists(partial));
        repository = open(lmdb);
        try {
            assertEquals(3_000, all(repository).size());
        } finally {
            repository.shutDown();
        }
    }

    private static SailRepository open(Path lmdb) throws Exception {
        Files.createDirectories(lmdb);
        SailRepository repository = new SailRepository(EmbeddedRepositoryFactory.sail(KgConfig.EmbeddedEngine.LMDB,
                lmdb.toFile(), "spoc,posc,opsc", false, 1L << 20, LmdbCacheSizes.RDF4J_DEFAULTS));
        repository.init();
        return repository;
    }

    /** {@code n} products' worth of statements in one transaction, each with its own literal (new values too). */
    private static void add(SailRepository repository, int from, int n) {
        List<Statement> statements = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            statements.add(VF.createStatement(VF.createIRI("urn:p:" + i), VF.createIRI("urn:name"),
                    VF.createLiteral("product " + i), VF.createIRI("urn:g")));
        }
        try (RepositoryConnection c = repository.getConnection()) {
            c.begin(IsolationLevels.NONE);
            c.add(statements);
            c.commit();
        }
    }

    private static Set<Statement> all(SailRepository repository) {
        try (RepositoryConnection c = repository.getConnection();
                var statements = c.getStatements(null, null, null, false)) {
            Set<Statement> out = new HashSet<>();
            statements.forEach(out::add);
            return out;
        }
    }

    /** Entries of the environment's free-page database (LMDB's dbi 0), read with LMDB itself. */
    private static long freelistEntries(Path env) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer p = stack.mallocPointer(1);
            assertEquals(0, LMDB.mdb_env_create(p));
            long e = p.get(0);
            try {
                assertEquals(0, LMDB.mdb_env_open(e, env.toString(), LMDB.MDB_RDONLY | LMDB.MDB_NOTLS, 0664));
                assertEquals(0, LMDB.mdb_txn_begin(e, 0, LMDB.MDB_RDONLY, p));
                long txn = p.get(0);
                try {
                    MDBStat stat = MDBStat.malloc(stack);
                    assertEquals(0, LMDB.mdb_stat(txn, 0, stat));
                    return stat.ms_entries();
                } finally {
                    LMDB.mdb_txn_abort(txn);
                }
            } finally {
                LMDB.mdb_env_close(e);
            }
        }
    }
}
