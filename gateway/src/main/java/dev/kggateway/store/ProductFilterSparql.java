package dev.kggateway.store;

import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.PropertyNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/**
 * Turns a validated {@link ProductQuery} into graph patterns, from the fragments of
 * {@code sparql/fragments/product-filter.rq}. Property constraints become minted property-node IRIs; every other value
 * is an escaped literal. Patterns use the {@code ?product} variable of the enclosing named query.
 */
@ApplicationScoped
public class ProductFilterSparql {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    @Inject
    Iris iris;

    NamedQuery.Fragment where(ProductQuery q) {
        return patterns(q, new int[1]);
    }

    /**
     * The patterns of one filter level (fragments of {@code fragments/product-filter.rq}). Top-level conditions on
     * single-valued fields are joins (as before groups existed: the store can start from the most selective one);
     * groups and multi-valued conditions are FILTER (NOT) EXISTS, so no condition multiplies a product's rows.
     * Variables get a per-query number, so a nested group never meets a variable of its parent by accident.
     */
    private NamedQuery.Fragment patterns(ProductQuery q, int[] counter) {
        List<NamedQuery.Fragment> w = new ArrayList<>();
        // Most selective constraint first: a property node has few products, a price range many.
        for (PropertyNode property : q.properties()) {
            w.add(piece("property", "property", iris.property(property)));
        }
        for (List<PropertyNode> anyOf : q.propertyIn()) {
            w.add(piece("property-in", "link", var("link", counter),
                    "properties", anyOf.stream().map(iris::property).toList()));
        }
        List<String> types = new ArrayList<>(q.hasProperty());
        if (q.propertyType() != null && !types.contains(q.propertyType())) {
            types.add(0, q.propertyType());
        }
        for (String type : types) {
            w.add(piece("has-type", "typed", var("typed", counter), "type", VF.createLiteral(type)));
        }
        if (q.manufacturer() != null) {
            w.add(piece("manufacturer", "v", var("manufacturer", counter),
                    "manufacturer", VF.createLiteral(q.manufacturer())));
        }
        if (!q.manufacturerIn().isEmpty()) {
            w.add(piece("manufacturer-in", "v", var("manufacturer", counter),
                    "manufacturers", q.manufacturerIn().stream().map(VF::createLiteral).toList()));
        }
        if (q.minPrice() != null || q.maxPrice() != null) {
            NamedQuery.Variable v = var("price", counter);
            w.add(piece("price", "v", v, "ranges", List.of(range(v, q.minPrice(), q.maxPrice()))));
        }
        if (!q.priceRanges().isEmpty()) {
            NamedQuery.Variable v = var("price", counter);
            w.add(piece("price", "v", v,
                    "ranges", q.priceRanges().stream().map(r -> range(v, r.min(), r.max())).toList()));
        }
        if (q.text() != null) {
            w.add(piece("text", "name", var("name", counter), "description", var("description", counter),
                    "text", VF.createLiteral(q.text())));
        }
        for (ProductQuery all : q.allOf()) {
            w.add(piece("all-of", "patterns", patterns(all, counter)));
        }
        if (!q.anyOf().isEmpty()) {
            List<NamedQuery.Fragment> alternatives = new ArrayList<>();
            for (ProductQuery any : q.anyOf()) {
                alternatives.add(piece("exists", "patterns", patterns(any, counter)));
            }
            w.add(piece("any-of", "alternatives", alternatives));
        }
        if (q.not() != null) {
            w.add(piece("not", "patterns", patterns(q.not(), counter)));
        }
        return NamedQuery.Fragment.lines(w);
    }

    private static NamedQuery.Fragment piece(String name, Object... args) {
        return NamedQuery.fragment("product-filter#" + name, args);
    }

    private static NamedQuery.Variable var(String name, int[] counter) {
        return new NamedQuery.Variable("f" + (counter[0]++) + "_" + name);
    }

    private static NamedQuery.Fragment range(NamedQuery.Variable v, Double min, Double max) {
        List<NamedQuery.Fragment> bounds = new ArrayList<>(2);
        if (min != null) {
            bounds.add(piece("price-min", "v", v, "min", decimal(min)));
        }
        if (max != null) {
            bounds.add(piece("price-max", "v", v, "max", decimal(max)));
        }
        return piece("price-range", "bounds", bounds);
    }

    private static Literal decimal(double value) {
        return VF.createLiteral(BigDecimal.valueOf(value));
    }
}
