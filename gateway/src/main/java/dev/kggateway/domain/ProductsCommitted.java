package dev.kggateway.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What one store write committed, published once after the commit as a synchronous CDI event to what mirrors the
 * store in memory (the similarity index, the listing index, the result cache), so the repositories that write know
 * none of them. Published by this instance's writes and by the change feed for other instances' writes to a shared
 * remote store. On the embedded store it is published under the write lock, so observers see commits in commit order.
 *
 * @param kind what the commit did
 * @param written products as the store now holds them ({@link Kind#WRITTEN}, {@link Kind#ADDED})
 * @param removed ids of products the store no longer holds ({@link Kind#WRITTEN})
 * @param unmirrorable why the written data has a shape an in-memory mirror cannot reproduce exactly (a foreign bulk
 *                     load), or null
 */
public record ProductsCommitted(Kind kind, List<ProductState> written, List<String> removed, String unmirrorable) {

    public enum Kind {
        /** Products replaced, created or removed, each listed. */
        WRITTEN,
        /** New products added in bulk (bulk-load fast path): listed, but caches treat it as {@link #EVERYTHING}. */
        ADDED,
        /** Anything may have changed (RDF import, migration, a load that bypassed this process): mirrors rebuild. */
        EVERYTHING
    }

    /** A product's fields and property nodes as committed: what the in-memory mirrors hold of it. */
    public record ProductState(String id, String name, Double price, String manufacturer,
            List<PropertyNode> nodes) {

        public static ProductState of(Product product) {
            return new ProductState(product.id(), product.name(), product.price(), product.manufacturer(),
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

    public static ProductsCommitted added(List<ProductState> added, String unmirrorable) {
        return new ProductsCommitted(Kind.ADDED, added, List.of(), unmirrorable);
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
