package dev.kggateway.store;

import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.PropertyNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
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
        // Most selective constraint first: a property node has few products, a price range many.
        for (PropertyNode property : q.properties()) {
            w.append("?product kg:hasProperty ").append(NamedQuery.term(iris.property(property))).append(" .\n");
        }
        if (q.propertyType() != null) {
            w.append("FILTER EXISTS { ?product kg:hasProperty ?typed . ?typed kg:propertyType ")
                    .append(NamedQuery.term(VF.createLiteral(q.propertyType()))).append(" }\n");
        }
        if (q.manufacturer() != null) {
            w.append("?product kg:manufacturer ?manufacturer .\n")
                    .append("FILTER(LCASE(STR(?manufacturer)) = ")
                    .append(NamedQuery.term(VF.createLiteral(q.manufacturer()))).append(")\n");
        }
        if (q.minPrice() != null || q.maxPrice() != null) {
            w.append("?product kg:price ?price .\n");
            if (q.minPrice() != null) {
                w.append("FILTER(?price >= ").append(decimal(q.minPrice())).append(")\n");
            }
            if (q.maxPrice() != null) {
                w.append("FILTER(?price <= ").append(decimal(q.maxPrice())).append(")\n");
            }
        }
        if (q.text() != null) {
            w.append("?product kg:name ?filterName .\n")
                    .append("OPTIONAL { ?product kg:description ?filterDescription }\n")
                    .append("FILTER(CONTAINS(LCASE(CONCAT(STR(?filterName), \" \", COALESCE(STR(?filterDescription), \"\"))), ")
                    .append(NamedQuery.term(VF.createLiteral(q.text()))).append("))\n");
        }
        return new NamedQuery.Fragment(w.toString());
    }

    /** Keyset condition on a string sort key: after it (forward) or before it (backward); empty without a key. */
    NamedQuery.Fragment after(String variable, String key, boolean backward) {
        if (key == null) {
            return new NamedQuery.Fragment("");
        }
        return new NamedQuery.Fragment("FILTER(STR(?" + variable + ") " + (backward ? "<" : ">") + " "
                + NamedQuery.term(VF.createLiteral(key)) + ")");
    }

    /** ORDER BY of a keyset read on one variable: descending when reading backward (nearest the cursor first). */
    static NamedQuery.Fragment order(boolean backward, String... variables) {
        StringBuilder b = new StringBuilder();
        for (String v : variables) {
            b.append(b.length() == 0 ? "" : " ").append(backward ? "DESC(?" + v + ")" : "?" + v);
        }
        return new NamedQuery.Fragment(b.toString());
    }

    private static String decimal(double value) {
        return NamedQuery.term(VF.createLiteral(BigDecimal.valueOf(value)));
    }
}
