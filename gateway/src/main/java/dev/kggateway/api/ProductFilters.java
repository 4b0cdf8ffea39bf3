package dev.kggateway.api;

import dev.kggateway.domain.error.InvalidArgumentException;
import dev.kggateway.api.types.PriceRangeInput;
import dev.kggateway.api.types.ProductFilter;
import dev.kggateway.api.types.ProductOrderInput;
import dev.kggateway.ingest.PropertyInput;
import dev.kggateway.api.types.PropertyValuesInput;
import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.Ids;
import dev.kggateway.domain.ProductOrdering;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.ProductSortField;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.PropertyIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Validates a GraphQL {@link ProductFilter} into a {@link ProductQuery} and an orderBy list into a
 * {@link ProductOrdering}. Every value is normalised as stored values are (property types and values through
 * {@link Ids}, property nodes minted by {@link PropertyIds} from those), so no client string reaches an IRI unchecked.
 * The size caps are those the limits instrumentation checks before execution (FILTER_TOO_COMPLEX); they are
 * checked here again so that no path can hand the store an unbounded filter.
 */
@ApplicationScoped
public class ProductFilters {

    static final int MAX_FILTER_TEXT = 200;
    static final int MAX_ORDER_KEYS = ProductSortField.values().length;

    @Inject
    KgConfig config;

    public ProductQuery toQuery(ProductFilter f) {
        return f == null ? ProductQuery.ALL : toQuery(f, 1);
    }

    private ProductQuery toQuery(ProductFilter f, int depth) {
        if (depth > config.limits().maxFilterDepth()) {
            throw new InvalidArgumentException("filter nested deeper than " + config.limits().maxFilterDepth() + " levels");
        }
        List<PropertyNode> nodes = list("properties", f.properties, ProductFilters::node).stream().distinct().toList();
        String type = f.propertyType == null ? null : Ids.propertyType(f.propertyType);
        List<String> types = list("hasProperty", f.hasProperty, Ids::propertyType).stream().distinct().toList();
        List<List<PropertyNode>> propertyIn = list("propertyIn", f.propertyIn, this::anyNode);
        String manufacturer = f.manufacturer == null ? null : manufacturer("manufacturer", f.manufacturer);
        List<String> manufacturers = list("manufacturerIn", f.manufacturerIn, m -> manufacturer("manufacturerIn", m))
                .stream().distinct().toList();
        String text = f.text == null ? null : Ids.text("text", f.text, MAX_FILTER_TEXT).toLowerCase(Locale.ROOT);
        if (text != null && text.isBlank()) {
            text = null;
        }
        range("minPrice", "maxPrice", f.minPrice, f.maxPrice);
        List<ProductQuery.PriceRange> ranges = list("priceRanges", f.priceRanges, ProductFilters::range);
        List<ProductQuery> anyOf = list("anyOf", f.anyOf, g -> toQuery(g, depth + 1));
        List<ProductQuery> allOf = list("allOf", f.allOf, g -> toQuery(g, depth + 1));
        ProductQuery not = f.negated == null ? null : toQuery(f.negated, depth + 1);
        return new ProductQuery(nodes, type, manufacturer, f.minPrice, f.maxPrice, text, propertyIn, types,
                manufacturers, ranges, anyOf, allOf, not);
    }

    /** The listing order; RELEVANCE needs a text to rank by ({@link ProductQuery#rankedTexts}). */
    public ProductOrdering toOrdering(List<ProductOrderInput> orderBy, ProductQuery query) {
        if (orderBy == null || orderBy.isEmpty()) {
            return ProductOrdering.BY_ID;
        }
        if (orderBy.size() > MAX_ORDER_KEYS) {
            throw new InvalidArgumentException("at most " + MAX_ORDER_KEYS + " orderBy keys");
        }
        List<ProductOrdering.Key> keys = new ArrayList<>();
        for (ProductOrderInput o : orderBy) {
            if (o == null || o.field == null) {
                throw new InvalidArgumentException("orderBy entries need a field");
            }
            keys.add(new ProductOrdering.Key(o.field, o.direction));
        }
        ProductOrdering ordering = ProductOrdering.of(keys);
        if (ordering.uses(ProductSortField.RELEVANCE) && query.rankedTexts().isEmpty()) {
            throw new InvalidArgumentException("orderBy RELEVANCE ranks matches of the filter's text (filter.text or "
                    + "a text in its anyOf/allOf groups; not one under not); give a non-blank text or another order");
        }
        return ordering;
    }

    private <T, R> List<R> list(String name, List<T> values, Function<T, R> convert) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > config.limits().maxFilterWidth()) {
            throw new InvalidArgumentException("at most " + config.limits().maxFilterWidth() + " entries in " + name);
        }
        List<R> out = new ArrayList<>(values.size());
        for (T v : values) {
            if (v == null) {
                throw new InvalidArgumentException(name + " entries must not be null");
            }
            out.add(convert.apply(v));
        }
        return List.copyOf(out);
    }

    private static PropertyNode node(PropertyInput p) {
        return PropertyIds.node(Ids.propertyType(p.type), Ids.storedPropertyValue(p.value));
    }

    private List<PropertyNode> anyNode(PropertyValuesInput p) {
        String type = Ids.propertyType(p.type);
        List<PropertyNode> nodes = list("propertyIn.values", p.values,
                v -> PropertyIds.node(type, Ids.storedPropertyValue(v))).stream().distinct().toList();
        if (nodes.isEmpty()) {
            throw new InvalidArgumentException("propertyIn entries need at least one value");
        }
        return nodes;
    }

    private static String manufacturer(String field, String value) {
        return Ids.text(field, value, MAX_FILTER_TEXT).strip().toLowerCase(Locale.ROOT);
    }

    private static ProductQuery.PriceRange range(PriceRangeInput r) {
        if (r.min == null && r.max == null) {
            throw new InvalidArgumentException("a price range needs min or max");
        }
        range("priceRanges.min", "priceRanges.max", r.min, r.max);
        return new ProductQuery.PriceRange(r.min, r.max);
    }

    private static void range(String minName, String maxName, Double min, Double max) {
        check(minName, min);
        check(maxName, max);
        if (min != null && max != null && min > max) {
            throw new InvalidArgumentException(minName + " must not exceed " + maxName);
        }
    }

    private static void check(String name, Double price) {
        if (price != null && (price.isNaN() || price.isInfinite() || price < 0)) {
            throw new InvalidArgumentException(name + " must be a non-negative number");
        }
    }
}
