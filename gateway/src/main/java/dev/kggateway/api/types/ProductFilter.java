package dev.kggateway.api.types;

import dev.kggateway.domain.Ids;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.error.InvalidArgumentException;
import dev.kggateway.ingest.PropertyInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Description("All given conditions must hold (an absent or empty condition adds nothing). Groups (anyOf, allOf, not) "
        + "nest other filters: at most kg.limits.max-filter-depth levels, kg.limits.max-filter-width entries per "
        + "list and kg.limits.max-filter-conditions conditions in all, else FILTER_TOO_COMPLEX.")
@Input("ProductFilter")
public class ProductFilter {
    @Description("Products linked to every one of these property nodes (type + value, normalised like stored values).")
    public List<@NonNull PropertyInput> properties;
    @Description("Products with at least one property of this type (same as hasProperty: [type]).")
    public String propertyType;
    @Description("Products with at least one property of each of these types.")
    public List<@NonNull String> hasProperty;
    @Description("For each entry: products linked to at least one of its values of its type (an IN list; entries "
            + "are ANDed).")
    public List<@NonNull PropertyValuesInput> propertyIn;
    @Description("Manufacturer, compared case-insensitively.")
    public String manufacturer;
    @Description("Products whose manufacturer is one of these, compared case-insensitively (an IN list).")
    public List<@NonNull String> manufacturerIn;
    @Description("Lowest price, inclusive (non-negative; same currency units as stored).")
    public Double minPrice;
    @Description("Highest price, inclusive (non-negative, not below minPrice).")
    public Double maxPrice;
    @Description("Products with a price in at least one of these ranges (products without a price never match).")
    public List<@NonNull PriceRangeInput> priceRanges;
    @Description("Text contained (case-insensitively) in the name or description.")
    public String text;
    @Description("At least one of these filters holds (OR).")
    public List<@NonNull ProductFilter> anyOf;
    @Description("Every one of these filters holds (AND).")
    public List<@NonNull ProductFilter> allOf;
    @Name("not")
    @Description("This filter does not hold (NOT). A price condition under not also matches products without a price.")
    public ProductFilter negated;

    /** Text fields (text, manufacturer) are at most this long after normalisation. */
    static final int MAX_FILTER_TEXT = 200;

    /** The size caps of {@code kg.limits}: nesting levels and entries per list. */
    public record Limits(int maxDepth, int maxWidth) {
    }

    /**
     * This filter as a validated {@link ProductQuery}: each field is checked and normalised as stored values are
     * (property types and values through {@link Ids}, property nodes minted by {@link PropertyIds} from those), so no
     * client string reaches an IRI unchecked. A field's declaration above and its conversion here are the API's
     * whole share of a new filter field. The size caps are those the limits instrumentation checks before execution
     * (FILTER_TOO_COMPLEX); they are checked here again so that no path can hand the store an unbounded filter.
     */
    public ProductQuery toQuery(Limits limits) {
        return toQuery(limits, 1);
    }

    private ProductQuery toQuery(Limits limits, int depth) {
        if (depth > limits.maxDepth()) {
            throw new InvalidArgumentException("filter nested deeper than " + limits.maxDepth() + " levels");
        }
        List<PropertyNode> nodes = list(limits, "properties", properties, ProductFilter::node).stream().distinct()
                .toList();
        String type = propertyType == null ? null : Ids.propertyType(propertyType);
        List<String> types = list(limits, "hasProperty", hasProperty, Ids::propertyType).stream().distinct().toList();
        List<List<PropertyNode>> in = list(limits, "propertyIn", propertyIn, p -> anyNode(limits, p));
        String maker = manufacturer == null ? null : manufacturer("manufacturer", manufacturer);
        List<String> makers = list(limits, "manufacturerIn", manufacturerIn, m -> manufacturer("manufacturerIn", m))
                .stream().distinct().toList();
        String contained = text == null ? null : Ids.text("text", text, MAX_FILTER_TEXT).toLowerCase(Locale.ROOT);
        if (contained != null && contained.isBlank()) {
            contained = null;
        }
        range("minPrice", "maxPrice", minPrice, maxPrice);
        List<ProductQuery.PriceRange> ranges = list(limits, "priceRanges", priceRanges, ProductFilter::range);
        List<ProductQuery> any = list(limits, "anyOf", anyOf, g -> g.toQuery(limits, depth + 1));
        List<ProductQuery> all = list(limits, "allOf", allOf, g -> g.toQuery(limits, depth + 1));
        ProductQuery not = negated == null ? null : negated.toQuery(limits, depth + 1);
        return new ProductQuery(nodes, type, maker, minPrice, maxPrice, contained, in, types, makers, ranges, any,
                all, not);
    }

    private static <T, R> List<R> list(Limits limits, String name, List<T> values, Function<T, R> convert) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > limits.maxWidth()) {
            throw new InvalidArgumentException("at most " + limits.maxWidth() + " entries in " + name);
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

    private static List<PropertyNode> anyNode(Limits limits, PropertyValuesInput p) {
        String type = Ids.propertyType(p.type);
        List<PropertyNode> nodes = list(limits, "propertyIn.values", p.values,
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
