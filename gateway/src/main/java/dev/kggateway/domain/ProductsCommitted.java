package dev.kggateway.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * What one store write committed, published once after the commit as a synchronous CDI event to what mirrors the
 * store in memory (the similarity index, the listing index, the result cache), so the repositories that write know
 * none of them. Published by this instance's writes and by the change feed for other instances' writes to a shared
 * remote store. On the embedded store it is published under the write lock, so observers see commits in commit order.
 *
 * <p>A bulk add ({@link Kind#ADDED}) names its products lazily: collecting them from a transaction's statements
 * costs the committing thread about a tenth of its work, and in the {@code bulk-load} command, which builds no
 * in-memory mirror, nobody asks (BENCHMARKS, "Bulk load without the spin").
 */
public final class ProductsCommitted {

    /** The products a bulk add committed, and why a mirror cannot reproduce them exactly (or null). */
    public record Added(List<ProductState> products, String unmirrorable) {
    }

    private final Kind kind;
    private final List<String> removed;
    private Supplier<Added> pending;
    private List<ProductState> written;
    private String unmirrorable;

    private ProductsCommitted(Kind kind, List<ProductState> written, List<String> removed, String unmirrorable) {
        this.kind = kind;
        this.written = written;
        this.removed = removed;
        this.unmirrorable = unmirrorable;
    }

    private ProductsCommitted(Supplier<Added> added) {
        this(Kind.ADDED, null, List.of(), null);
        this.pending = added;
    }

    /** What the commit did. */
    public Kind kind() {
        return kind;
    }

    /** Products as the store now holds them ({@link Kind#WRITTEN}, {@link Kind#ADDED}). */
    public synchronized List<ProductState> written() {
        resolve();
        return written;
    }

    /** Ids of products the store no longer holds ({@link Kind#WRITTEN}). */
    public List<String> removed() {
        return removed;
    }

    /** Why the written data has a shape an in-memory mirror cannot reproduce exactly (a foreign bulk load), or null. */
    public synchronized String unmirrorable() {
        resolve();
        return unmirrorable;
    }

    private void resolve() {
        if (pending != null) {
            Added added = pending.get();
            written = added.products();
            unmirrorable = added.unmirrorable();
            pending = null;
        }
    }

    public enum Kind {
        /** Products replaced, created or removed, each listed. */
        WRITTEN,
        /** New products added in bulk (bulk-load fast path): listed, but caches treat it as {@link #EVERYTHING}. */
        ADDED,
        /** Anything may have changed (RDF import, migration, a load that bypassed this process): mirrors rebuild. */
        EVERYTHING
    }

    /** A product's fields and property nodes as committed: what the in-memory mirrors hold of it. */
    public record ProductState(String id, String name, Double price, String currency, String manufacturer,
            List<PropertyNode> nodes) {

        public static ProductState of(Product product) {
            return new ProductState(product.id(), product.name(), product.price(), product.currency(),
                    product.manufacturer(),
                    product.links().stream().map(PropertyLink::property).toList());
        }
    }

    public static ProductsCommitted written(Collection<Product> written, Collection<String> removed) {
        return new ProductsCommitted(Kind.WRITTEN, written.stream().map(ProductState::of).toList(),
                List.copyOf(removed), null);
    }

    public static ProductsCommitted removed(String id) {
        return new ProductsCommitted(Kind.WRITTEN, List.of(), List.of(id), null);
    }

    /** New products added in bulk, collected by {@code added} when an observer first asks for them. */
    public static ProductsCommitted added(Supplier<Added> added) {
        return new ProductsCommitted(added);
    }

    public static ProductsCommitted everything() {
        return new ProductsCommitted(Kind.EVERYTHING, List.of(), List.of(), null);
    }

    /** Ids written or removed; null when anything may have changed (bulk adds and rebuilds: cheaper than a list). */
    public Collection<String> productIds() {
        if (kind != Kind.WRITTEN) {
            return null;
        }
        List<String> ids = new ArrayList<>(written.size() + removed.size());
        written.forEach(p -> ids.add(p.id()));
        ids.addAll(removed);
        return ids;
    }
}
