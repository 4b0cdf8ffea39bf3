package dev.kggateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.config.KgConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.junit.jupiter.api.Test;

/**
 * An acknowledged write is on disk: once {@link GraphStore} returns from a write, a copy of the store's files (what a
 * SIGKILL leaves: the page cache survives, the JVM's memory does not) opened with a fresh LMDB store holds it, also
 * while other connections read. RDF4J's LMDB store keeps a commit made while any dataset is open in the JVM's memory
 * (its snapshot branch flushes to LMDB only when no reader observes it), which made CrashSafetyIT lose acknowledged
 * batches about one run in ten; these tests show it without a kill.
 *
 * <p>Real parts: the default test application's embedded LMDB store, its real files, a second LMDB store on the copy.
 * Writes go to a graph of their own, so the catalogue the other tests of this application read is untouched.
 */
@QuarkusTest
class AcknowledgedWriteDurabilityTest {

    static final SimpleValueFactory VF = SimpleValueFactory.getInstance();
    static final IRI GRAPH = VF.createIRI("urn:kg-test:durability");
    static final IRI P = VF.createIRI("urn:kg-test:p");
    static final IRI HAS = VF.createIRI("urn:kg-test:has");
    static final IRI OF = VF.createIRI("urn:kg-test:of");

    @Inject
    GraphStore store;

    @Inject
    KgConfig config;

