package dev.kggateway.bulk;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.rdf4j.model.Statement;

/**
 * Commits bulk-load batches on one background thread, in the order submitted, while the caller reads, validates and
 * encodes the next ones: parsing and the store's commit overlap instead of taking turns. At most {@code inFlight}
 * batches wait or run at once ({@link #submit} blocks beyond that), so memory stays bounded by the batch size. The
 * first failed commit stops it: later batches are not committed, and {@link #submit} and {@link #finish} throw that
 * failure, so a load never goes on past a batch that did not make it into the store.
 */
final class BatchCommitter implements AutoCloseable {

    private final Consumer<List<Statement>> commit;
    private final Semaphore slots;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bulk-load-commit");
        t.setDaemon(true);
        return t;
    });
    private volatile RuntimeException failure;

    BatchCommitter(Consumer<List<Statement>> commit, int inFlight) {
        this.commit = commit;
        this.slots = new Semaphore(inFlight);
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
