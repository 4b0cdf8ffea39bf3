package dev.kggateway.api;

import dev.kggateway.api.types.ProductFilter;
import dev.kggateway.api.types.ProductOrderInput;
import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.ProductOrdering;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.ProductSortField;
import dev.kggateway.domain.error.InvalidArgumentException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a GraphQL {@link ProductFilter} into a {@link ProductQuery} (the filter converts itself, field by field,
 * within the configured size caps: {@link ProductFilter#toQuery}) and an orderBy list into a {@link ProductOrdering}.
 */
@ApplicationScoped
public class ProductFilters {

    static final int MAX_ORDER_KEYS = ProductSortField.values().length;

    @Inject
    KgConfig config;

    public ProductQuery toQuery(ProductFilter f) {
        return f == null ? ProductQuery.ALL : f.toQuery(
                new ProductFilter.Limits(config.limits().maxFilterDepth(), config.limits().maxFilterWidth()));
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
}
