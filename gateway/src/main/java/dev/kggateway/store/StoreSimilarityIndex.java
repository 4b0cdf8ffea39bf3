package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import dev.kggateway.config.RunMode;
import dev.kggateway.domain.ProductsCommitted;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.listing.ListingIndex;
import dev.kggateway.similarity.SimilarityIndex;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.eclipse.rdf4j.model.IRI;
import org.jboss.logging.Logger;

/**
 * Owns the {@link SimilarityIndex} of the configured store and keeps it in step with the store by observing every
 * {@link ProductsCommitted}.
 * <ul>
 * <li>Embedded store (this process is the only writer): built from the store on first use under the write lock
 * ({@link StoreWrites}), which every write holds from its transaction to its event's observers, so the index never
 * misses or double-applies a write. After an import or a migration it is dropped and rebuilt on next use.</li>
 * <li>Remote store (several writers): built in the background by the {@link ChangeFeed}, which then publishes the
 * other instances' writes it finds; SPARQL ranks until it is ready ({@link #get} is null). The index may lag the store
 * by up to the feed's staleness bound (README, configuration table).</li>
 * </ul>
 */
@ApplicationScoped
public class StoreSimilarityIndex {

    private static final Logger LOG = Logger.getLogger(StoreSimilarityIndex.class);

    @Inject
    RunMode runMode;

    @Inject
    GraphStore store;

    @Inject
    Iris iris;

    @Inject
    KgConfig config;

    @Inject
    StoreWrites writes;

    @Inject
    ChangeFeed feed;

    @Inject
    EmbeddedListingIndex listing;

    @Inject
    MeterRegistry registry;

    private volatile SimilarityIndex index;
    private final LongAdder statementsRead = new LongAdder();

    boolean enabled() {
        return config.store().similarityIndex()
                && (singleWriter() || config.store().changeFeed().enabled());
    }

