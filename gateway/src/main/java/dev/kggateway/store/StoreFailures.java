package dev.kggateway.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import org.eclipse.rdf4j.query.QueryInterruptedException;
import org.eclipse.rdf4j.query.resultio.QueryResultParseException;

/**
 * What a store failure means, read from the exceptions RDF4J raises (HTTP error responses become exceptions whose
 * message carries the server's error text): which are worth another attempt ({@link StoreOperation}), which are
 * timeouts, which are the query's own deadline.
 */
final class StoreFailures {

    private StoreFailures() {
    }

    /**
     * Reads (SELECT/ASK) are idempotent: worth another attempt after I/O errors (connection refused or reset, no
     * response) and Neptune's transient errors, but not after a timeout — a slow store would only get slower and the
     * caller waits for the sum.
     */
    static boolean worthRetryingRead(Throwable e) {
        if (isConcurrentModification(e)) {
            return true;
        }
        if (isTimeout(e)) {
            return false;
        }
        return hasCause(e, IOException.class) || mentions(e, "ThrottlingException")
                || mentions(e, "ReadOnlyViolationException") || mentions(e, "Service Unavailable");
    }

    /** Neptune rolled the transaction back because another one touched the same data: safe to send again. */
    static boolean isConcurrentModification(Throwable e) {
        return mentions(e, "ConcurrentModificationException");
    }

    /** Socket timeout, RDF4J's max execution time, or a server-side deadline (Fuseki/Neptune). */
    static boolean isTimeout(Throwable e) {
        return hasCause(e, SocketTimeoutException.class)
                || (hasCause(e, InterruptedIOException.class) && mentions(e, "timed out"))
                || hitDeadline(e);
    }

    /**
     * The answer did not arrive whole: a timeout, or a result document that ends mid-way (a server that hits its
     * deadline while streaming closes the response, which the client reads as malformed).
     */
    static boolean isCutShort(Throwable e) {
        return isTimeout(e) || hasCause(e, QueryResultParseException.class);
    }

    /**
     * The query hit its own time limit (RDF4J's max execution time, or the server's deadline for it), as opposed to a
     * store that does not answer (socket timeout): the former is the query's fault, the latter the store's.
     */
    static boolean isQueryDeadline(Throwable e) {
        return !hasCause(e, SocketTimeoutException.class) && hitDeadline(e);
    }

    /** RDF4J's max execution time, or a server's deadline error text (Neptune, Fuseki). */
    private static boolean hitDeadline(Throwable e) {
        return hasCause(e, QueryInterruptedException.class) || mentions(e, "TimeLimitExceededException")
                || mentions(e, "Query timed out") || mentions(e, "Query cancelled");
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }
}
