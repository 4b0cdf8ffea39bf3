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

    /** One ORDER BY term: a variable and whether the listing sorts it descending. */
    private record Term(String variable, boolean descending) {
    }

    private final ProductOrdering ordering;
    private final List<Term> terms = new ArrayList<>();
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
                    terms.add(new Term("sortKeyName", desc));
                }
                case PRICE -> {
                    patterns.append("OPTIONAL { ?product kg:price ?sortPrice }\n")
                            .append("BIND(IF(BOUND(?sortPrice), 0, 1) AS ?sortPriceMissing)\n")
                            .append("BIND(COALESCE(?sortPrice, 0) AS ?sortKeyPrice)\n");
                    bound.add("?sortPriceMissing");
                    bound.add("?sortKeyPrice");
                    // Missing prices last whatever the direction: that term is always ascending.
                    terms.add(new Term("sortPriceMissing", false));
                    terms.add(new Term("sortKeyPrice", desc));
                }
                case PROPERTY_COUNT -> {
                    patterns.append("OPTIONAL { ?product kg:hasProperty ?sortLink }\n");
                    counted = true;
                    terms.add(new Term("sortKeyCount", desc));
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
                    terms.add(new Term("sortKeyRank", desc));
                }
                case ID -> terms.add(new Term("id", desc));
                default -> throw new IllegalStateException("unknown sort field " + key.field());
            }
        }
    }

    /** Fills the placeholders of {@code products-sorted.rq} but graph, where and limit. */
    void arguments(Map<String, Object> args, ProductPosition at, boolean backward) {
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
        StringBuilder order = new StringBuilder();
        for (Term t : terms) {
            boolean desc = t.descending() != backward;
            order.append(desc ? "DESC(?" : "ASC(?").append(t.variable()).append(") ");
        }
        args.put("order", new NamedQuery.Fragment(order.toString()));
        args.put("after", new NamedQuery.Fragment(at == null ? "" : after(values(at), backward)));
    }

    /**
     * Lexicographic keyset condition: some term lies beyond the cursor's value in the reading direction while every
     * earlier term equals the cursor's.
     */
    private String after(List<String> literals, boolean backward) {
        List<String> disjuncts = new ArrayList<>(terms.size());
        for (int i = 0; i < terms.size(); i++) {
            StringBuilder d = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                d.append(expr(terms.get(j))).append(" = ").append(literals.get(j)).append(" && ");
            }
            Term t = terms.get(i);
            boolean greater = t.descending() == backward;
            d.append(expr(t)).append(greater ? " > " : " < ").append(literals.get(i)).append(")");
            disjuncts.add(d.toString());
        }
        return "FILTER(" + String.join("\n  || ", disjuncts) + ")";
    }

    private static String expr(Term t) {
        return t.variable().equals("id") ? "STR(?id)" : "?" + t.variable();
    }

    /** The cursor's values as one escaped literal per term. */
    private List<String> values(ProductPosition at) {
        List<String> out = new ArrayList<>(terms.size());
        List<ProductOrdering.Key> keys = ordering.keys();
        for (int i = 0; i < keys.size(); i++) {
            String v = at.values().get(i);
            switch (keys.get(i).field()) {
                case NAME, ID -> out.add(NamedQuery.term(VF.createLiteral(v)));
                case PRICE -> {
                    out.add(v == null ? "1" : "0");
                    out.add(NamedQuery.term(VF.createLiteral(v == null ? BigDecimal.ZERO : new BigDecimal(v))));
                }
                case PROPERTY_COUNT, RELEVANCE -> out.add(Integer.toString(Integer.parseInt(v)));
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
