package dev.kggateway.store;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import org.jboss.logging.Logger;

/**
 * At start-up, after an embedded write failed to commit in an earlier run (marker file {@code write-failed} in the
 * store folder), removes the triples that write left without their values, so reads and the similarity index see a
 * consistent store. Runs before anything reads the store; logs what it removed.
 */
@ApplicationScoped
public class FailedWriteRepair {

    private static final Logger LOG = Logger.getLogger(FailedWriteRepair.class);

    @Inject
    GraphStore store;

    @Inject
    Iris iris;

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!store.isEmbedded() || !Files.exists(store.failedWriteMarker())) {
            return;
        }
        try {
            int removed = store.removeUnreadableStatements(iris.catalogGraph());
            LOG.warnf("A write failed to commit in an earlier run (%s): removed %d statements it left without their"
                    + " values", store.failedWriteMarker().getFileName(), removed);
            Files.delete(store.failedWriteMarker());
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Repair after a failed write did not finish; reads skip the damaged statements, and the"
                    + " next start tries again");
        }
    }
}
