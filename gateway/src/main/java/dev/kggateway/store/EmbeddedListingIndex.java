package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import dev.kggateway.config.RunMode;
import dev.kggateway.domain.ProductOrdering;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.ProductVersion;
import dev.kggateway.domain.PropertyLink;
import dev.kggateway.listing.ListingIndex;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.rdf4j.model.Statement;
import org.jboss.logging.Logger;

/**
 * Owns the {@link ListingIndex} of the embedded store. It is built from the store under the embedded write lock
 * (the one {@link EmbeddedSimilarityIndex} holds around every embedded write), and {@link ProductRepository} feeds
 * it each write after the store transaction committed, still under that lock, so it never misses or reorders a
 * write. Remote stores (several writers), a disabled index ({@code kg.store.listing-index=false}) or a store whose
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
    EmbeddedSimilarityIndex writeLock;

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

    // Feeding: called by ProductRepository inside the embedded write lock, after the store write committed.

    /** Products replaced (or created) with these versions. */
    void replaced(List<ProductVersion> records) {
        ListingIndex i = index;
        if (i != null) {
            records.forEach(r -> i.put(new ListingIndex.Entry(r.product().id(), r.product().name(),
                    r.product().price(), r.product().manufacturer(),
                    r.links().stream().map(PropertyLink::property).toList())));
        }
    }

    /** New products added as statements (bulk load fast path). */
    void added(List<Statement> statements) {
        ListingIndex i = index;
        if (i != null) {
            ListingEntries entries = new ListingEntries(iris);
            statements.forEach(entries::accept);
            String inexact = entries.inexact();
            if (inexact != null) {
                warnInexact(inexact);
                i.markInexact(inexact);
            }
            entries.entries().forEach(i::put);
        }
    }

    /** A product removed. */
    void removed(String id) {
        ListingIndex i = index;
        if (i != null) {
            i.remove(id);
        }
    }

    /** A write the index cannot follow (RDF import): rebuilt from the store on next use. */
    void dropped() {
        index = null;
    }

    private ListingIndex build() {
        long start = System.nanoTime();
        ListingEntries entries = new ListingEntries(iris);
        for (org.eclipse.rdf4j.model.IRI predicate : List.of(Vocab.PRODUCT_ID, Vocab.NAME, Vocab.PRICE,
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
        entries.entries().forEach(built::put);
        LOG.infof("Listing index: %s indexed in %d ms, ~%d KiB", built.describe(),
                (System.nanoTime() - start) / 1_000_000, built.estimatedBytes() / 1024);
        return built;
    }

    private static void warnInexact(String reason) {
        LOG.warnf("Listing index off, listings use SPARQL: the store holds data it cannot mirror exactly (%s)", reason);
    }
}
