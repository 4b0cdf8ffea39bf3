package dev.kggateway.limits;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * Bulkhead around model inference: at most kg.limits.inference-concurrency calls run at once (mapped onto the
 * MicroProfile key in application.properties); a further call fails at once with BulkheadException rather than
 * waiting, because a waiting call would hold an HTTP worker thread that queries need.
 */
@ApplicationScoped
public class InferenceGuard {

    // 1 here, 2 by default through application.properties: ObservabilityTest proves the configured value wins.
    @Bulkhead(1)
    public <T> T run(Supplier<T> work) {
        return work.get();
    }
}
