package dev.kggateway.health;

import dev.kggateway.store.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the graph store answers a trivial query. */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements HealthCheck {

    @Inject
    GraphStore store;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("graph-store")
                .status(store.ping())
                .withData("store", store.description())
                .build();
    }
}
