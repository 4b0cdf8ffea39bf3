package dev.kggateway.listing;

import dev.kggateway.domain.ProductSortField;
import java.util.EnumMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The listing index's products sorted by one column each (name, price, id, property count), built on first use and
 * dropped by every write that changes a product. A sorted column lets a page walk the products in listing order and
 * stop after the page instead of ranking every matching product, and gives each product a dense rank so that name
 * and id compare as ints.
 *
 * <p>Sorting 100k products takes tens of milliseconds, so a dropped column is rebuilt at most once per
 * {@link #REBUILD_INTERVAL_NANOS}: under a steady stream of writes a listing uses the scan (always correct) instead
 * of paying a sort after every write. Callers hold the index's read lock; {@link #clear()} runs under its write lock.
 */
final class SortedColumns {

    /**
     * One column's order: {@code order} holds the products of the column (ordinals), ascending by the column value
     * then by id, products without a price after the priced ones ({@code valued} of them are priced / have a value);
     * {@code rank[p]} is the position in {@code order} of the first product with p's value (equal values, equal
     * rank), -1 for an ordinal not in the column.
     */
    record Sorted(int[] order, int[] rank, int valued) {
    }

    static final long REBUILD_INTERVAL_NANOS = 1_000_000_000L;

    private final EnumMap<ProductSortField, Sorted> columns = new EnumMap<>(ProductSortField.class);
    private final EnumMap<ProductSortField, Long> builtAt = new EnumMap<>(ProductSortField.class);
    private final LongSupplier clock;

    SortedColumns(LongSupplier clock) {
        this.clock = clock;
    }

    /** The sorted column, built now unless it was built less than the rebuild interval ago; null then. */
    synchronized Sorted sorted(ProductSortField field, Function<ProductSortField, Sorted> build) {
        Sorted s = columns.get(field);
        if (s != null) {
            return s;
        }
        long now = clock.getAsLong();
        Long last = builtAt.get(field);
        if (last != null && now - last < REBUILD_INTERVAL_NANOS) {
            return null;
        }
        s = build.apply(field);
        columns.put(field, s);
        builtAt.put(field, now);
        return s;
    }

    /** The column if it is built and current, else null (never builds). */
    synchronized Sorted current(ProductSortField field) {
        return columns.get(field);
    }

    /** Heap bytes of the built columns (two int arrays each). */
    synchronized long estimatedBytes() {
        return columns.values().stream().mapToLong(c -> 4L * (c.order().length + c.rank().length) + 32).sum();
    }

    /** Drops every column: a product changed. */
    synchronized void clear() {
        columns.clear();
    }
}
