package dev.kggateway.service;

import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.Ids;
import dev.kggateway.domain.Page;
import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.PropertyTypeStats;
import dev.kggateway.domain.Slice;
import dev.kggateway.domain.error.InvalidCursorException;
import dev.kggateway.domain.error.InvalidIdException;
import dev.kggateway.store.ProductRepository;
import dev.kggateway.store.PropertyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/** Read side of the catalogue: products, property nodes and their statistics. */
@ApplicationScoped
public class CatalogService {

    public static final String PRODUCT_CURSOR = "product";
    public static final String PROPERTY_CURSOR = "property";

    @Inject
    ProductRepository products;

    @Inject
    PropertyRepository properties;

    @Inject
    KgConfig config;

    @Inject
    dev.kggateway.cache.ResultCache cache;

    /** The product, or null when the id is well-formed but unknown. */
    public Product product(String id) {
        return cache.products(List.of(Ids.productId(id)), products::findByIds).get(id).orElse(null);
    }

    /** Products by id (unknown ids map to empty). */
    public Map<String, Optional<Product>> products(List<String> ids) {
        return cache.products(ids, products::findByIds);
    }

    /** Products in the order of the ids; unknown ids give null entries. */
    public List<Product> productsInOrder(List<String> ids) {
        Map<String, Optional<Product>> found = cache.products(ids, products::findByIds);
        List<Product> ordered = new ArrayList<>(ids.size());
        ids.forEach(id -> ordered.add(found.get(id).orElse(null)));
        return ordered;
    }

    /**
     * Product summaries by id (fields only, links empty; unknown ids map to empty), for a response that selects no
     * links: a ranking's hits printed by name read a few statements each instead of every link.
     */
    public Map<String, Optional<Product>> summaries(List<String> ids) {
        return cache.summaries(ids, products::summariesByIds);
    }

    public Page<Product> products(ProductQuery query, PageRequest.Args args) {
        return productPage(List.of("products", query), args, slice -> products.findIds(query, slice));
    }

    /** A product of a listing page with its Relay cursor. */
    public record Listed(Product product, String cursor) {
    }

    /**
     * One page of the product listing in the given order (the default id order reads as it always did). The page
     * of positions is cached under the filter, order and cursor; products come from the per-product cache.
     */
    public Page<Listed> listing(ProductQuery query, dev.kggateway.domain.ProductOrdering ordering,
            PageRequest.Args args) {
        dev.kggateway.domain.ProductPosition at = SortCursors.decode(ordering, args.cursor());
        if (ordering.isDefault()) {
            // The id order's own query and cache entries; its cursors are the plain product cursors.
            Page<Product> page = products(query, args);
            return new Page<>(page.items().stream()
                    .map(p -> new Listed(p, Cursors.encode(PRODUCT_CURSOR, p.id()))).toList(),
                    page.hasNext(), page.hasPrevious());
        }
        Page<dev.kggateway.domain.ProductPosition> positions = cache.result(
                Arrays.asList("sorted", query, ordering, at, args.size(), args.backward()),
                () -> products.findSorted(query, ordering, at, args.size(), args.backward()));
        Map<String, Optional<Product>> found = cache.products(
                positions.items().stream().map(dev.kggateway.domain.ProductPosition::id).toList(), products::findByIds);
        List<Listed> items = new ArrayList<>(positions.items().size());
        for (dev.kggateway.domain.ProductPosition position : positions.items()) {
            // A product removed between the two reads is skipped rather than returned as null.
            found.get(position.id()).ifPresent(p -> items.add(new Listed(p, SortCursors.encode(ordering, position))));
        }
        return new Page<>(items, positions.hasNext(), positions.hasPrevious());
    }

