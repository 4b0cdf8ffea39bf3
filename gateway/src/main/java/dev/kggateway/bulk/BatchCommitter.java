package dev.kggateway.bulk;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import dev.kggateway.os.LibC;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.rdf4j.model.Statement;
import org.jboss.logging.Logger;

/**
 * Commits bulk-load batches on one background thread, in the order submitted, while the caller reads, validates and
 * encodes the next ones: parsing and the store's commit overlap instead of taking turns. At most {@code inFlight}
 * batches wait or run at once ({@link #submit} blocks beyond that), so memory stays bounded by the batch size. The
 * first failed commit stops it: later batches are not committed, and {@link #submit} and {@link #finish} throw that
 * failure, so a load never goes on past a batch that did not make it into the store.
 */
final class BatchCommitter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BatchCommitter.class);

    private final Consumer<List<Statement>> commit;
    private final Semaphore slots;
    private final int nice;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bulk-load-commit");
        t.setDaemon(true);
        return t;
    });
    private volatile RuntimeException failure;

    /** A committer whose thread keeps the priority it starts with. */
    BatchCommitter(Consumer<List<Statement>> commit, int inFlight) {
        this(commit, inFlight, 0);
    }

    /**
     * @param nice scheduling niceness the committing thread gives itself (Linux, best effort; 0: unchanged). RDF4J's
     *             LMDB store hands each statement to its own triple-writer thread through a 1,024-slot ring and the
     *             adding thread spin-waits while the ring is full, which on two cores took a core's share from the
     *             writer and the reading thread; a lower priority leaves the spin only the CPU nobody else wants
     *             (BENCHMARKS, "Bulk load without the spin").
     */
    BatchCommitter(Consumer<List<Statement>> commit, int inFlight, int nice) {
        this.commit = commit;
        this.slots = new Semaphore(inFlight);
        this.nice = nice;
        if (nice != 0) {
            thread.execute(() -> lowerPriority(nice));
        }
    }

    /**
     * Sets the niceness of the calling thread with libc's {@code setpriority}: on Linux each thread has its own, and
     * {@code /proc/thread-self} names the thread's id. Anything that fails (another OS, a container without the right)
     * leaves the priority as it was: it changes the speed of a load, never its result.
     */
    private static void lowerPriority(int nice) {
        if (!Platform.isLinux()) {
            return;
        }
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self")); // "PID/task/TID"
            int tid = Integer.parseInt(self.getFileName().toString());
            if (LibC.load().setpriority(LibC.PRIO_PROCESS, tid, nice) != 0) {
                LOG.debugf("setpriority of the bulk-load commit thread failed (errno %d)", Native.getLastError());
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.debugf("bulk-load commit thread keeps its priority: %s", e);
        }
    }

    /** Queues a batch for commit; blocks while {@code inFlight} batches are queued or committing. */
    void submit(List<Statement> batch) throws InterruptedException {
        rethrow();
        slots.acquire();
        thread.execute(() -> {
            try {
                if (failure == null) {
                    commit.accept(batch);
                }
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error e) {
                failure = new IllegalStateException("bulk-load commit failed: " + e, e);
                throw e;
            } finally {
                slots.release();
            }
        });
    }

    /** Waits until every submitted batch is committed; throws the first commit failure. */
    void finish() throws InterruptedException {
        awaitSubmitted();
        rethrow();
    }

    /** Takes no more batches and waits for those submitted: an LMDB commit is not interrupted half-way. */
    private void awaitSubmitted() throws InterruptedException {
        thread.shutdown();
        while (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
            // a large commit on a slow disk: keep waiting, the batches are already submitted
        }
    }

    private void rethrow() {
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
    }

    /**
     * Stops taking batches and waits for those already submitted (at most {@code inFlight}; an LMDB commit is not
     * interrupted half-way), so no commit outlives the load that started it.
     */
    @Override
    public void close() {
        try {
            awaitSubmitted();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
