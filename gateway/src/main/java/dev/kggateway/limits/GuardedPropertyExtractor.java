package dev.kggateway.limits;

import dev.kggateway.domain.error.OverloadedException;
import dev.kggateway.ner.ExtractedProperty;
import dev.kggateway.ner.PropertyExtractor;
import dev.kggateway.observability.LatencyHistograms;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * Decorates every PropertyExtractor (the DJL one included, without touching it): bulkhead, inference latency
 * timer, batch-size summary and a trace span.
 */
@Decorator
@Priority(10)
public abstract class GuardedPropertyExtractor implements PropertyExtractor {

    public static final String BATCH_SUMMARY = "kg.ner.batch.size";

    @Inject
    @Delegate
    @Any
    PropertyExtractor delegate;

    @Inject
    InferenceGuard guard;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracer tracer;

    @Override
    public List<List<ExtractedProperty>> extract(List<String> texts) {
        DistributionSummary.builder(BATCH_SUMMARY).description("texts per inference call").baseUnit("texts")
                .register(registry).record(texts.size());
        Span span = tracer.spanBuilder("ner extract").setAttribute("kg.ner.texts", texts.size()).startSpan();
        long start = System.nanoTime();
        String outcome = "error";
        try (Scope ignored = span.makeCurrent()) {
            List<List<ExtractedProperty>> result = guard.run(() -> delegate.extract(texts));
            outcome = "ok";
            return result;
        } catch (BulkheadException e) {
            outcome = "rejected";
            span.setStatus(StatusCode.ERROR, "bulkhead full");
            throw new OverloadedException("the model is busy with other requests; retry later", e);
        } finally {
            Timer.builder(LatencyHistograms.INFERENCE_TIMER).description("NER inference latency per call").tag("outcome", outcome)
                    .register(registry).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            span.end();
        }
    }
}