    /** Decodes a product cursor, reads the id page (cached under {@code key}) and then the products. */
    private Page<Product> productPage(List<Object> key, PageRequest.Args args,
            Function<Slice, Page<String>> idPage) {
        String at = Cursors.decode(PRODUCT_CURSOR, args.cursor());
        if (at != null && !Ids.isProductId(at)) {
            throw new InvalidCursorException("cursor does not hold a product position");
        }
        Slice slice = new Slice(args.size(), at, args.backward());
        List<Object> cacheKey = new ArrayList<>(key);
        cacheKey.add(slice);
        Page<String> ids = cache.result(cacheKey, () -> idPage.apply(slice));
        // A product removed between the two reads is skipped rather than returned as null.
        List<Product> page = productsInOrder(ids.items()).stream().filter(Objects::nonNull).toList();
        return new Page<>(page, ids.hasNext(), ids.hasPrevious());
    }

    public int count(ProductQuery query) {
        return cache.result(List.of("count", query), () -> products.count(query));
    }

    /** Most property types one facets request may name; the complexity limit prices an absent list at this many. */
    public static final int MAX_FACET_TYPES = 20;

    /**
     * Facets of the listing: for each requested type (all types when null, validated and normalised here), at most
     * {@code first} values by count descending then value. The whole per-type count list is cached, so another
     * {@code first} over the same listing is served from the cache.
     */
    public List<dev.kggateway.domain.Facet> facets(ProductQuery query, List<String> types, int first) {
        if (types != null && types.size() > MAX_FACET_TYPES) {
            throw new dev.kggateway.domain.error.InvalidArgumentException(
                    "at most " + MAX_FACET_TYPES + " facet types per request, got " + types.size());
        }
        List<String> wanted = types == null ? null : types.stream().map(Ids::propertyType).distinct().toList();
        // Cached per set of types: the answer is served in the requested order from the same counts.
        List<String> key = wanted == null ? null : wanted.stream().sorted().toList();
        Map<String, List<dev.kggateway.domain.FacetValue>> all = cache.result(
                List.of("facets", query, String.valueOf(key)), () -> products.facets(query, key));
        List<String> order = wanted == null ? new ArrayList<>(new TreeSet<>(all.keySet())) : wanted;
        List<dev.kggateway.domain.Facet> facets = new ArrayList<>(order.size());
        for (String type : order) {
            List<dev.kggateway.domain.FacetValue> values = all.getOrDefault(type, List.of());
            facets.add(new dev.kggateway.domain.Facet(type, List.copyOf(values.subList(0, Math.min(first, values.size())))));
        }
        return facets;
    }

    /** Price aggregates of the listing, or null when no product of it has a price. */
    public dev.kggateway.domain.PriceStats priceStats(ProductQuery query) {
        return cache.result(List.of("priceStats", query), () -> Optional.ofNullable(products.priceStats(query)))
                .orElse(null);
    }

    public Page<PropertyNode> properties(String type, PageRequest.Args args) {
        String normalisedType = type == null ? null : Ids.propertyType(type);
        String at = Cursors.decode(PROPERTY_CURSOR, args.cursor());
        PropertyNode atNode = null;
        if (at != null) {
            try {
                atNode = PropertyIds.fromId(at);
            } catch (InvalidIdException e) {
                throw new InvalidCursorException("cursor does not hold a property position");
            }
        }
        PropertyNode position = atNode;
        return cache.result(List.of("properties", String.valueOf(normalisedType), String.valueOf(at), args.size(),
                args.backward()), () -> properties.find(normalisedType, position, args.size(), args.backward()));
    }

    /** Number of property nodes, optionally of one type. */
    public int countProperties(String type) {
        String normalisedType = type == null ? null : Ids.propertyType(type);
        return cache.result(List.of("propertiesCount", String.valueOf(normalisedType)),
                () -> properties.count(normalisedType));
    }

    public PropertyNode property(String id) {
        return PropertyIds.fromId(id);
    }

    public Map<String, Integer> productCounts(Collection<PropertyNode> nodes) {
        return cache.result(List.of("productCounts", List.copyOf(nodes)), () -> properties.productCounts(nodes));
    }

    public Page<Product> productsWith(PropertyNode node, PageRequest.Args args) {
        return productPage(List.of("productsWith", node), args, slice -> properties.productIds(node, slice));
    }

    public List<PropertyTypeStats> propertyTypes() {
        return cache.result("propertyTypes", () -> properties.typeStats());
    }

    public KgConfig.Api limits() {
        return config.api();
    }
}
