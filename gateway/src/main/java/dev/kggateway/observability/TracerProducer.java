package dev.kggateway.observability;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link Tracer} every bean gets (store calls' {@code sparql …} spans, SmallRye GraphQL's operation span), in
 * place of Quarkus' default producer: the same tracer while the OpenTelemetry SDK is on, the no-op tracer while it
 * is off ({@code quarkus.otel.sdk.disabled=true}, the default here). With the SDK off Quarkus still hands out an SDK
 * tracer whose spans record attributes and timings, become current (context and MDC updates) and are then dropped,
 * for no trace anyone receives (JFR: OpenTelemetry frames in ~3 % of an uncached product(id)'s samples). SmallRye's
 * tracing still makes its no-op span current per request, which costs a context attach.
 */
@ApplicationScoped
public class TracerProducer {

    /** The instrumentation name Quarkus' own producer uses, so enabled traces look the same. */
    static final String NAME = "io.quarkus.opentelemetry";

    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false")
    boolean sdkDisabled;

    @Produces
    @ApplicationScoped
    Tracer tracer() {
        return sdkDisabled ? TracerProvider.noop().get(NAME) : GlobalOpenTelemetry.getTracer(NAME);
    }
}
