package dev.kggateway.api;

import dev.kggateway.api.types.ProductFilter;
import dev.kggateway.domain.Ids;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.error.InvalidArgumentException;
import dev.kggateway.ingest.PropertyInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/** Validates a GraphQL {@link ProductFilter} into a {@link ProductQuery}. */
@ApplicationScoped
public class ProductFilters {

    static final int MAX_FILTER_PROPERTIES = 20;
    static final int MAX_FILTER_TEXT = 200;

    public ProductQuery toQuery(ProductFilter f) {
        if (f == null) {
            return ProductQuery.ALL;
        }
        List<PropertyInput> inputs = f.properties == null ? List.of() : f.properties;
        if (inputs.size() > MAX_FILTER_PROPERTIES) {
            throw new InvalidArgumentException("at most " + MAX_FILTER_PROPERTIES + " property conditions");
        }
        List<PropertyNode> nodes = inputs.stream()
                .map(p -> PropertyIds.node(Ids.propertyType(p.type), Ids.storedPropertyValue(p.value)))
                .distinct()
                .toList();
        String type = f.propertyType == null ? null : Ids.propertyType(f.propertyType);
        String manufacturer = f.manufacturer == null ? null
                : Ids.text("manufacturer", f.manufacturer, MAX_FILTER_TEXT).strip().toLowerCase(Locale.ROOT);
        String text = f.text == null ? null : Ids.text("text", f.text, MAX_FILTER_TEXT).toLowerCase(Locale.ROOT);
        if (text != null && text.isBlank()) {
            text = null;
        }
        check("minPrice", f.minPrice);
        check("maxPrice", f.maxPrice);
        if (f.minPrice != null && f.maxPrice != null && f.minPrice > f.maxPrice) {
            throw new InvalidArgumentException("minPrice must not exceed maxPrice");
        }
        return new ProductQuery(nodes, type, manufacturer, f.minPrice, f.maxPrice, text);
    }

    private static void check(String name, Double price) {
        if (price != null && (price.isNaN() || price.isInfinite() || price < 0)) {
            throw new InvalidArgumentException(name + " must be a non-negative number");
        }
    }
}
