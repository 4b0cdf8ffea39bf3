package dev.kggateway.limits;

import dev.kggateway.domain.error.StoreUnavailableException;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * Isolation at the GraphStore boundary, the one place every store call passes: a bulkhead of
 * {@code kg.store.max-concurrent-calls} calls in flight (a call beyond fails at once, so a hung store holds at most
 * that many HTTP worker threads, each for at most the store's socket timeout, and cached or store-free requests keep
 * their threads), inside a circuit breaker. StoreUnavailableException (the store did not answer in time or refused)
 * and bulkhead rejections (the store is too slow to keep up) count as failures, so a hung store opens the breaker
 * within a second instead of after a socket timeout per caller; client errors and bugs do not open it.
 * The breaker probes after its delay (half-open) and closes after two answered calls. Retries and socket/query timeouts live inside the
 * store package (remote store: socket, connect and query timeouts shorter than the request timeout), so this adds
 * neither (a {@code @Timeout} would interrupt the calling thread, which does not end a blocking socket read and harms
 * the embedded store's file channels): a retry here would multiply theirs. Tunable without code via
 * {@code quarkus.fault-tolerance."graph-store"...} or the MicroProfile keys
 * {@code dev.kggateway.limits.StoreGuard/call/CircuitBreaker/...}; state and reset through
 * SmallRye's {@code CircuitBreakerMaintenance} under the name {@code graph-store} (see docs/production.md).
 */
@ApplicationScoped
public class StoreGuard {

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = {StoreUnavailableException.class, BulkheadException.class})
    @CircuitBreakerName("graph-store")
    @Bulkhead(32) // kg.store.max-concurrent-calls, through application.properties
    public Object call(Callable<Object> storeCall) throws Exception {
        return storeCall.call();
    }
}
