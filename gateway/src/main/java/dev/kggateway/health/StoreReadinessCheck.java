package dev.kggateway.health;

import dev.kggateway.store.FreeSpaceGuard;
import dev.kggateway.store.GraphStore;
import dev.kggateway.store.StoreCapability;
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

    @Inject
    FreeSpaceGuard freeSpace;

    @Inject
    dev.kggateway.config.KgConfig config;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("graph-store").status(store.ping());
        if (config.health().showDetails()) {
            response.withData("store", store.description()); // a path or an endpoint URL: kg.health.show-details
        }
        if (store.has(StoreCapability.LOCAL_TRANSACTIONS)) {
            // Still UP when full: reads work. Writes are refused with STORE_FULL until space is freed.
            FreeSpaceGuard.Status space = freeSpace.status();
            response.withData("diskFull", space.full())
                    .withData("freeBytes", space.usableBytes())
                    .withData("minFreeBytes", space.reserveBytes())
                    .withData("writable", store.writesRefusedReason() == null && !space.full());
            if (store.writesRefusedReason() != null) {
                response.withData("writesRefused", store.writesRefusedReason() + "; restart to resume writes");
            }
        }
        return response.build();
    }
}
