package dev.kggateway.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.rdf4j.query.QueryInterruptedException;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * Which store failures are worth another attempt, and how long to wait. Kept explicit (no interceptor library) so the
 * rule is visible next to the code that sends SPARQL:
 * <ul>
 * <li>reads (SELECT/ASK) are idempotent: retried after I/O errors (connection refused or reset, no response) and
 * Neptune's transient errors, but not after a timeout — a slow store would only get slower and the caller waits for
 * the sum;</li>
 * <li>updates are retried only on Neptune's ConcurrentModificationException, which guarantees the transaction was
 * rolled back; after an I/O error an update may have been applied, so it is never resent.</li>
 * </ul>
 */
final class StoreRetry {

    enum Kind {
        READ, UPDATE
    }

    @FunctionalInterface
    interface Action<T> {
        T run(RepositoryConnection connection);
    }

    private final int maxAttempts;
    private final Duration backoff;

    StoreRetry(int maxAttempts, Duration backoff) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoff = backoff;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    boolean shouldRetry(Kind kind, Throwable e) {
        if (isConcurrentModification(e)) {
            return true;
        }
        if (kind == Kind.UPDATE || isTimeout(e)) {
            return false;
        }
        return hasCause(e, IOException.class) || mentions(e, "ThrottlingException")
                || mentions(e, "ReadOnlyViolationException") || mentions(e, "Service Unavailable");
    }

    /** Exponential backoff with jitter: backoff, 2 x backoff, 4 x backoff … each randomised to 50–100 %. */
    void pause(int attempt) {
        long base = backoff.toMillis() << Math.min(attempt - 1, 10);
        long millis = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.eclipse.rdf4j.repository.RepositoryException("interrupted while waiting to retry", e);
        }
    }

    /** Socket timeout, RDF4J's max execution time, or a server-side deadline (Fuseki/Neptune). */
    static boolean isTimeout(Throwable e) {
        return hasCause(e, SocketTimeoutException.class) || hasCause(e, QueryInterruptedException.class)
                || (hasCause(e, InterruptedIOException.class) && mentions(e, "timed out"))
                || mentions(e, "TimeLimitExceededException") || mentions(e, "Query timed out")
                || mentions(e, "Query cancelled");
    }

    /**
     * The query hit its own time limit (RDF4J's max execution time, or the server's deadline for it), as opposed to a
     * store that does not answer (socket timeout): the former is the query's fault, the latter the store's.
     */
    static boolean isQueryDeadline(Throwable e) {
        return !hasCause(e, SocketTimeoutException.class) && (hasCause(e, QueryInterruptedException.class)
                || mentions(e, "TimeLimitExceededException") || mentions(e, "Query timed out")
                || mentions(e, "Query cancelled"));
    }

    static boolean isConcurrentModification(Throwable e) {
        return mentions(e, "ConcurrentModificationException");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** RDF4J turns HTTP error responses into exceptions whose message carries the server's error text. */
    private static boolean mentions(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }
}
