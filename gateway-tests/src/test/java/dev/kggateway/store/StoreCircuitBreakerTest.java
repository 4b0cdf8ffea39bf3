package dev.kggateway.store;

import dev.kggateway.domain.error.InvalidArgumentException;
import dev.kggateway.domain.error.StoreUnavailableException;
import dev.kggateway.support.Gql;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The store circuit breaker: the outage is simulated by store calls that throw the store's own
 * StoreUnavailableException through the real store edge ({@link StoreCalls}; an embedded store cannot be made to
 * fail on demand); the effect on GraphQL is checked against the real store. The breaker is reset afterwards, other
 * tests share it.
 */
@QuarkusTest
class StoreCircuitBreakerTest {

    @Inject
    StoreCalls calls;

    @Inject
    CircuitBreakerMaintenance maintenance;

    static final String LOOKUP = "query($id: ID!) { product(id: $id) { id } }";

    @Test
    void opensAfterRepeatedStoreFailuresFailsFastAndRecovers() throws Exception {
        maintenance.reset("graph-store");
        try {
            for (int i = 0; i < 20; i++) {
                assertThrows(StoreUnavailableException.class, () -> call(() -> {
                    throw new StoreUnavailableException("simulated outage");
                }));
            }
            assertEquals(CircuitBreakerState.OPEN, maintenance.currentState("graph-store"));
            AtomicBoolean ran = new AtomicBoolean();
            StoreUnavailableException open = assertThrows(StoreUnavailableException.class, () -> call(() -> {
                ran.set(true);
                return null;
            }));
            assertInstanceOf(CircuitBreakerOpenException.class, open.getCause());
            assertFalse(ran.get(), "an open circuit must not reach the store");
            // Through GraphQL: a store-backed lookup (an id never seen, so no cache) fails fast with a coded error.
            assertEquals("STORE_UNAVAILABLE", Gql.errorCode(Gql.post(LOOKUP, Map.of("id", "CB-" + UUID.randomUUID()))));
        } finally {
            maintenance.reset("graph-store");
        }
        Gql.ok(LOOKUP, Map.of("id", "CB-" + UUID.randomUUID()));
    }

    @Test
    void clientErrorsDoNotOpenIt() throws Exception {
        maintenance.reset("graph-store");
        for (int i = 0; i < 30; i++) {
            assertThrows(InvalidArgumentException.class, () -> call(() -> {
                throw new InvalidArgumentException("bad input is not an outage");
            }));
        }
        assertEquals(CircuitBreakerState.CLOSED, maintenance.currentState("graph-store"));
    }

    @Test
    void readsAreRetriedAndUpdatesOnlyAfterConcurrentModification() {
        maintenance.reset("graph-store");
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        // A read whose first two attempts meet a refused connection: answered by the third (kg.store.max-attempts=3).
        assertEquals("answer", calls.run(StoreOperation.SELECT, "retry-probe", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw refused();
            }
            return "answer";
        }, e -> new StoreUnavailableException("unexpected", e)));
        assertEquals(3, attempts.get());
        // An update after the same failure is not resent: it may have been applied.
        attempts.set(0);
        assertThrows(StoreUnavailableException.class, () -> calls.run(StoreOperation.UPDATE, "retry-probe", () -> {
            attempts.incrementAndGet();
            throw refused();
        }, e -> new StoreUnavailableException("update failed", e)));
        assertEquals(1, attempts.get());
        // Neptune's ConcurrentModificationException: the transaction was rolled back, so the update goes again.
        attempts.set(0);
        calls.run(StoreOperation.UPDATE, "retry-probe", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new org.eclipse.rdf4j.repository.RepositoryException(
                        "{\"code\":\"ConcurrentModificationException\",\"detailedMessage\":\"conflict\"}");
            }
            return null;
        }, e -> new StoreUnavailableException("unexpected", e));
        assertEquals(2, attempts.get());
    }

    /**
     * The kinds never retried (the embedded store's statement reads, analysts' queries) run without a retry guard
     * (perf23): still one attempt after a refused connection, the failure still mapped, the bulkhead and breaker still
     * around them (20 such failures open it), and their answers and own exceptions pass unchanged.
     */
    @Test
    void kindsNeverRetriedRunOnceInsideTheBreaker() {
        maintenance.reset("graph-store");
        try {
            java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
            for (StoreOperation kind : new StoreOperation[] {StoreOperation.STATEMENTS, StoreOperation.ANALYST}) {
                attempts.set(0);
                StoreUnavailableException failed = assertThrows(StoreUnavailableException.class,
                        () -> calls.run(kind, "no-retry-probe", () -> {
                            attempts.incrementAndGet();
                            throw refused();
                        }, e -> new StoreUnavailableException("mapped", e)));
                assertEquals("mapped", failed.getMessage());
                assertEquals(1, attempts.get(), kind + " is run once");
                assertEquals("answer", calls.run(kind, "no-retry-probe", () -> "answer",
                        e -> new StoreUnavailableException("unexpected", e)));
                assertThrows(InvalidArgumentException.class, () -> calls.run(kind, "no-retry-probe", () -> {
                    throw new InvalidArgumentException("not the store's failure");
                }, e -> new StoreUnavailableException("unexpected", e)));
            }
            for (int i = 0; i < 20; i++) {
                assertThrows(StoreUnavailableException.class, () -> calls.run(StoreOperation.STATEMENTS,
                        "no-retry-probe", () -> {
                            throw refused();
                        }, e -> new StoreUnavailableException("statement read failed", e)));
            }
            assertEquals(CircuitBreakerState.OPEN, maintenance.currentState("graph-store"));
        } finally {
            maintenance.reset("graph-store");
        }
    }

    @Test
    void theBreakerCountsOneFailurePerExhaustedRetrySequence() {
        maintenance.reset("graph-store");
        try {
            java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
            // 7 reads x 3 attempts: 21 failed attempts would fill the breaker's window of 20 and open it; 7 failed
            // calls do not.
            for (int i = 0; i < 7; i++) {
                assertThrows(StoreUnavailableException.class, () -> calls.run(StoreOperation.SELECT, "retry-probe",
                        () -> {
                            attempts.incrementAndGet();
                            throw refused();
                        }, e -> new StoreUnavailableException("read failed after its retries", e)));
            }
            assertEquals(21, attempts.get());
            assertEquals(CircuitBreakerState.CLOSED, maintenance.currentState("graph-store"));
        } finally {
            maintenance.reset("graph-store");
        }
    }

    /** What RDF4J raises when the remote endpoint refuses the connection. */
    private static RuntimeException refused() {
        return new org.eclipse.rdf4j.repository.RepositoryException(new java.net.ConnectException("Connection refused"));
    }

    /** A guarded read through the store edge, as GraphStore runs one. */
    private Object call(java.util.concurrent.Callable<Object> storeCall) {
        return calls.run(StoreOperation.SELECT, "simulated", storeCall,
                e -> new StoreUnavailableException("simulated store failure", e));
    }
}
