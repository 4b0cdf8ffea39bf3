package dev.kggateway.limits;

import dev.kggateway.config.KgConfig;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The wall-clock budget of one GraphQL execution ({@code kg.limits.request-timeout}), asked once per request by
 * {@link LimitsInstrumentation}, which graphql-java keeps for the life of the engine. A bean rather than a value
 * captured at start, so that a test can give one request a budget of its own (RequestTimeoutTest: 1 ms, inside the
 * shared test application instead of a Quarkus application built and started for that one key).
 */
@ApplicationScoped
@Unremovable // looked up by GraphQlLimits (a ServiceLoader service), injected nowhere
public class RequestBudget {

    @Inject
    KgConfig config;

    public Duration current() {
        return config.limits().requestTimeout();
    }
}
