package dev.kggateway.support;

import dev.kggateway.domain.ProductQuery;
import dev.kggateway.store.GraphStore;
import dev.kggateway.store.Iris;
import dev.kggateway.store.ProductRepository;
import dev.kggateway.store.StoreCapability;
import dev.kggateway.store.StoreWrites;
import io.quarkus.arc.Arc;
import java.util.List;

/**
 * Per-test data isolation inside a shared test application (WritableStoreProfile, the embedded store): empties the
 * catalogue graph in one store transaction through the write path's {@link StoreWrites#commitEverything}, the commit
 * an RDF import makes, so the listing and similarity indexes and the result cache drop what they mirrored and follow
 * the empty store, then checks that no product is left. Lets tests that need an empty catalogue share one Quarkus
 * application instead of each starting its own store.
 *
 * <p>Why not {@code ProductRepository.remove} per product (what this did before): each remove is its own store
 * transaction (a SPARQL update and a synced LMDB commit, about 10 ms), and the tests empty 200–400 products around
 * every test: about 20 s of ExportImportRoundTripTest's 31 s. What a remove itself does is asserted by the mutation
 * and store suites, not by the tests that use this.
 */
public final class EmptyCatalogue {

    private EmptyCatalogue() {
    }

    public static void empty(ProductRepository products) {
        GraphStore store = Arc.container().instance(GraphStore.class).get();
        if (!store.has(StoreCapability.SINGLE_WRITER)) {
            throw new IllegalStateException("EmptyCatalogue is for the embedded test store: " + store.description());
        }
        Iris iris = Arc.container().instance(Iris.class).get();
        StoreWrites writes = Arc.container().instance(StoreWrites.class).get();
        writes.commitEverything(() -> {
            store.update("test-empty-catalogue", "CLEAR SILENT GRAPH <" + iris.catalogGraph().stringValue() + ">");
            return null;
        });
        // Through the listing index, which the commit dropped: this read builds it again from the empty store, so
        // the test's writes feed a live index, as after the removes this replaces. And by SPARQL, the store itself.
        List<String> left = products.findIds(ProductQuery.ALL, null, 1).items();
        if (!left.isEmpty() || products.totalProducts() != 0) {
            throw new IllegalStateException("catalogue not empty: " + left + ", " + products.totalProducts());
        }
    }
}
