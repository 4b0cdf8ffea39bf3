package dev.kggateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.domain.error.StoreUnavailableException;
import dev.kggateway.store.StoreAccessLock.Hold;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded store's access lock on its own (AcknowledgedWriteDurabilityTest checks what it is for, on a real
 * store): waits end with STORE_UNAVAILABLE after {@code kg.store.lock-timeout}, a waiting write is not overtaken by
 * new reads, the self-deadlock guard, the probe that never waits, and no locking for remote stores. Timeouts are short
 * here; the bound on every wait of the test itself is derived from them (a hang fails instead of stalling the build).
 */
class StoreAccessLockUnitTest {

    static final Duration SHORT = Duration.ofMillis(200);
    static final Duration LONG = Duration.ofSeconds(20);

    final AtomicReference<Duration> timeout = new AtomicReference<>(SHORT);
    final StoreAccessLock lock = new StoreAccessLock(() -> true, timeout::get);
    final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** The outcome of a task on another thread, waiting at most the long timeout (a hang fails). */
    static <T> T outcome(Future<T> task) throws Exception {
        try {
            return task.get(LONG.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void aWriteGivesUpWithStoreUnavailableWhileAReadHoldsTheStore() throws Exception {
        try (Hold read = lock.read("test-read")) {
            long started = System.nanoTime();
            var e = assertThrows(StoreUnavailableException.class,
                    () -> outcome(threads.submit(() -> lock.write("test-write"))));
            assertTrue(System.nanoTime() - started >= SHORT.toNanos(), "gave up only after the timeout");
            assertTrue(e.getMessage().contains("'test-write' waited"), e.getMessage());
            assertTrue(e.getMessage().contains("the reads in progress"), e.getMessage());
        }
        // Given back: a write now gets the store.
        outcome(threads.submit(() -> {
            lock.write("after").close();
            return null;
        }));
    }

    @Test
    void aReadGivesUpWhileAWriteHoldsTheStoreAndGetsItAfter() throws Exception {
        Hold write = lock.write("test-write");
        var e = assertThrows(StoreUnavailableException.class,
                () -> outcome(threads.submit(() -> lock.read("test-read"))));
        assertTrue(e.getMessage().contains("a write in progress"), e.getMessage());
        timeout.set(LONG);
        Future<Void> waiting = threads.submit(() -> {
            lock.read("test-read").close(); // a hold is given back by the thread that has it
            return null;
        });
        while (lock.waiting() == 0) {
            assertTrue(!waiting.isDone(), "the read waits for the write in progress");
            Thread.onSpinWait();
        }
        write.close();
        write.close(); // given back once: a second close does nothing
        outcome(waiting);
    }

    @Test
    void readsThatComeAfterAWaitingWriteWaitBehindIt() throws Exception {
        Hold first = lock.read("first-read");
        timeout.set(LONG);
        Future<Void> writer = threads.submit(() -> {
            lock.write("queued-write").close();
            return null;
        });
        while (lock.waiting() == 0) {
            assertTrue(!writer.isDone(), "the write waits for the read in progress");
            Thread.onSpinWait();
        }
        timeout.set(SHORT);
        // A new read queues behind the waiting write instead of joining the read in progress (no write starvation).
        assertThrows(StoreUnavailableException.class, () -> outcome(threads.submit(() -> lock.read("late-read"))));
        timeout.set(LONG);
        first.close();
        outcome(writer);
    }

    @Test
    void aWriteFromAThreadThatHoldsAReadFailsAtOnce() {
        timeout.set(LONG);
        try (Hold read = lock.read("outer-read")) {
            long started = System.nanoTime();
            var e = assertThrows(IllegalStateException.class, () -> lock.write("inner-write"));
            assertTrue(System.nanoTime() - started < LONG.toNanos(), "did not wait for itself");
            assertTrue(e.getMessage().contains("inner-write"), e.getMessage());
        }
    }

    @Test
    void theProbeNeverWaits() throws Exception {
        timeout.set(LONG);
        try (Hold free = lock.readIfFree()) {
            assertNotNull(free, "no write: the probe reads");
        }
        Hold write = lock.write("test-write");
        assertNull(outcome(threads.submit(lock::readIfFree)), "a write holds the store: no hold, no wait");
        write.close();
    }

    @Test
    void remoteStoresAreNotLocked() throws Exception {
        var remote = new StoreAccessLock(() -> false, timeout::get);
        try (Hold read = remote.read("read")) {
            outcome(threads.submit(() -> {
                remote.write("write").close();
                return null;
            }));
            try (Hold sameThreadWrite = remote.write("write")) {
                assertEquals(0, remote.waiting());
            }
        }
    }
}
