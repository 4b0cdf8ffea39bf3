package dev.kggateway.store;

import dev.kggateway.domain.ProductOrdering;
import dev.kggateway.domain.ProductPosition;
import dev.kggateway.domain.ProductQuery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.query.BindingSet;

/**
 * The sort-key fragments of {@code products-sorted.rq} for one {@link ProductOrdering}. Each key becomes one or two
 * sort terms (a variable with its listing direction); the id is always the last term. Cursor values come back in as
 * validated {@link ProductPosition}s and go into the query only as typed, escaped literals.
 */
final class ProductSortSparql {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    private final ProductOrdering ordering;
    private final List<Keyset.Term> terms = new ArrayList<>();
    private final StringBuilder patterns = new StringBuilder();
    private final List<String> bound = new ArrayList<>();
    private final String text;
    private boolean counted;

    ProductSortSparql(ProductOrdering ordering, ProductQuery query) {
        this.ordering = ordering;
        this.text = query.text();
        for (ProductOrdering.Key key : ordering.keys()) {
            boolean desc = key.descending();
            switch (key.field()) {
                case NAME -> {
                    patterns.append("?product kg:name ?sortName .\nBIND(LCASE(STR(?sortName)) AS ?sortKeyName)\n");
                    bound.add("?sortKeyName");
                    terms.add(new Keyset.Term("sortKeyName", desc, false));
                }
                case PRICE -> {
                    patterns.append("OPTIONAL { ?product kg:price ?sortPrice }\n")
                            .append("BIND(IF(BOUND(?sortPrice), 0, 1) AS ?sortPriceMissing)\n")
                            .append("BIND(COALESCE(?sortPrice, 0) AS ?sortKeyPrice)\n");
                    bound.add("?sortPriceMissing");
                    bound.add("?sortKeyPrice");
                    // Missing prices last whatever the direction: that term is always ascending.
                    terms.add(new Keyset.Term("sortPriceMissing", false, false));
                    terms.add(new Keyset.Term("sortKeyPrice", desc, false));
                }
                case PROPERTY_COUNT -> {
                    patterns.append("OPTIONAL { ?product kg:hasProperty ?sortLink }\n");
                    counted = true;
                    terms.add(new Keyset.Term("sortKeyCount", desc, false));
                }
                case RELEVANCE -> {
                    if (text == null) {
                        throw new IllegalArgumentException("RELEVANCE needs a filter text");
                    }
                    String t = NamedQuery.term(VF.createLiteral(text));
                    patterns.append("?product kg:name ?sortRankName .\n")
                            .append("BIND(IF(STRSTARTS(LCASE(STR(?sortRankName)), ").append(t).append("), 1, ")
                            .append("IF(CONTAINS(LCASE(STR(?sortRankName)), ").append(t).append("), 2, 3)) AS ?sortKeyRank)\n");
                    bound.add("?sortKeyRank");
                    terms.add(new Keyset.Term("sortKeyRank", desc, false));
                }
                case ID -> terms.add(new Keyset.Term("id", desc, true));
                default -> throw new IllegalStateException("unknown sort field " + key.field());
            }
        }
    }

    /** The listing's order: the keys' terms, then the id. */
    Keyset keyset() {
        return new Keyset(terms);
    }

    /** Fills the placeholders of {@code products-sorted.rq} but graph, where and the keyset's after/order/limit. */
    void arguments(Map<String, Object> args) {
        args.put("keyPatterns", new NamedQuery.Fragment(patterns.toString()));
        List<String> keyVars = new ArrayList<>(bound);
        if (counted) {
            keyVars.add("?sortKeyCount");
            args.put("projection", new NamedQuery.Fragment(String.join(" ", bound)
                    + " (COUNT(DISTINCT ?sortLink) AS ?sortKeyCount)"));
            args.put("groupBy", new NamedQuery.Fragment("GROUP BY ?product ?id " + String.join(" ", bound)));
        } else {
            args.put("projection", new NamedQuery.Fragment(String.join(" ", bound)));
            args.put("groupBy", new NamedQuery.Fragment(""));
        }
        args.put("keyVars", new NamedQuery.Fragment(String.join(" ", keyVars)));
    }

    /** The cursor's values as one RDF term or number per sort term. */
    List<Object> values(ProductPosition at) {
        List<Object> out = new ArrayList<>(terms.size());
        List<ProductOrdering.Key> keys = ordering.keys();
        for (int i = 0; i < keys.size(); i++) {
            String v = at.values().get(i);
            switch (keys.get(i).field()) {
                case NAME, ID -> out.add(VF.createLiteral(v));
                case PRICE -> {
                    out.add(v == null ? 1 : 0);
                    out.add(VF.createLiteral(v == null ? BigDecimal.ZERO : new BigDecimal(v)));
                }
                case PROPERTY_COUNT, RELEVANCE -> out.add(Integer.parseInt(v));
                default -> throw new IllegalStateException("unknown sort field " + keys.get(i).field());
            }
        }
        return out;
    }

    /** The position of a result row: one value per ordering key. */
    ProductPosition position(BindingSet row) {
        List<String> values = new ArrayList<>(ordering.keys().size());
        for (ProductOrdering.Key key : ordering.keys()) {
            values.add(switch (key.field()) {
                case NAME -> row.getValue("sortKeyName").stringValue();
                case PRICE -> ((Literal) row.getValue("sortPriceMissing")).intValue() == 1 ? null
                        : ((Literal) row.getValue("sortKeyPrice")).decimalValue().toPlainString();
                case ID -> row.getValue("id").stringValue();
                case PROPERTY_COUNT -> Integer.toString(((Literal) row.getValue("sortKeyCount")).intValue());
                case RELEVANCE -> Integer.toString(((Literal) row.getValue("sortKeyRank")).intValue());
            });
        }
        return new ProductPosition(java.util.Collections.unmodifiableList(values));
    }
}
