package dev.kggateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A bulk add's products are collected only when an observer asks (the bulk-load command builds no mirror, so nobody
 * does), at most once, and what the collector returned is what every observer sees.
 */
class ProductsCommittedTest {

    private static final ProductsCommitted.ProductState P1 = new ProductsCommitted.ProductState("P1", "one", 1.5, "EUR",
            "acme", List.of());

    @Test
    void addedProductsAreCollectedOnFirstAskOnly() {
        AtomicInteger calls = new AtomicInteger();
        ProductsCommitted.Added added = new ProductsCommitted.Added(List.of(P1), "a foreign shape");
        ProductsCommitted commit = ProductsCommitted.added(() -> {
            calls.incrementAndGet();
            return added;
        });

        assertEquals(ProductsCommitted.Kind.ADDED, commit.kind());
        assertNull(commit.productIds(), "caches treat a bulk add as everything, without collecting");
        assertEquals(List.of(), commit.removed());
        assertEquals(0, calls.get(), "nothing collected before an observer asks");

        assertSame(added.products(), commit.written());
        assertEquals("a foreign shape", commit.unmirrorable());
        assertSame(added.products(), commit.written());
        assertEquals(1, calls.get(), "collected once for every observer");
    }

    @Test
    void writtenAndRemovedAreAsGiven() {
        Product product = new Product("P2", "two", null, null, null, null, List.of());
        ProductsCommitted commit = ProductsCommitted.written(List.of(product), List.of("P3"));

        assertEquals(ProductsCommitted.Kind.WRITTEN, commit.kind());
        assertEquals(List.of("P2"), commit.written().stream().map(ProductsCommitted.ProductState::id).toList());
        assertEquals(List.of("P2", "P3"), List.copyOf(commit.productIds()));
        assertNull(commit.unmirrorable());
    }
}
