package dev.kggateway.store;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.Files;
import org.jboss.logging.Logger;

/**
 * At start-up, when the last run did not close the embedded store (crash: open marker left behind) or marked it
 * damaged (a write failed to commit, or a read met a value it could not read back: marker {@code write-failed}),
 * removes the triples left without their values, so reads and the similarity index see a consistent store. RDF4J's
 * LMDB store commits a transaction's triples before its values, so a crash between the two commits leaves such
 * triples: the transaction cut by the crash is then absent as a whole when it only added products. Runs before
 * anything else reads the store (before {@link DotSegmentIriMigration} and the similarity index); logs what it did.
 */
@ApplicationScoped
public class StoreRepairOnStart {

    private static final Logger LOG = Logger.getLogger(StoreRepairOnStart.class);

    /** Before every other start-up observer that reads the store. */
    static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE;

    @Inject
    GraphStore store;

    @Inject
    Iris iris;

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) {
        if (!store.has(StoreCapability.LOCAL_TRANSACTIONS) || !store.needsRepair()) {
            return;
        }
        String why = Files.exists(store.failedWriteMarker())
                ? "a write failed to commit or a read met damaged data in an earlier run (" + store.failedWriteMarker().getFileName() + ")"
                : "the last run ended without closing the store (crash or kill)";
        try {
            long started = System.nanoTime();
            int removed = store.removeUnreadableStatements(iris.catalogGraph());
            LOG.warnf("Store repair: %s; removed %d statements left without their values (%d ms)", why, removed,
                    (System.nanoTime() - started) / 1_000_000);
            Files.deleteIfExists(store.failedWriteMarker());
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Store repair did not finish; reads skip the damaged statements, and the next start tries"
                    + " again");
            store.markForRepair("the start-up repair did not finish");
        }
    }
}
