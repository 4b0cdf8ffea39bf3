package dev.kggateway.limits;

import dev.kggateway.api.error.StoreUnavailableException;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Circuit breaker at the GraphStore boundary. Only StoreUnavailableException (the store did not answer or refused)
 * counts as a failure; client errors and bugs do not open it. Retries and socket/query timeouts live inside the
 * store package (remote store), so this adds neither: a retry here would multiply theirs. Tunable without code via
 * {@code quarkus.fault-tolerance."graph-store"...} or the MicroProfile keys
 * {@code dev.kggateway.limits.StoreGuard/call/CircuitBreaker/...}; state and reset through
 * SmallRye's {@code CircuitBreakerMaintenance} under the name {@code graph-store} (see docs/production.md).
 */
@ApplicationScoped
public class StoreGuard {

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 2, failOn = StoreUnavailableException.class)
    @CircuitBreakerName("graph-store")
    public Object call(Callable<Object> storeCall) throws Exception {
        return storeCall.call();
    }
}
