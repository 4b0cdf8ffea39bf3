package dev.kggateway.store;

import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.PropertyNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/**
 * Turns a validated {@link ProductQuery} into graph patterns. Property constraints become minted property-node IRIs;
 * every other value is an escaped literal. Patterns use the {@code ?product} variable of the enclosing named query.
 */
@ApplicationScoped
public class ProductFilterSparql {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    @Inject
    Iris iris;

    NamedQuery.Fragment where(ProductQuery q) {
        StringBuilder w = new StringBuilder();
        append(q, w, new int[1]);
        return new NamedQuery.Fragment(w.toString());
    }

    /**
     * Appends the patterns of one filter level. Top-level conditions on single-valued fields are joins (as before
     * groups existed: the store can start from the most selective one); groups and multi-valued conditions are
     * FILTER (NOT) EXISTS, so no condition multiplies a product's rows. Variables get a per-query number, so a
     * nested group never meets a variable of its parent by accident.
     */
    private void append(ProductQuery q, StringBuilder w, int[] counter) {
        // Most selective constraint first: a property node has few products, a price range many.
        for (PropertyNode property : q.properties()) {
            w.append("?product kg:hasProperty ").append(NamedQuery.term(iris.property(property))).append(" .\n");
        }
        for (List<PropertyNode> anyOf : q.propertyIn()) {
            String v = var("link", counter);
            w.append("FILTER EXISTS { VALUES ").append(v).append(" { ");
            anyOf.forEach(p -> w.append(NamedQuery.term(iris.property(p))).append(' '));
            w.append("} ?product kg:hasProperty ").append(v).append(" }\n");
        }
        List<String> types = new ArrayList<>(q.hasProperty());
        if (q.propertyType() != null && !types.contains(q.propertyType())) {
            types.add(0, q.propertyType());
        }
        for (String type : types) {
            String v = var("typed", counter);
            w.append("FILTER EXISTS { ?product kg:hasProperty ").append(v).append(" . ").append(v)
                    .append(" kg:propertyType ").append(literal(type)).append(" }\n");
        }
        if (q.manufacturer() != null) {
            String v = var("manufacturer", counter);
            w.append("?product kg:manufacturer ").append(v).append(" .\n")
                    .append("FILTER(LCASE(STR(").append(v).append(")) = ").append(literal(q.manufacturer())).append(")\n");
        }
        if (!q.manufacturerIn().isEmpty()) {
            String v = var("manufacturer", counter);
            w.append("?product kg:manufacturer ").append(v).append(" .\n")
                    .append("FILTER(LCASE(STR(").append(v).append(")) IN (")
                    .append(q.manufacturerIn().stream().map(ProductFilterSparql::literal).collect(Collectors.joining(", ")))
                    .append("))\n");
        }
        if (q.minPrice() != null || q.maxPrice() != null) {
            String v = var("price", counter);
            w.append("?product kg:price ").append(v).append(" .\n")
                    .append("FILTER(").append(range(v, q.minPrice(), q.maxPrice())).append(")\n");
        }
        if (!q.priceRanges().isEmpty()) {
            String v = var("price", counter);
            w.append("?product kg:price ").append(v).append(" .\n").append("FILTER(")
                    .append(q.priceRanges().stream().map(r -> "(" + range(v, r.min(), r.max()) + ")")
                            .collect(Collectors.joining(" || ")))
                    .append(")\n");
        }
        if (q.text() != null) {
            String name = var("name", counter);
            String description = var("description", counter);
            w.append("?product kg:name ").append(name).append(" .\n")
                    .append("OPTIONAL { ?product kg:description ").append(description).append(" }\n")
                    .append("FILTER(CONTAINS(LCASE(CONCAT(STR(").append(name).append("), \" \", COALESCE(STR(")
                    .append(description).append("), \"\"))), ").append(literal(q.text())).append("))\n");
        }
        for (ProductQuery all : q.allOf()) {
            w.append("FILTER EXISTS {\n");
            append(all, w, counter);
            w.append("}\n");
        }
        if (!q.anyOf().isEmpty()) {
            w.append("FILTER(");
            for (int i = 0; i < q.anyOf().size(); i++) {
                w.append(i == 0 ? "" : " || ").append("EXISTS {\n");
                append(q.anyOf().get(i), w, counter);
                w.append("}");
            }
            w.append(")\n");
        }
        if (q.not() != null) {
            w.append("FILTER NOT EXISTS {\n");
            append(q.not(), w, counter);
            w.append("}\n");
        }
    }

    private static String var(String name, int[] counter) {
        return "?f" + (counter[0]++) + "_" + name;
    }

    private static String range(String v, Double min, Double max) {
        List<String> parts = new ArrayList<>(2);
        if (min != null) {
            parts.add(v + " >= " + decimal(min));
        }
        if (max != null) {
            parts.add(v + " <= " + decimal(max));
        }
        return String.join(" && ", parts);
    }

    private static String literal(String value) {
        return NamedQuery.term(VF.createLiteral(value));
    }

    private static String decimal(double value) {
        return NamedQuery.term(VF.createLiteral(BigDecimal.valueOf(value)));
    }
}
