package dev.kggateway.store;

import dev.kggateway.domain.FacetValue;
import dev.kggateway.domain.Page;
import dev.kggateway.domain.PriceStats;
import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductOrdering;
import dev.kggateway.domain.ProductPosition;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.ProductVersion;
import dev.kggateway.domain.ProductsCommitted;
import dev.kggateway.domain.PropertyLink;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.PropertySource;
import dev.kggateway.domain.Slice;
import dev.kggateway.listing.ListingIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.query.BindingSet;

/** Reads and writes the product aggregate: a product node, its links and the extraction records of its links. */
@ApplicationScoped
public class ProductRepository {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();


    @Inject
    GraphStore store;

    @Inject
    Iris iris;

    @Inject
    ProductFilterSparql filters;

    @Inject
    ProductTriples triples;

    /** Runs each write and publishes what it committed ({@link ProductsCommitted}) to the in-memory mirrors. */
    @Inject
    StoreWrites writes;

    @Inject
    EmbeddedListingIndex listingIndex;

    @Inject
    ChangeFeed changeFeed;

    /**
     * Products with their links, by id, in no particular order; unknown ids are absent from the map. The embedded
     * store answers through its statement API ({@link ProductStatements}: a few index lookups per product, no SPARQL
     * to parse and optimise: the store was 38 % of an uncached product(id)'s server CPU samples with the query, 14 %
     * without, BENCHMARKS.md); other stores run products-by-iri.rq.
     */
    public Map<String, Product> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return new LinkedHashMap<>();
        }
        List<IRI> products = ids.stream().distinct().map(iris::product).toList();
        if (store.has(StoreCapability.LOCAL_TRANSACTIONS)) {
            return store.readEmbedded("products-by-iri", reader -> new ProductStatements(iris, reader).read(products));
        }
        return findByIdsBySparql(products);
    }

    /**
     * {@link #findByIds} through products-by-iri.rq, on any store (the embedded path's yardstick in tests): its rows
     * are a product's fields or one of its links, in any order; links of an IRI without fields are no product's.
     */
    Map<String, Product> findByIdsBySparql(List<IRI> products) {
        Map<String, Product> fields = new LinkedHashMap<>();
        Map<String, List<BindingSet>> linkRows = new HashMap<>();
        for (BindingSet row : store.select("products-by-iri", Map.of("graph", iris.catalogGraph(), "products", products))) {
            String iri = row.getValue("product").stringValue();
            if (row.hasBinding("id")) {
                fields.putIfAbsent(iri, fields(row.getValue("id").stringValue(), row));
            } else if (row.hasBinding("property")) {
                linkRows.computeIfAbsent(iri, k -> new ArrayList<>()).add(row);
            }
        }
        Map<String, Product> found = new LinkedHashMap<>();
        fields.forEach((iri, product) -> {
            List<PropertyLink> list = new ArrayList<>();
            linkRows.getOrDefault(iri, List.of()).forEach(row -> list.add(link(product.id(), row)));
            list.sort(PropertyLink.ORDER);
            found.put(product.id(), product.withLinks(list));
        });
        return found;
    }

    /** A product's fields from a row of products-by-iri.rq or product-summaries-by-iri.rq (links empty). */
    private static Product fields(String id, BindingSet row) {
        return new Product(id,
                row.getValue("name").stringValue(),
                Rows.stringOrNull(row, "description"),
                Rows.doubleOrNull(row, "price"),
                Rows.stringOrNull(row, "currency"),
                Rows.stringOrNull(row, "manufacturer"));
    }

    /**
     * Products by id, fields only (links empty), for a response that does not select their links (a ranking's hits
     * printed by name); unknown ids are absent. The embedded store reads them through its statement API.
     */
    public Map<String, Product> summariesByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return new LinkedHashMap<>();
        }
        List<IRI> products = ids.stream().distinct().map(iris::product).toList();
        if (store.has(StoreCapability.LOCAL_TRANSACTIONS)) {
            return store.readEmbedded("product-summaries-by-iri",
                    reader -> new ProductStatements(iris, reader).summaries(products));
        }
        return summariesByIdsBySparql(products);
    }

    /** {@link #summariesByIds} through product-summaries-by-iri.rq, on any store (the embedded path's yardstick). */
    Map<String, Product> summariesByIdsBySparql(List<IRI> products) {
        Map<String, Product> found = new LinkedHashMap<>();
        for (BindingSet row : store.select("product-summaries-by-iri",
                Map.of("graph", iris.catalogGraph(), "products", products))) {
            String id = row.getValue("id").stringValue();
            found.putIfAbsent(id, fields(id, row));
        }
        return found;
    }

    /**
     * The product's property nodes in its links' order ({@link PropertyLink#ORDER}), empty for an unknown product:
     * what a similarity ranking weighs. The embedded store reads two index ranges (no extraction records); other
     * stores run links-of-products.rq.
     */
    public List<PropertyNode> propertiesOf(String id) {
        IRI product = iris.product(id);
        if (store.has(StoreCapability.LOCAL_TRANSACTIONS)) {
            return store.readEmbedded("links-of-products", reader -> new ProductStatements(iris, reader).nodes(id, product));
        }
        return linksOf(List.of(id)).get(id).stream().map(PropertyLink::property).toList();
    }

    private PropertyLink link(String productId, BindingSet row) {
        return new PropertyLink(
                productId,
                iris.propertyFromIri(row.getValue("property").stringValue()),
                row.hasBinding("vendor") ? PropertySource.VENDOR : PropertySource.NER,
                Rows.doubleOrNull(row, "confidence"),
                Rows.stringOrNull(row, "modelVersion"));
    }

    /** Every link of each product, vendor links first then by type and value. */
    public Map<String, List<PropertyLink>> linksOf(Collection<String> ids) {
        Map<String, List<PropertyLink>> links = new LinkedHashMap<>();
        ids.forEach(id -> links.put(id, new ArrayList<>()));
        if (ids.isEmpty()) {
            return links;
        }
        List<IRI> products = ids.stream().distinct().map(iris::product).toList();
        for (BindingSet row : store.select("links-of-products", Map.of("graph", iris.catalogGraph(), "products", products))) {
            String productId = iris.productId(row.getValue("product").stringValue());
            links.get(productId).add(link(productId, row));
        }
        links.values().forEach(list -> list.sort(PropertyLink.ORDER));
        return links;
    }

    /** Forward keyset page of product ids after {@code afterId} (exclusive), in id order. */
    public Page<String> findIds(ProductQuery query, String afterId, int first) {
        return findIds(query, Slice.forward(first, afterId));
    }

    /** One keyset page of product ids matching the query, in id order. */
    public Page<String> findIds(ProductQuery query, Slice slice) {
        ListingIndex index = listingIndex.serving(query, null);
        return index != null ? idPage(index, query, slice) : findIdsBySparql(query, slice);
    }

    /** A keyset page in id order from the listing index: the id order is an ordering like any other there. */
    static Page<String> idPage(ListingIndex index, ProductQuery query, Slice slice) {
        Page<ProductPosition> page = index.page(query,
                ProductOrdering.BY_ID,
                slice.key() == null ? null : new ProductPosition(List.of(slice.key())),
                slice.size(), slice.backward());
        return new Page<>(page.items().stream().map(ProductPosition::id).toList(),
                page.hasNext(), page.hasPrevious());
    }

    /** Every product id, unordered, in one read (the remote index build; a page per call costs a scan per page). */
    List<String> allIdsBySparql() {
        return store.select("product-ids", Map.of("graph", iris.catalogGraph())).stream()
                .map(row -> row.getValue("id").stringValue()).toList();
    }

    Page<String> findIdsBySparql(ProductQuery query, Slice slice) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("graph", iris.catalogGraph());
        args.put("where", filters.where(query));
        return idPage("products-page", args, slice);
    }

    /**
     * One keyset page of a listing in a client-chosen order: the positions (sort key values and id) of up to
     * {@code size} products after (forward) or before (backward) {@code at}, in listing order.
     */
    public Page<ProductPosition> findSorted(ProductQuery query,
            ProductOrdering ordering, ProductPosition at, int size,
            boolean backward) {
        ListingIndex index = listingIndex.serving(query, ordering);
        return index != null ? index.page(query, ordering, at, size, backward)
                : findSortedBySparql(query, ordering, at, size, backward);
    }

    Page<ProductPosition> findSortedBySparql(ProductQuery query,
            ProductOrdering ordering, ProductPosition at, int size,
            boolean backward) {
        ProductSortSparql sort = new ProductSortSparql(ordering, query);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("graph", iris.catalogGraph());
        args.put("where", filters.where(query));
        sort.arguments(args);
        return sort.keyset().read(store, "products-sorted", args, at == null ? null : sort.values(at), size, backward,
                sort::position);
    }

    /** Runs a keyset query binding ?id, in id order. */
    private Page<String> idPage(String queryName, Map<String, Object> args, Slice slice) {
        return ID_ORDER.read(store, queryName, args, Keyset.position(slice.key()), slice.size(), slice.backward(),
                row -> row.getValue("id").stringValue());
    }

    static final Keyset ID_ORDER = Keyset.ofStrings("id");

    /** Keyset page of ids of products with a description not yet read by {@code currentModel}. */
    public Page<String> idsToReenrich(String currentModel, boolean includeUnenriched, String afterId, int first) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("graph", iris.catalogGraph());
        args.put("currentModel", VF.createLiteral(currentModel));
        args.put("includeUnenriched", VF.createLiteral(includeUnenriched));
        return idPage("products-to-reenrich", args, Slice.forward(first, afterId));
    }

    public int count(ProductQuery query) {
        ListingIndex index = listingIndex.serving(query, null);
        return index != null ? index.count(query) : countBySparql(query);
    }

    int countBySparql(ProductQuery query) {
        List<BindingSet> rows = store.select("products-count",
                Map.of("graph", iris.catalogGraph(), "where", filters.where(query)));
        return Rows.firstInt(rows, "count");
    }

    /**
     * Facet counts over the products matching the query: per property type (all types when {@code types} is null),
     * every value with its product count, by count descending then value.
     */
    public Map<String, List<FacetValue>> facets(ProductQuery query, List<String> types) {
        ListingIndex index = listingIndex.serving(query, null);
        return index != null ? index.facets(query, types) : facetsBySparql(query, types);
    }

    Map<String, List<FacetValue>> facetsBySparql(ProductQuery query, List<String> types) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("graph", iris.catalogGraph());
        args.put("where", filters.where(query));
        args.put("typeFilter", types == null ? NamedQuery.Fragment.EMPTY
                : NamedQuery.fragment("terms#type-values", "types", types.stream().map(VF::createLiteral).toList()));
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (BindingSet row : store.select("product-facets", args)) {
            facets.computeIfAbsent(row.getValue("type").stringValue(), t -> new ArrayList<>())
                    .add(new FacetValue(row.getValue("value").stringValue(),
                            Rows.intOf(row, "count")));
        }
        return facets;
    }

    /** Price aggregates over the products matching the query; null when none of them has a price. */
    public PriceStats priceStats(ProductQuery query) {
        ListingIndex index = listingIndex.serving(query, null);
        return index != null ? index.priceStats(query) : priceStatsBySparql(query);
    }

    PriceStats priceStatsBySparql(ProductQuery query) {
        List<BindingSet> rows = store.select("product-price-stats",
                Map.of("graph", iris.catalogGraph(), "where", filters.where(query)));
        if (rows.isEmpty() || !rows.get(0).hasBinding("priced")
                || Rows.intOf(rows.get(0), "priced") == 0) {
            return null;
        }
        BindingSet row = rows.get(0);
        return new PriceStats(Rows.doubleOrNull(row, "min"), Rows.doubleOrNull(row, "max"),
                Rows.doubleOrNull(row, "avg"),
                Rows.intOf(row, "priced"));
    }

    public boolean isEmpty() {
        return !store.ask("any-product", Map.of("graph", iris.catalogGraph()));
    }

    public boolean exists(String id) {
        return store.ask("product-exists", Map.of("graph", iris.catalogGraph(), "product", iris.product(id)));
    }

    /** Ids per {@code existing-products} request: keeps each VALUES list, so each request, bounded. */
    private static final int EXISTING_PER_REQUEST = 1000;

    /** The ids among these that name stored products (any number of ids: asked in bounded requests). */
    public Set<String> existing(Collection<String> ids) {
        Set<String> found = new HashSet<>();
        List<IRI> products = ids.stream().distinct().map(iris::product).toList();
        for (int from = 0; from < products.size(); from += EXISTING_PER_REQUEST) {
            List<IRI> chunk = products.subList(from, Math.min(products.size(), from + EXISTING_PER_REQUEST));
            Map<String, Object> bindings = Map.of("graph", iris.catalogGraph(), "products", chunk);
            for (BindingSet row : store.select("existing-products", bindings)) {
                found.add(iris.productId(row.getValue("product").stringValue()));
            }
        }
        return found;
    }

    public int totalProducts() {
        List<BindingSet> rows = store.select("product-count", Map.of("graph", iris.catalogGraph()));
        return Rows.firstInt(rows, "count");
    }

    /**
     * Replaces each product (fields, links, extraction records) with the given version. All records go to the store
     * in one update request, i.e. one transaction: readers see either the old or the new version of every product.
     */
    public void replaceAll(List<ProductVersion> records) {
        if (records.isEmpty()) {
            return;
        }
        replaceAllInParts(List.of(() -> records));
    }

    /**
     * {@link #replaceAll} of records that become ready part by part (batch ingest: the model still reads the next
     * descriptions while the first are written). One transaction for all parts, committed after the last part was
     * got: readers see either the old or the new version of every product, and when getting a part throws, nothing
     * is written and that exception is thrown. The embedded store writes each part into the open transaction as it
     * comes (so the write overlaps the model's work); a remote store gets every part first and sends one update.
     * A later version of one id wins, within a part and across parts.
     */
    public void replaceAllInParts(List<? extends Supplier<List<ProductVersion>>> parts) {
        try {
            writeInParts(parts);
        } catch (GraphStore.PartUnavailable e) {
            throw (RuntimeException) e.getCause(); // the part's own failure; the store rolled back and is fine
        }
    }

    private void writeInParts(List<? extends Supplier<List<ProductVersion>>> parts) {
        List<ProductVersion> written = new ArrayList<>();
        writes.commit(() -> {
            written.clear(); // a retried attempt gets the parts again
            if (store.has(StoreCapability.LOCAL_TRANSACTIONS)) {
                List<Supplier<GraphStore.ReplacePart>> statements = new ArrayList<>(parts.size());
                for (Supplier<List<ProductVersion>> part : parts) {
                    statements.add(() -> {
                        List<ProductVersion> latest = latestOfEachId(part.get());
                        written.addAll(latest);
                        List<Statement> out = new ArrayList<>(latest.size() * 64);
                        latest.forEach(r -> out.addAll(triples.statements(r)));
                        return new GraphStore.ReplacePart(latest.stream().map(r -> iris.product(r.product().id())).toList(),
                                out);
                    });
                }
                store.replaceEmbedded(iris.catalogGraph(), statements, Vocab.HAS_PROPERTY, Vocab.OF_PRODUCT);
                return;
            }
            List<ProductVersion> all = new ArrayList<>();
            parts.forEach(part -> all.addAll(part.get()));
            List<ProductVersion> latest = latestOfEachId(all);
            written.addAll(latest);
            if (latest.isEmpty()) {
                return;
            }
            List<NamedQuery.Fragment> operations = new ArrayList<>(latest.size());
            for (ProductVersion record : latest) {
                operations.add(NamedQuery.fragment("product-write#replace", "graph", iris.catalogGraph(),
                        "product", iris.product(record.product().id()),
                        "triples", ProductTriples.sparqlTriples(triples.statements(record))));
            }
            store.update("replace-product", store.render("replace-product", Map.of("operations", operations,
                    "stamp", changeFeed.stamp(latest.stream().map(r -> r.product().id()).toList()))));
        }, () -> ProductsCommitted.written(latestOfEachId(written).stream().map(ProductVersion::product).toList(),
                List.of()));
    }

    /** The same id twice: the later version wins, as if written one after the other. */
    private static List<ProductVersion> latestOfEachId(List<ProductVersion> records) {
        Map<String, ProductVersion> latest = new LinkedHashMap<>();
        records.forEach(r -> {
            latest.remove(r.product().id());
            latest.put(r.product().id(), r);
        });
        return latest.size() == records.size() ? records : new ArrayList<>(latest.values());
    }

    /**
     * Bulk-load fast path: adds statements of products that do not exist yet ({@link ProductTriples}) in one store
     * transaction, without SPARQL. Callers must have checked that none of the products exists (use
     * {@link #replaceAll} for those).
     */
    public void addNew(List<Statement> statements) {
        writes.commit(() -> store.addStatements(statements), () -> ProductsCommitted.added(() -> {
            ListingEntries entries = new ListingEntries(iris);
            statements.forEach(entries::accept);
            String inexact = entries.inexact();
            return new ProductsCommitted.Added(entries.entries(), inexact);
        }));
    }

    /**
     * Adds statements read from an RDF file (bulk-load of what export wrote) to the catalogue graph as they are, in
     * one transaction: embedded through the statement API, remote as one INSERT DATA. The caller has removed the
     * products the file replaces. The in-memory indexes are rebuilt from the store (on next use; remote: every
     * instance, through the change feed).
     */
    public void addStatements(List<Statement> statements) {
        if (statements.isEmpty()) {
            return;
        }
        IRI graph = iris.catalogGraph();
        List<Statement> inGraph = new ArrayList<>(statements.size());
        statements.forEach(st -> inGraph.add(VF.createStatement(st.getSubject(), st.getPredicate(), st.getObject(), graph)));
        writes.commitEverything(() -> {
            if (store.has(StoreCapability.LOCAL_TRANSACTIONS)) {
                store.addStatements(inGraph);
            } else {
                store.update("insert-data", store.render("insert-data", Map.of("graph", graph,
                        "triples", ProductTriples.sparqlTriples(inGraph), "stamp", changeFeed.stampEverything())));
            }
            return null;
        });
    }

    /**
     * Products were loaded into the store by a path that bypassed this process (Neptune's bulk loader): every
     * mirror rebuilds, this instance's at once, other instances' through the change feed.
     */
    public void changedOutside() {
        writes.commitEverything(() -> {
            changeFeed.markEverythingChanged();
            return null;
        });
    }

    /** Removes a product and the property nodes only it used; false when it did not exist. */
    public boolean remove(String id) {
        if (!exists(id)) {
            return false;
        }
        writes.commit(() -> store.update("remove-product", store.render("remove-product",
                Map.of("graph", iris.catalogGraph(), "product", iris.product(id),
                        "stamp", changeFeed.stamp(List.of(id))))),
                () -> ProductsCommitted.removed(id));
        return true;
    }
}
