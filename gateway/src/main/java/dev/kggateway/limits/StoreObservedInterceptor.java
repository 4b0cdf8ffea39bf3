package dev.kggateway.limits;

import dev.kggateway.domain.error.StoreUnavailableException;
import dev.kggateway.observability.LatencyHistograms;
import dev.kggateway.store.StoreObserved;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Set;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Times and traces the store's query methods ({@code select}, {@code ask}, {@code update}, whose first argument is
 * the query name; also the embedded fast paths, replace and statement-API reads) and runs them through {@link StoreGuard}'s circuit breaker. Other methods pass straight through:
 * the readiness ping must see the store's real state, not the breaker's.
 */
@StoreObserved
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_AFTER + 100)
public class StoreObservedInterceptor {


    private static final Set<String> OPERATIONS = Set.of("select", "ask", "update", "query"); // query: /sparql

    @Inject
    MeterRegistry registry;

    @Inject
    Tracer tracer;

    @Inject
    StoreGuard guard;

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        String operation = ctx.getMethod().getName();
        String queryName;
        if (operation.equals("replaceEmbedded")) {
            // The embedded store's fast path of replace-product (statement API, no SPARQL text): same name,
            // operation "statements", so dashboards can compare it with the SPARQL update.
            queryName = "replace-product";
            operation = "statements";
        } else if (operation.equals("readEmbedded") && ctx.getParameters()[0] instanceof String name) {
            // The embedded store's statement-API answer to a named read query (products-by-iri): its name,
            // operation "statements".
            queryName = name;
            operation = "statements";
        } else if (OPERATIONS.contains(operation) && ctx.getParameters().length > 0
                && ctx.getParameters()[0] instanceof String name) {
            queryName = name;
        } else {
            return ctx.proceed();
        }
        Span span = tracer.spanBuilder("sparql " + queryName).setSpanKind(SpanKind.CLIENT)
                .setAttribute("db.system", "sparql").setAttribute("db.operation", operation)
                .setAttribute("kg.query", queryName).startSpan();
        long start = System.nanoTime();
        String outcome = "error";
        try (Scope ignored = span.makeCurrent()) {
            Object result = guard.call(ctx::proceed);
            outcome = "ok";
            return result;
        } catch (CircuitBreakerOpenException e) {
            span.setStatus(StatusCode.ERROR, "circuit open");
            throw new StoreUnavailableException("graph store circuit is open after repeated failures; retry later", e);
        } catch (org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException e) {
            span.setStatus(StatusCode.ERROR, "bulkhead full");
            throw new StoreUnavailableException("graph store is not keeping up (too many calls in flight); retry later",
                    e);
        } catch (Exception e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            Timer.builder(LatencyHistograms.SPARQL_TIMER).description("SPARQL latency per named query")
                    .tag("query", queryName).tag("operation", operation).tag("outcome", outcome)
                    .register(registry).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            span.end();
        }
    }
}