    /** The store folder's files as they are now, opened as a store of their own: the subjects of GRAPH's statements. */
    List<String> subjectsInCopy() throws IOException {
        Path dir = EmbeddedRepositoryFactory.folder(config);
        Path copy = Files.createTempDirectory(Path.of("target"), "durability-copy");
        try (var files = Files.walk(dir)) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(dir.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else if (!f.getFileName().toString().contains("lock")) {
                    Files.copy(f, to); // LMDB's lock files are per process: a fresh store makes its own
                }
            }
        }
        try {
            return StoreFilesReader.subjects(config, copy.toFile(), P, GRAPH);
        } finally {
            try (var files = Files.walk(copy)) {
                files.sorted(Collections.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    void insert(String subject) {
        store.update("durability-insert", "INSERT DATA { GRAPH <" + GRAPH + "> { <" + subject + "> <" + P
                + "> \"acknowledged\" } }");
    }

    void replace(String subject) {
        IRI s = VF.createIRI(subject);
        List<Statement> statements = List.of(VF.createStatement(s, P, VF.createLiteral("replaced"), GRAPH));
        Supplier<GraphStore.ReplacePart> part = () -> new GraphStore.ReplacePart(List.of(s), statements);
        store.replaceEmbedded(GRAPH, List.of(part), HAS, OF);
    }

    /** A read of the gateway that keeps a dataset of the store open while {@code during} runs. */
    @FunctionalInterface
    interface HeldRead {
        void run(GraphStore store, Runnable during);
    }

    /** Index builds and the listing index read like this: one statement scan, each statement handed on as read. */
    static final HeldRead SCAN = (store, during) -> store.forEachStatement(null, P, null, GRAPH, atFirst(during));

    /** {@code GET /export?format=nquads}: the whole graph streamed to the client as it is read. */
    static final HeldRead EXPORT = (store, during) -> store.exportGraph(GRAPH, atFirst(during));

    /** A statement sink that runs {@code during} at the first statement (the read is open then), ignores the rest. */
    static Consumer<Statement> atFirst(Runnable during) {
        boolean[] once = {false};
        return st -> {
            if (!once[0]) {
                once[0] = true;
                during.run();
            }
        };
    }

    /**
     * A read of the gateway holds the store (a statement iteration open) while a write is acknowledged; the copy of
     * the files taken right after the acknowledgement must hold the write. The read lets go once the writer has
     * returned or waits for the store's read-write lock (a fix may make the write wait for the read), so without
     * such a lock the copy is always taken with the read open: deterministic, no clock.
     */
    void heldReadThenWrite(HeldRead read, String subject, Runnable write) throws Exception {
        insert("urn:kg-test:seed"); // something for the read to iterate over
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch readOpen = new CountDownLatch(1);
            Thread[] writer = new Thread[1];
            AtomicBoolean writerDone = new AtomicBoolean();
            Future<?> reader = threads.submit(() -> read.run(store, () -> {
                readOpen.countDown();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!writerDone.get() && System.nanoTime() < until) {
                    Thread w = writer[0];
                    if (w != null && waitsForTheStoreLock(w)) {
                        break; // the write waits for this read: let it go
                    }
                    Thread.onSpinWait();
                }
            }));
            assertTrue(readOpen.await(30, TimeUnit.SECONDS), "the read did not start");
            Future<List<String>> written = threads.submit(() -> {
                writer[0] = Thread.currentThread();
                try {
                    write.run(); // acknowledged once this returns
                    return subjectsInCopy();
                } finally {
                    writerDone.set(true);
                }
            });
            List<String> onDisk = written.get(60, TimeUnit.SECONDS);
            reader.get(60, TimeUnit.SECONDS);
            assertTrue(onDisk.contains(subject), "acknowledged write " + subject + " not in the store's files"
                    + " (a copy taken right after it returned, a read open meanwhile); on disk: " + onDisk);
        } finally {
            threads.shutdownNow();
        }
    }

    /** True while {@code thread} waits in a read-write lock (the store access lock of the fix), nowhere else. */
    static boolean waitsForTheStoreLock(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().startsWith("java.util.concurrent.locks.ReentrantReadWriteLock")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void updateAcknowledgedDuringAStatementScanIsOnDisk() throws Exception {
        String subject = "urn:kg-test:update-" + System.nanoTime();
        heldReadThenWrite(SCAN, subject, () -> insert(subject));
    }

    @Test
    void replaceAcknowledgedDuringAnExportIsOnDisk() throws Exception {
        String subject = "urn:kg-test:replace-" + System.nanoTime();
        heldReadThenWrite(EXPORT, subject, () -> replace(subject));
    }

    /**
     * A write from a thread that holds a read of the store would wait for itself (a read lock does not become a write
     * lock) until the lock timeout: it fails at once instead, and the store takes the write once the read is over.
     */
    @Test
    void aWriteInsideAReadFailsAtOnceInsteadOfWaitingForItself() {
        insert("urn:kg-test:seed");
        String subject = "urn:kg-test:inside-read-" + System.nanoTime();
        RuntimeException[] thrown = {null};
        SCAN.run(store, () -> {
            try {
                insert(subject);
            } catch (RuntimeException e) {
                thrown[0] = e;
            }
        });
        assertTrue(thrown[0] instanceof IllegalStateException, "expected IllegalStateException, got " + thrown[0]);
        insert(subject);
    }

    /**
     * The invariant in general: readers keep the store busy (product reads, SPARQL selects, statement scans, from
     * two threads, overlapping), two writers write; after each acknowledged write a copy of the files holds every
     * write acknowledged so far. A copy is taken with no other write running (a test lock around write + copy), as a
     * kill stops the process at one instant.
     */
    @Test
    void everyAcknowledgedWriteIsOnDiskUnderConcurrentReads() throws Exception {
        int writesPerWriter = 12;
        ExecutorService threads = Executors.newFixedThreadPool(4);
        AtomicBoolean stop = new AtomicBoolean();
        Object copyLock = new Object();
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                int which = r;
                readers.add(threads.submit(() -> {
                    while (!stop.get()) {
                        if (which == 0) {
                            store.readEmbedded("durability-read", lookups -> lookups.statements(null, P, null, GRAPH));
                        } else {
                            store.select("property-type-stats", Map.of("graph", GRAPH));
                            store.forEachStatement(null, P, null, GRAPH, st -> { });
                        }
                    }
                    return null;
                }));
            }
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int which = w;
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < writesPerWriter; i++) {
                        String subject = "urn:kg-test:general-" + which + "-" + i + "-" + System.nanoTime();
                        synchronized (copyLock) {
                            if (i % 2 == 0) {
                                insert(subject);
                            } else {
                                replace(subject);
                            }
                            acknowledged.add(subject);
                            List<String> onDisk = subjectsInCopy();
                            List<String> missing = new ArrayList<>(acknowledged);
                            missing.removeAll(onDisk);
                            if (!missing.isEmpty()) {
                                failures.add("after " + subject + ": " + missing.size() + " of " + acknowledged.size()
                                        + " acknowledged writes not on disk");
                            }
                        }
                    }
                    return null;
                }));
            }
            for (var w : writers) {
                w.get(300, TimeUnit.SECONDS);
            }
            stop.set(true);
            for (var r : readers) {
                r.get(60, TimeUnit.SECONDS);
            }
        } finally {
            stop.set(true);
            threads.shutdownNow();
        }
        assertEquals(List.of(), failures, "acknowledged writes missing from the store's files");
        assertEquals(2 * writesPerWriter, acknowledged.size());
    }
}
