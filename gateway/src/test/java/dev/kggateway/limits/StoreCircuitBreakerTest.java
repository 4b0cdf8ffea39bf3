package dev.kggateway.limits;

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
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The store circuit breaker: the outage is simulated by store calls that throw the store's own
 * StoreUnavailableException through the real breaker (an embedded store cannot be made to fail on demand); the
 * effect on GraphQL is checked against the real store. The breaker is reset afterwards, other tests share it.
 */
@QuarkusTest
class StoreCircuitBreakerTest {

    @Inject
    StoreGuard guard;

    @Inject
    CircuitBreakerMaintenance maintenance;

    static final String LOOKUP = "query($id: ID!) { product(id: $id) { id } }";

    @Test
    void opensAfterRepeatedStoreFailuresFailsFastAndRecovers() throws Exception {
        maintenance.reset("graph-store");
        try {
            for (int i = 0; i < 20; i++) {
                assertThrows(StoreUnavailableException.class, () -> guard.call(() -> {
                    throw new StoreUnavailableException("simulated outage");
                }));
            }
            assertEquals(CircuitBreakerState.OPEN, maintenance.currentState("graph-store"));
            AtomicBoolean ran = new AtomicBoolean();
            assertThrows(CircuitBreakerOpenException.class, () -> guard.call(() -> {
                ran.set(true);
                return null;
            }));
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
            assertThrows(InvalidArgumentException.class, () -> guard.call(() -> {
                throw new InvalidArgumentException("bad input is not an outage");
            }));
        }
        assertEquals(CircuitBreakerState.CLOSED, maintenance.currentState("graph-store"));
    }
}
