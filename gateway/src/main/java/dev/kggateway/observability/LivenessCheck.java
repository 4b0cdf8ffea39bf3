package dev.kggateway.observability;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless JVM threads are deadlocked. Deliberately independent of the store and the model: a slow store
 * makes the pod unready (readiness), and restarting it would not help.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] deadlocked = threads.findDeadlockedThreads();
        return HealthCheckResponse.named("jvm")
                .status(deadlocked == null)
                .withData("deadlockedThreads", deadlocked == null ? 0 : deadlocked.length)
                .build();
    }
}
