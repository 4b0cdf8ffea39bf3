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
            i = writeLock.locked(() -> {
                if (index == null) {
                    index = build();
                }
                return index;
            });
        }
        return i.exact() ? i : null;
    }

    /** The index if it is built, without building it (null otherwise); for the similarity index's build. */
    ListingIndex built() {
        return index;
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

    private ListingIndex build() {
        long start = System.nanoTime();
        // The similarity index's node objects when it is built: one object per node for both indexes.
        SimilarityIndex other = similarity.built();
        ListingEntries entries = new ListingEntries(iris, other == null ? id -> null : other::node);
        for (IRI predicate : List.of(Vocab.PRODUCT_ID, Vocab.NAME, Vocab.PRICE,
                Vocab.MANUFACTURER, Vocab.HAS_PROPERTY, Vocab.PROPERTY_TYPE, Vocab.PROPERTY_VALUE)) {
            store.forEachStatement(null, predicate, null, iris.catalogGraph(), entries::accept);
        }
        ListingIndex built = new ListingIndex();
        String inexact = entries.inexact();
        if (inexact != null) {
            warnInexact(inexact);
            built.markInexact(inexact);
            return built;
        }
        entries.entries().forEach(p -> built.put(entry(p)));
        LOG.infof("Listing index: %s indexed in %d ms, ~%d KiB", built.describe(),
                (System.nanoTime() - start) / 1_000_000, built.estimatedBytes() / 1024);
        return built;
    }

    private static void warnInexact(String reason) {
        LOG.warnf("Listing index off, listings use SPARQL: the store holds data it cannot mirror exactly (%s)", reason);
    }
}
