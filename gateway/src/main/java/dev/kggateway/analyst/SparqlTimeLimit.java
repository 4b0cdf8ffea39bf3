package dev.kggateway.analyst;

import dev.kggateway.config.KgConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The time limit of one /sparql query ({@code kg.sparql.timeout}), asked by {@link SparqlEndpoint} for every query. A
 * bean rather than the configuration read in place, so that a test can give one query a limit of its own
 * (EmbeddedSparqlEndpointTest: 1 s for the query that must be stopped, where waiting out the shipped 8 s asserted
 * nothing more), as {@code limits.RequestBudget} does for the GraphQL request budget.
 */
@ApplicationScoped
public class SparqlTimeLimit {

    @Inject
    KgConfig config;

    public Duration current() {
        return config.sparql().timeout();
    }
}
