package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.error.StoreUnavailableException;
import dev.kggateway.observability.LatencyHistograms;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.rdf4j.query.QueryEvaluationException;
import org.eclipse.rdf4j.query.UpdateExecutionException;
import org.eclipse.rdf4j.repository.RepositoryException;
import org.jboss.logging.Logger;

/**
 * The store's fault tolerance, in one place at its edge: every guarded {@link GraphStore} call declares its
 * {@link StoreOperation} and runs through {@link #run}, which applies, from the outside in (SmallRye Fault
 * Tolerance's programmatic API):
 * <ol>
 * <li>a {@code kg.sparql} timer (tags query, operation, outcome) and a client trace span;</li>
 * <li>the circuit breaker {@code graph-store} ({@code kg.store.breaker.*}): StoreUnavailableException (the store did
 * not answer in time or refused, after its retries) and bulkhead rejections count as failures, so a hung store
 * opens it within a second instead of after a socket timeout per caller; client errors and bugs do not. It sits
 * outside the retries, so it sees one failure per exhausted retry sequence; state and reset through SmallRye's
 * {@code CircuitBreakerMaintenance} under its name;</li>
 * <li>a bulkhead of {@code kg.store.max-concurrent-calls} calls in flight, no queue: a call beyond fails at once, so
 * a hung store holds at most that many HTTP worker threads, and cached or store-free requests keep theirs;</li>
 * <li>retries with exponential backoff ({@code kg.store.max-attempts}, {@code kg.store.retry-backoff}) of the
 * failures the operation declares worth another attempt: reads after transient errors, updates only after
 * Neptune's ConcurrentModificationException.</li>
 * </ol>
 * Timeouts are the store's own, set on every request where it is prepared (socket and connect timeouts of the
 * remote store, {@code kg.store.query-timeout} as the query's execution limit), not a Fault Tolerance
 * {@code Timeout}: that interrupts the calling thread, which does not end a blocking socket read and harms the
 * embedded store's file channels. Calls that are not guarded (readiness ping, exports, index scans) do not come here:
 * readiness must see the store's real state, not the breaker's, and an export runs for minutes.
 */
@ApplicationScoped
public class StoreCalls {

    /** The circuit breaker's name, for {@code CircuitBreakerMaintenance} (state, reset) and the FT metrics. */
    public static final String BREAKER = "graph-store";

    private static final Logger LOG = Logger.getLogger(StoreCalls.class);

    @Inject
    KgConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracer tracer;

    private Guard isolation;
    private final Map<StoreOperation, Guard> retries = new EnumMap<>(StoreOperation.class);

    @PostConstruct
    void build() {
        KgConfig.Store store = config.store();
        KgConfig.Store.Breaker breaker = store.breaker();
        Guard.Builder builder = Guard.create().withDescription(BREAKER);
        if (breaker.enabled()) {
            builder = builder.withCircuitBreaker().name(BREAKER)
                    .requestVolumeThreshold(breaker.requestVolumeThreshold()).failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS).successThreshold(breaker.successThreshold())
                    .failOn(List.of(StoreUnavailableException.class, BulkheadException.class)).done();
        }
        isolation = builder.withBulkhead().limit(store.maxConcurrentCalls()).done().build();
        // First pause 50–100 % of the backoff (3/4 of it ± 1/4), doubled every further retry.
        long backoff = Math.max(1, store.retryBackoff().toMillis());
        for (StoreOperation operation : StoreOperation.values()) {
            // A kind never retried (the embedded statement reads, analysts' queries) or a single attempt allowed:
            // no retry guard, whose bookkeeping (a FaultToleranceContext, futures, a loop) would run for nothing on
            // every call; the attempt then runs once inside the breaker and bulkhead, as the guard would run it.
            if (!operation.mayRetry() || store.maxAttempts() <= 1) {
                continue;
            }
            retries.put(operation, Guard.create().withRetry()
                    .maxRetries(Math.max(0, store.maxAttempts() - 1))
                    .delay(backoff * 3 / 4, ChronoUnit.MILLIS).jitter(backoff / 4, ChronoUnit.MILLIS)
                    .whenException(e -> isStoreFailure(e) && operation.retries(e))
                    .withExponentialBackoff().factor(2).done()
                    .done().build());
        }
    }

    /**
     * Runs one attempt-able store call: {@code attempt} may run several times (see the class comment) and throws
     * RDF4J's exceptions as they come; when the last attempt failed with one, {@code unavailable} turns it into the
     * StoreUnavailableException the breaker counts and the client sees.
     */
    <T> T run(StoreOperation operation, String queryName, Callable<T> attempt,
            Function<RuntimeException, StoreUnavailableException> unavailable) {
        Span span = tracer.spanBuilder("sparql " + queryName).setSpanKind(SpanKind.CLIENT)
                .setAttribute("db.system", "sparql").setAttribute("db.operation", operation.tag())
                .setAttribute("kg.query", queryName).startSpan();
        long start = System.nanoTime();
        String outcome = "error";
        // Current only when recorded: a span that is not (tracing off) has nothing to parent, and making it current
        // costs a context attach and MDC updates per store call.
        try (Scope ignored = span.isRecording() ? span.makeCurrent() : Scope.noop()) {
            T result = guarded(operation, queryName, attempt, unavailable);
            outcome = "ok";
            return result;
        } catch (CircuitBreakerOpenException e) {
            span.setStatus(StatusCode.ERROR, "circuit open");
            throw new StoreUnavailableException("graph store circuit is open after repeated failures; retry later", e);
        } catch (BulkheadException e) {
            span.setStatus(StatusCode.ERROR, "bulkhead full");
            throw new StoreUnavailableException("graph store is not keeping up (too many calls in flight); retry later",
                    e);
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            timer(queryName, operation, outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            span.end();
        }
    }

    private record TimerKey(String query, StoreOperation operation, String outcome) {
    }

    /** Timers by query, operation and outcome: registered once, not looked up in the registry per call. */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private Timer timer(String queryName, StoreOperation operation, String outcome) {
        return timers.computeIfAbsent(new TimerKey(queryName, operation, outcome), k ->
                Timer.builder(LatencyHistograms.SPARQL_TIMER).description("SPARQL latency per named query")
                        .tag("query", k.query()).tag("operation", k.operation().tag()).tag("outcome", k.outcome())
                        .register(registry));
    }

    @SuppressWarnings("unchecked")
    private <T> T guarded(StoreOperation operation, String queryName, Callable<T> attempt,
            Function<RuntimeException, StoreUnavailableException> unavailable) {
        Guard retry = retries.get(operation);
        int[] attempts = {0};
        Callable<Object> counted = () -> {
            if (attempts[0]++ > 0) {
                LOG.debugf("retrying %s (attempt %d)", queryName, attempts[0]);
            }
            return attempt.call();
        };
        try {
            return (T) isolation.call(() -> {
                try {
                    return retry == null ? counted.call() : retry.call(counted, Object.class);
                } catch (RepositoryException | QueryEvaluationException | UpdateExecutionException e) {
                    throw unavailable.apply(e);
                }
            }, Object.class);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("store call " + queryName + " threw a checked exception", e);
        }
    }

    /** The exceptions RDF4J raises for a failed request; anything else (ours, bugs) is never retried. */
    private static boolean isStoreFailure(Throwable e) {
        return e instanceof RepositoryException || e instanceof QueryEvaluationException
                || e instanceof UpdateExecutionException;
    }
}
