package dev.kggateway.store;

import dev.kggateway.domain.error.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The embedded store's access lock (fair read-write), the only way to a connection of it: every read holds it shared
 * for its connection's life, every write (one local transaction, with the space check before it) exclusively from
 * begin to commit. RDF4J's LMDB and native stores put their store behind a snapshot branch that writes a commit to
 * disk only when no dataset of any connection is open (and only if it gets the branch's lock at once); a commit made
 * while another connection reads stays in the JVM's memory until the last reader closes, and is lost by a crash
 * although the write was acknowledged (CrashSafetyIT: one run in ten). With the store to itself, a write's commit goes
 * to disk before the write returns. Every wait is bounded by {@code kg.store.lock-timeout}, then the call fails with
 * {@code STORE_UNAVAILABLE}. Not used for remote stores (their server orders its transactions): then every hold is
 * granted at once.
 */
final class StoreAccessLock {

    private static final Logger LOG = Logger.getLogger(StoreAccessLock.class);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final BooleanSupplier used;
    private final Supplier<Duration> timeout;

    /**
     * @param used whether the store needs the lock (asked per call: the store's capabilities are known after start)
     * @param timeout the longest wait ({@code kg.store.lock-timeout})
     */
    StoreAccessLock(BooleanSupplier used, Supplier<Duration> timeout) {
        this.used = used;
        this.timeout = timeout;
    }

    /**
     * A hold of the lock, given back by {@link #close} (once). Only this class makes them, and GraphStore takes a
     * connection only for one (GraphStore#connection(Hold)): no connection of the embedded store without a hold.
     */
    static final class Hold implements AutoCloseable {
        private Lock lock;
        private boolean held = true;

        private Hold(Lock lock) {
            this.lock = lock;
        }

        /** Until {@link #close} (for a remote store too, whose holds lock nothing). */
        boolean isHeld() {
            return held;
        }

        @Override
        public void close() {
            held = false;
            if (lock != null) {
                lock.unlock();
                lock = null;
            }
        }
    }

    /** Shares the store with other reads for one read's connection; waits for a write in progress. */
    Hold read(String operation) {
        return hold(lock.readLock(), operation, "a write in progress");
    }

    /** Has the store to itself for one write, begin to commit; waits for the reads in progress. */
    Hold write(String operation) {
        if (lock.getReadHoldCount() > 0) {
            // A read lock cannot become a write lock: it would wait for itself until the timeout.
            throw new IllegalStateException("write '" + operation + "' from a thread that holds a read of the store");
        }
        return hold(lock.writeLock(), operation, "the reads in progress");
    }

    /**
     * A read hold if no write holds the store now, else null; never waits (for probes, which have a few seconds: a
     * store held by a write is working).
     */
    Hold readIfFree() {
        if (!used.getAsBoolean()) {
            return new Hold(null);
        }
        Lock read = lock.readLock();
        return read.tryLock() ? new Hold(read) : null; // tryLock does not queue: fails only while a write holds it
    }

    /** Threads waiting for the lock (tests). */
    int waiting() {
        return lock.getQueueLength();
    }

    private Hold hold(Lock wanted, String operation, String waitedFor) {
        if (!used.getAsBoolean()) {
            return new Hold(null);
        }
        Duration limit = timeout.get();
        try {
            if (wanted.tryLock(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                return new Hold(wanted);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while '" + operation + "' waited for the graph store", e);
        }
        LOG.warnf("store call '%s' waited %s (kg.store.lock-timeout) for %s and gave up", operation, limit, waitedFor);
        throw new StoreUnavailableException("graph store is busy: '" + operation + "' waited " + limit + " for "
                + waitedFor + "; retry later");
    }
}
