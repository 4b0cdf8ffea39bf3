package dev.kggateway.security;

import dev.kggateway.config.KgConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The {@code kg.auth.*} keys (auth on, protected queries, API keys), asked for every request by {@link AccessCheck},
 * {@link RouteAccess}, {@link ApiKeyIdentityProvider} and {@code api.http.GetCaching}. A bean rather than the
 * configuration read in place, so that a test can switch auth on for itself inside a shared test application
 * (security.AuthTest, security.ProtectedQueriesTest) instead of each set of keys needing a Quarkus application of its
 * own, as {@code limits.RequestBudget} and {@code analyst.SparqlTimeLimit} do for their keys.
 */
@ApplicationScoped
public class AuthSettings {

    @Inject
    KgConfig config;

    public KgConfig.Auth current() {
        return config.auth();
    }
}
