package dev.kggateway.store;

import dev.kggateway.domain.ProductsCommitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Runs this instance's product writes and publishes what each committed ({@link ProductsCommitted}) under one lock.
 * The event is synchronous, so its observers (the similarity and listing indexes, the result cache) apply a commit
 * before the lock is released: on the embedded store, whose only writer is this process, they see commits in commit
 * order and never miss or double-apply one. Index builds from the store take the same lock ({@link #locked}), so a
 * build cannot interleave with a write either. Repositories know only this class and the event.
 */
@ApplicationScoped
public class StoreWrites {

    private final Object lock = new Object();

    @Inject
    Event<ProductsCommitted> committed;

    @Inject
    GraphStore store;

    /** Runs a store write and, once it returned (committed), publishes what {@code commit} says it did. */
    public void commit(Runnable storeWrite, Supplier<ProductsCommitted> commit) {
        if (!store.has(StoreCapability.SINGLE_WRITER)) {
            // Several writers: commit order is the store's, not this lock's, and the change feed re-reads every
            // product written (here too) from the store, healing an event applied out of order within its bound.
            storeWrite.run();
            committed.fire(commit.get());
            return;
        }
        synchronized (lock) {
            storeWrite.run();
            committed.fire(commit.get());
        }
    }

    /**
     * Runs a store write whose effect the mirrors cannot follow product by product (an RDF import: a product's links
     * may arrive in several batches; a migration renaming nodes) and publishes {@link ProductsCommitted.Kind#EVERYTHING}
     * whether or not it succeeded: a remote update that failed on I/O may still have been applied.
     */
    public <T> T commitEverything(Supplier<T> storeWrite) {
        synchronized (lock) {
            try {
                return storeWrite.get();
            } finally {
                committed.fire(ProductsCommitted.everything());
            }
        }
    }

    /** Publishes a commit made elsewhere (another instance, through the change feed; an external bulk load). */
    public void publish(ProductsCommitted commit) {
        synchronized (lock) {
            committed.fire(commit);
        }
    }

    /**
     * Runs {@code action} under the write lock, which every write holds from its store transaction to its event's
     * observers: what an index build reads from the store and what it builds from that cannot miss a write.
     */
    public <T> T locked(Supplier<T> action) {
        synchronized (lock) {
            return action.get();
        }
    }
}
