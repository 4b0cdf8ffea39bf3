package dev.kggateway.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated product filter. Values are already normalised. Every non-empty condition must hold (AND):
 * {@code properties} (every node), {@code propertyIn} (per entry, one of its nodes), {@code hasProperty} (a
 * property of every type), {@code manufacturerIn} (one of them), {@code priceRanges} (a price in one of the
 * ranges), {@code anyOf} (at least one sub-filter), {@code allOf} (every sub-filter), {@code not} (the sub-filter
 * does not hold).
 */
public record ProductQuery(List<PropertyNode> properties, String propertyType, String manufacturer, Double minPrice,
        Double maxPrice, String text, List<List<PropertyNode>> propertyIn, List<String> hasProperty,
        List<String> manufacturerIn, List<PriceRange> priceRanges, List<ProductQuery> anyOf,
        List<ProductQuery> allOf, ProductQuery not) {

    /** An inclusive price range; a null bound is open. */
    public record PriceRange(Double min, Double max) {
    }

    public static final ProductQuery ALL = new ProductQuery(List.of(), null, null, null, null, null);

    /** The flat filter of earlier versions (no lists, no groups). */
    public ProductQuery(List<PropertyNode> properties, String propertyType, String manufacturer, Double minPrice,
            Double maxPrice, String text) {
        this(properties, propertyType, manufacturer, minPrice, maxPrice, text, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), null);
    }

    /**
     * The texts orderBy RELEVANCE ranks by, distinct, in filter order: this filter's {@code text} and those of its
     * {@code allOf} and {@code anyOf} groups at any depth; never a text under {@code not} (it names what the products
     * do not contain).
     */
    public List<String> rankedTexts() {
        LinkedHashSet<String> texts = new LinkedHashSet<>();
        collectRankedTexts(texts);
        return List.copyOf(texts);
    }

    private void collectRankedTexts(Set<String> texts) {
        if (text != null) {
            texts.add(text);
        }
        allOf.forEach(g -> g.collectRankedTexts(texts));
        anyOf.forEach(g -> g.collectRankedTexts(texts));
    }

    /** The products linked to one property node: the listing of {@code Property.products}. */
    public static ProductQuery linkedTo(PropertyNode node) {
        return new ProductQuery(List.of(node), null, null, null, null, null);
    }
}