    private boolean singleWriter() {
        return store.has(StoreCapability.SINGLE_WRITER);
    }

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("kg.similarity.index.ready", this, i -> i.ready() ? 1 : 0)
                .description("1 while similarProducts ranks with the in-memory index, 0 while it ranks with SPARQL")
                .register(registry);
        if (enabled() && !runMode.command()) {
            if (singleWriter()) {
                get();
            } else {
                feed.start(this);
            }
        }
    }

    /** The index, built on first use on the embedded store; null when not enabled or (remote) not built yet. */
    SimilarityIndex get() {
        if (!enabled()) {
            return null;
        }
        SimilarityIndex current = index;
        if (current == null && singleWriter()) {
            current = writes.locked(() -> {
                if (index == null) {
                    // The listing index's scan builds this one too (EmbeddedListingIndex#build), when it is enabled
                    // and not built: one scan of the catalogue at start, not two.
                    listing.buildFromStore();
                }
                if (index == null) {
                    index = build();
                }
                return index;
            });
        }
        return current;
    }

    /** Statements this index's own scans read from the store (tests: none when the listing index's scan built it). */
    long statementsRead() {
        return statementsRead.sum();
    }

    /** The index if it is built, without building it (null otherwise); for the listing index's build. */
    SimilarityIndex built() {
        return index;
    }

    /** True when the index mirrors the store exactly (embedded); false when it may lag it (remote: change feed). */
    boolean exact() {
        return singleWriter();
    }

    /** Whether rankings come from the index now (diagnostics, tests). */
    public boolean ready() {
        return enabled() && index != null;
    }

    /** Applies a commit; on the embedded store this runs under the write lock, after the transaction committed. */
    void onCommitted(@Observes ProductsCommitted commit) {
        SimilarityIndex i = index;
        if (i == null) {
            return;
        }
        if (commit.kind() == ProductsCommitted.Kind.EVERYTHING) {
            if (singleWriter()) {
                index = null; // rebuilt from the store on next use
            } else {
                feed.rebuildSoon();
            }
            return;
        }
        if (commit.unmirrorable() != null) {
            // A bulk add of data not of the gateway's shape (several names or prices, a price not mirrorable): its
            // nodes, but nothing of its fields, so the hits' fields are read from the store.
            commit.written().forEach(p -> i.put(p.id(), p.nodes(), null));
        } else {
            commit.written().forEach(p -> i.put(p.id(), p.nodes(), p.name(), p.price(), p.currency()));
        }
        commit.removed().forEach(id -> i.put(id, null));
    }

    /** Installs an index the change feed built from a remote store. */
    void install(SimilarityIndex built) {
        index = built;
    }

    /**
     * Installs an index the listing index's scan of the embedded store built (under the write lock), and logs it as
     * {@link #build} does.
     */
    void installBuilt(SimilarityIndex built, int products, long nanos) {
        index = built;
        logBuilt(built, products, nanos, "from the listing index's scan");
    }

    /**
     * The index from its own scan of the links and names: when the listing index is off or cannot mirror the store
     * (and for tests, to compare with what the listing index's scan builds).
     */
    SimilarityIndex build() {
        long start = System.nanoTime();
        Map<String, List<PropertyNode>> links = new HashMap<>();
        List<String> skipped = new ArrayList<>();
        // The listing index's node objects when it is built: one object per node for both indexes.
        ListingIndex other = listing.built();
        Function<String, PropertyNode> known = other == null ? id -> null : other::node;
        long[] statements = {0};
        // Each node parsed once, by IRI: one object per node, not per link (BSBM 100k: 485k nodes, 2.79 M links; with
        // the listing index off, an object per link had this scan need ~680 MB of heap, beyond bench/bsbm.sh's 512m).
        Map<String, PropertyNode> parsed = new HashMap<>();
        store.forEachStatement(null, Vocab.HAS_PROPERTY, null, iris.catalogGraph(), st -> {
            statements[0]++;
            try {
                String product = iris.productId(st.getSubject().stringValue());
                PropertyNode property = parsed.computeIfAbsent(st.getObject().stringValue(),
                        iri -> iris.propertyFromIri(iri, known));
                links.computeIfAbsent(product, k -> new ArrayList<>()).add(property);
            } catch (RuntimeException e) {
                // A link this version cannot parse (foreign or damaged data): start without it, and say so.
                skipped.add(st.getSubject() + " -> " + st.getObject() + " (" + e.getMessage() + ")");
            }
        });
        // The names of the products with links, beside their nodes (SimilarityIndex#names), in the same hold of the
        // write lock, so of the same version.
        Map<String, String> names = new HashMap<>();
        store.forEachStatement(null, Vocab.NAME, null, iris.catalogGraph(), st -> {
            statements[0]++;
            if (st.getSubject() instanceof IRI subject) {
                try {
                    String product = iris.productId(subject.stringValue());
                    if (links.containsKey(product)) {
                        names.putIfAbsent(product, st.getObject().stringValue());
                    }
                } catch (RuntimeException e) {
                    // not a product of this namespace: no name to keep
                }
            }
        });
        if (!skipped.isEmpty()) {
            LOG.warnf("Similarity index: skipped %d links it cannot read, e.g. %s", skipped.size(),
                    skipped.subList(0, Math.min(5, skipped.size())));
        }
        SimilarityIndex built = new SimilarityIndex();
        links.forEach((id, nodes) -> built.put(id, nodes, names.get(id)));
        statementsRead.add(statements[0]);
        logBuilt(built, links.size(), System.nanoTime() - start, "own scan: " + statements[0] + " statements");
        return built;
    }

    private static void logBuilt(SimilarityIndex built, int products, long nanos, String source) {
        // Its size beside the time, so a benchmark can report the index's bytes per link at catalogue scale.
        long[] size = built.linksAndArrayBytes();
        long[] nameBytes = built.namesAndBytes();
        LOG.infof("Similarity index: %d products with links indexed in %d ms (%s); %d links in %d bytes of int arrays"
                + " (%.1f bytes per link); %d names in %d bytes with the price and currency columns (%.1f bytes per"
                + " product)", products, nanos / 1_000_000,
                source, size[0], size[1], size[0] == 0 ? 0.0 : (double) size[1] / size[0], nameBytes[0], nameBytes[1],
                nameBytes[0] == 0 ? 0.0 : (double) nameBytes[1] / nameBytes[0]);
    }
}
