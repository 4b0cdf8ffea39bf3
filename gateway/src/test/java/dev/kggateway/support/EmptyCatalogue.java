package dev.kggateway.support;

import dev.kggateway.domain.ProductQuery;
import dev.kggateway.store.ProductRepository;
import java.util.List;

/**
 * Per-test data isolation inside a shared test application (WritableStoreProfile): removes every product through
 * the write path, so the listing and similarity indexes and the caches follow, until none is left. Lets tests that
 * need an empty catalogue share one Quarkus application instead of each starting its own store.
 */
public final class EmptyCatalogue {

    private EmptyCatalogue() {
    }

    public static void empty(ProductRepository products) {
        while (true) {
            List<String> ids = products.findIds(ProductQuery.ALL, null, 500).items();
            if (ids.isEmpty()) {
                return;
            }
            ids.forEach(products::remove);
        }
    }
}
