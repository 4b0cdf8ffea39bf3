package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import dev.kggateway.config.RunMode;
import dev.kggateway.domain.ProductOrdering;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.ProductsCommitted;
import dev.kggateway.listing.ListingIndex;
import dev.kggateway.similarity.SimilarityIndex;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.rdf4j.model.IRI;
import org.jboss.logging.Logger;

/**
 * Owns the {@link ListingIndex} of the embedded store. It is built from the store under the embedded write lock
 * (the one {@link StoreWrites} holds around every write), and follows every {@link ProductsCommitted}, which is
 * published after the store transaction committed, still under that lock, so it never misses or reorders a write. Remote stores (several writers), a disabled index ({@code kg.store.listing-index=false}) or a store whose
 * data the index cannot mirror exactly answer listings with SPARQL.
 */
@ApplicationScoped
public class EmbeddedListingIndex {

    private static final Logger LOG = Logger.getLogger(EmbeddedListingIndex.class);

    @Inject
    RunMode runMode;

    @Inject
    GraphStore store;

    @Inject
    Iris iris;

    @Inject
    KgConfig config;

    @Inject
    StoreWrites writeLock;

    @Inject
    StoreSimilarityIndex similarity;

    private volatile ListingIndex index;
    private final LongAdder statementsRead = new LongAdder();

    boolean enabled() {
        return store.has(StoreCapability.SINGLE_WRITER) && config.store().listingIndex();
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled() && !runMode.command()) {
            current();
        }
    }

    /** The index when it answers this listing exactly (no filter text, no RELEVANCE), else null: use SPARQL. */
    public ListingIndex serving(ProductQuery query, ProductOrdering ordering) {
        ListingIndex i = current();
        return i != null && i.answers(query, ordering) ? i : null;
    }

    /** The index, built on first use; null when not enabled or not exact. */
    ListingIndex current() {
        if (!enabled()) {
            return null;
        }
        ListingIndex i = index;
        if (i == null) {
            i = buildFromStore();
        }
        return i != null && i.exact() ? i : null;
    }

    /** Statements the builds of this index read from the store (tests: one scan builds both indexes). */
    long statementsRead() {
        return statementsRead.sum();
    }

    /** The index if it is built, without building it (null otherwise); for the similarity index's build. */
    ListingIndex built() {
        return index;
    }

    /**
     * Builds this index from the store if it is enabled and not built, and the similarity index with it from the
     * same scan (see {@link #build}), under the write lock (the similarity index's build already holds it: the
     * lock is reentrant); returns the index as the lock left it (null when not enabled).
     */
    ListingIndex buildFromStore() {
        return writeLock.locked(() -> {
            if (enabled() && index == null) {
                index = build();
            }
            return index;
        });
    }

    /** Applies a commit: called under the write lock, after the store transaction committed. */
    void onCommitted(@Observes ProductsCommitted commit) {
        if (commit.kind() == ProductsCommitted.Kind.EVERYTHING) {
            dropped();
            return;
        }
        ListingIndex i = index;
        if (i == null) {
            return;
        }
        if (commit.unmirrorable() != null) {
            warnInexact(commit.unmirrorable());
            i.markInexact(commit.unmirrorable());
        }
        commit.written().forEach(p -> i.put(entry(p)));
        commit.removed().forEach(i::remove);
    }

    /** A write the index cannot follow (RDF import, migration): rebuilt from the store on next use. */
    void dropped() {
        index = null;
    }

    private static ListingIndex.Entry entry(ProductsCommitted.ProductState p) {
        return new ListingIndex.Entry(p.id(), p.name(), p.price(), p.manufacturer(), p.nodes());
    }

    /**
     * One scan of the catalogue's statements (under the write lock: one version of the store) builds this index and,
     * when it is enabled and not built yet, the similarity index: the scan reads every product's links and name,
     * which is all the similarity index holds, so it no longer scans the links and names a second time (BSBM 1M: a
     * 16-minute start, 204 s of it the similarity index's own scan; BENCHMARKS.md "One catalogue scan at start").
     * The two are filled product by product while the scan's rows are dropped, and take the same node objects.
     * When the store holds what this index cannot mirror, the similarity index is left to its own scan, whose
     * reading of such data (a link it cannot parse is skipped, not fatal) this one does not copy.
     */
    private ListingIndex build() {
        long start = System.nanoTime();
        // The similarity index's node objects when it is built: one object per node for both indexes.
        SimilarityIndex other = similarity.built();
        boolean withSimilarity = other == null && similarity.enabled();
        ListingEntries entries = new ListingEntries(iris, other == null ? id -> null : other::node);
        for (IRI predicate : List.of(Vocab.PRODUCT_ID, Vocab.NAME, Vocab.PRICE, Vocab.CURRENCY,
                Vocab.MANUFACTURER, Vocab.HAS_PROPERTY, Vocab.PROPERTY_TYPE, Vocab.PROPERTY_VALUE)) {
            store.forEachStatement(null, predicate, null, iris.catalogGraph(), entries::accept);
        }
        statementsRead.add(entries.statements());
        long scanned = System.nanoTime();
        ListingIndex built = new ListingIndex();
        String inexact = entries.inexact();
        if (inexact != null) {
            warnInexact(inexact);
            built.markInexact(inexact);
            return built;
        }
        SimilarityIndex both = withSimilarity ? new SimilarityIndex() : null;
        long[] similarityNanos = {0};
        int[] withLinks = {0};
        entries.drain(p -> {
            built.put(entry(p));
            if (both != null && !p.nodes().isEmpty()) {
                // as the similarity index's own scan: the products with links, by the id their IRI carries
                long t = System.nanoTime();
                both.put(p.id(), p.nodes(), p.name(), p.price(), p.currency());
                similarityNanos[0] += System.nanoTime() - t;
                withLinks[0]++;
            }
        });
        long end = System.nanoTime();
        LOG.infof("Listing index: %s indexed in %d ms (catalogue scan: %d statements in %d ms%s), ~%d KiB",
                built.describe(), (end - start - similarityNanos[0]) / 1_000_000, entries.statements(),
                (scanned - start) / 1_000_000, both == null ? "" : ", shared with the similarity index",
                built.estimatedBytes() / 1024);
        if (both != null) {
            similarity.installBuilt(both, withLinks[0], similarityNanos[0]);
        }
        return built;
    }

    private static void warnInexact(String reason) {
        LOG.warnf("Listing index off, listings use SPARQL: the store holds data it cannot mirror exactly (%s)", reason);
    }
}
