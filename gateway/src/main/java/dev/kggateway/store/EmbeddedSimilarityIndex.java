package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import dev.kggateway.config.RunMode;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.similarity.SimilarityIndex;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Owns the {@link SimilarityIndex} of the embedded store and the lock that keeps it in step with the store: every
 * embedded write and its index update run under one lock, and so does the initial build from the store, so the index
 * never misses or double-applies a write. Remote stores (several writers) always use SPARQL.
 */
@ApplicationScoped
public class EmbeddedSimilarityIndex {

    @Inject
    RunMode runMode;

    private static final Logger LOG = Logger.getLogger(EmbeddedSimilarityIndex.class);

    @Inject
    GraphStore store;

    @Inject
    Iris iris;

    @Inject
    KgConfig config;

    private final Object writeLock = new Object();
    private volatile SimilarityIndex index;

    boolean enabled() {
        return store.has(StoreCapability.SINGLE_WRITER) && config.store().similarityIndex();
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled() && !runMode.command()) {
            get();
        }
    }

    /** The index, built on first use; null when not enabled. */
    SimilarityIndex get() {
        if (!enabled()) {
            return null;
        }
        SimilarityIndex current = index;
        if (current == null) {
            synchronized (writeLock) {
                if (index == null) {
                    index = build();
                }
                current = index;
            }
        }
        return current;
    }

    /** Runs a store write and then, still under the write lock, its index update. */
    <T> T write(Supplier<T> storeWrite, Consumer<SimilarityIndex> indexUpdate) {
        synchronized (writeLock) {
            T result = storeWrite.get();
            if (index != null) {
                indexUpdate.accept(index);
            }
            return result;
        }
    }

    /**
     * Runs {@code action} under the embedded write lock, which every embedded write holds from its store transaction
     * to its index updates: what it reads from the store and what it builds from that cannot miss a write.
     */
    <T> T locked(Supplier<T> action) {
        synchronized (writeLock) {
            return action.get();
        }
    }

    /**
     * Runs a store write whose effect on links the index cannot follow statement by statement (RDF file import: a
     * product's links may arrive in several batches) and drops the index, which is then rebuilt from the store on
     * next use.
     */
    <T> T writeAndRebuild(Supplier<T> storeWrite) {
        synchronized (writeLock) {
            try {
                return storeWrite.get();
            } finally {
                index = null;
            }
        }
    }

    private SimilarityIndex build() {
        long start = System.nanoTime();
        Map<String, List<PropertyNode>> links = new HashMap<>();
        List<String> skipped = new ArrayList<>();
        store.forEachStatement(null, Vocab.HAS_PROPERTY, null, iris.catalogGraph(), st -> {
            try {
                String product = iris.productId(st.getSubject().stringValue());
                PropertyNode property = iris.propertyFromIri(st.getObject().stringValue());
                links.computeIfAbsent(product, k -> new ArrayList<>()).add(property);
            } catch (RuntimeException e) {
                // A link this version cannot parse (foreign or damaged data): start without it, and say so.
                skipped.add(st.getSubject() + " -> " + st.getObject() + " (" + e.getMessage() + ")");
            }
        });
        if (!skipped.isEmpty()) {
            LOG.warnf("Similarity index: skipped %d links it cannot read, e.g. %s", skipped.size(),
                    skipped.subList(0, Math.min(5, skipped.size())));
        }
        SimilarityIndex built = new SimilarityIndex();
        links.forEach(built::put);
        LOG.infof("Similarity index: %d products with links indexed in %d ms", links.size(),
                (System.nanoTime() - start) / 1_000_000);
        return built;
    }
}
