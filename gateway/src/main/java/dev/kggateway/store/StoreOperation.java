package dev.kggateway.store;

import java.util.function.Predicate;

/**
 * The kinds of guarded store call, declared by {@link GraphStore} at each call site (never inferred from a method
 * name): each carries the {@code operation} tag of the {@code kg.sparql} timer and the failures worth another
 * attempt, which {@link StoreCalls} applies.
 */
enum StoreOperation {
    /** A named SELECT: idempotent, retried after transient failures. */
    SELECT("select", StoreFailures::worthRetryingRead),
    /** A named ASK: idempotent, retried after transient failures. */
    ASK("ask", StoreFailures::worthRetryingRead),
    /**
     * A SPARQL update: retried only on Neptune's ConcurrentModificationException, which guarantees the transaction
     * was rolled back; after an I/O error it may have been applied, so it is never resent.
     */
    UPDATE("update", StoreFailures::isConcurrentModification),
    /** The embedded store's statement-API work (fast paths of named queries and of replace-product): not retried. */
    STATEMENTS("statements", null),
    /** An analyst's query from {@code /sparql}: run once, a retry would double a heavy query's cost. */
    ANALYST("query", null);

    private final String tag;
    /** The failures worth another attempt; null for a kind never retried. */
    private final Predicate<Throwable> retryOn;

    StoreOperation(String tag, Predicate<Throwable> retryOn) {
        this.tag = tag;
        this.retryOn = retryOn;
    }

    /** The {@code operation} tag of the SPARQL timer and the trace span. */
    String tag() {
        return tag;
    }

    /** True when a failed attempt of this kind is worth another one. */
    boolean retries(Throwable failure) {
        return retryOn != null && retryOn.test(failure);
    }

    /** False for the kinds no failure is worth another attempt of: {@link StoreCalls} gives them no retry guard. */
    boolean mayRetry() {
        return retryOn != null;
    }
}
