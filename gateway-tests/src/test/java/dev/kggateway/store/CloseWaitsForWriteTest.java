package dev.kggateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.config.KgConfig;
import dev.kggateway.support.KgConfigKeys;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.sail.helpers.AbstractSail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A shut-down does not close the embedded store under a write in progress: {@link GraphStore#close} waits for it
 * (bounded by {@code kg.store.lock-timeout}), the write is acknowledged and is in the store's files afterwards. The
 * write is held open longer than RDF4J's own grace period for open connections at shut-down (20 s by default, after
 * which it closes them under their users; shortened here to {@link #GRACE_MILLIS} so the test takes seconds, not
 * half a minute), and shorter than the lock timeout (30 s).
 *
 * <p>Real parts: a {@link GraphStore} of its own on a fresh embedded LMDB store (this test closes it), opened by the test
 * as the container opens the application's (its {@code @PostConstruct}) with the application's repository factories
 * and store-call guard, and its own configuration ({@code kg.store.path}, the rest at the shipped defaults); a real
 * write ({@link GraphStore#replaceEmbedded}) whose part is produced slowly, as a model producing a batch's statements
 * is; the files reopened by a fresh LMDB store after the close. It runs in the default test application instead of
 * one of its own, which cost a Quarkus build in JUnit discovery and a start (BENCHMARKS.md, "Test suite time",
 * suite24).
 */
@QuarkusTest
class CloseWaitsForWriteTest {

    static final SimpleValueFactory VF = SimpleValueFactory.getInstance();
    static final IRI GRAPH = VF.createIRI("urn:kg-test:close");
    static final IRI P = VF.createIRI("urn:kg-test:p");
    /** RDF4J's grace period for connections at shut-down (AbstractSail: 20 s by default), set on this test's store. */
    static final long GRACE_MILLIS = 2_000;
    /** Longer than the grace period: a close that did not wait would interrupt the write. */
    static final long WRITE_MILLIS = 4_000;

    @Inject
    Instance<GraphRepositoryFactory> factories;

    @Inject
    StoreCalls calls;

    KgConfig config;

    GraphStore store;

    /** This test's own store, wired as CDI wires the application's; the application's store is left alone. */
    @BeforeEach
    void openOwnStore() {
        config = KgConfigKeys.mapping(Map.of("kg.store.path", "target/test-data/close-" + UUID.randomUUID()));
        FreeSpaceGuard freeSpace = new FreeSpaceGuard();
        freeSpace.config = config;
        store = new GraphStore();
        store.config = config;
        store.factories = factories;
        store.freeSpace = freeSpace;
        store.calls = calls;
        store.open();
    }

    @Test
    void closeWaitsForTheWriteInProgress() throws Exception {
        assertTrue(config.store().lockTimeout().toMillis() > WRITE_MILLIS + 5_000, "lock timeout "
                + config.store().lockTimeout() + " must outlast the write");
        ((AbstractSail) store.embeddedSail()).setConnectionTimeOut(GRACE_MILLIS);
        IRI subject = VF.createIRI("urn:kg-test:close/written");
        List<Statement> statements = List.of(VF.createStatement(subject, P, VF.createLiteral("acknowledged"), GRAPH));
        CountDownLatch inWrite = new CountDownLatch(1);
        long[] inWriteAt = {0};
        Supplier<GraphStore.ReplacePart> slowPart = () -> {
            inWriteAt[0] = System.nanoTime(); // published to the test thread by the latch
            inWrite.countDown(); // the write transaction is open, the store held exclusively
            try {
                Thread.sleep(WRITE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new GraphStore.ReplacePart(List.of(subject), statements);
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Throwable> write = threads.submit(() -> {
                try {
                    store.replaceEmbedded(GRAPH, List.of(slowPart), VF.createIRI("urn:kg-test:has"),
                            VF.createIRI("urn:kg-test:of"));
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            });
            assertTrue(inWrite.await(30, TimeUnit.SECONDS), "the write did not begin");
            Future<Long> closed = threads.submit(() -> {
                store.close();
                return System.nanoTime();
            });
            Throwable failed = write.get(60, TimeUnit.SECONDS);
            assertNull(failed, () -> "the write in progress failed during close: " + failed);
            long closedAt = closed.get(60, TimeUnit.SECONDS);
            // A lower bound only (a slow machine cannot break it): the write's part takes WRITE_MILLIS from inWriteAt,
            // then the write commits and lets the store go; a close that did not wait would have returned at RDF4J's
            // grace period (GRACE_MILLIS), or at once. (Comparing with the moment replaceEmbedded returned to its thread
            // failed once in CI: close can take the freed lock and finish before that thread runs its next line.)
            long closedAfterMillis = TimeUnit.NANOSECONDS.toMillis(closedAt - inWriteAt[0]);
            assertTrue(closedAfterMillis >= WRITE_MILLIS, "close returned " + closedAfterMillis
                    + " ms after the write began, before the write's " + WRITE_MILLIS + " ms part was done");
        } finally {
            threads.shutdownNow();
        }
        assertEquals(List.of(subject.stringValue()), subjectsInFiles(), "the acknowledged write is in the files");
    }

    /** The closed store's files, opened by a fresh LMDB store: the subjects of GRAPH's statements. */
    List<String> subjectsInFiles() {
        return StoreFilesReader.subjects(config, EmbeddedRepositoryFactory.folder(config).toFile(), P, GRAPH);
    }
}
