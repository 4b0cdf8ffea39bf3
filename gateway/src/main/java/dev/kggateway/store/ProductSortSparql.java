package dev.kggateway.store;

import dev.kggateway.domain.ProductOrdering;
import dev.kggateway.domain.ProductPosition;
import dev.kggateway.domain.ProductQuery;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.query.BindingSet;

/**
 * The sort-key fragments of {@code products-sorted.rq} for one {@link ProductOrdering}, from
 * {@code fragments/product-sort.rq}. Each key becomes one or two
 * sort terms (a variable with its listing direction); the id is always the last term. Cursor values come back in as
 * validated {@link ProductPosition}s and go into the query only as typed, escaped literals.
 */
final class ProductSortSparql {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    private final ProductOrdering ordering;
    private final List<Keyset.Term> terms = new ArrayList<>();
    private final List<NamedQuery.Fragment> patterns = new ArrayList<>();
    private final List<NamedQuery.Variable> bound = new ArrayList<>();
    private final List<String> texts;
    private boolean counted;

    ProductSortSparql(ProductOrdering ordering, ProductQuery query) {
        this.ordering = ordering;
        this.texts = query.rankedTexts();
        for (ProductOrdering.Key key : ordering.keys()) {
            boolean desc = key.descending();
            switch (key.field()) {
                case NAME -> {
                    patterns.add(NamedQuery.fragment("product-sort#name"));
                    bound.add(new NamedQuery.Variable("sortKeyName"));
                    terms.add(new Keyset.Term("sortKeyName", desc, false));
                }
                case PRICE -> {
                    patterns.add(NamedQuery.fragment("product-sort#price"));
                    bound.add(new NamedQuery.Variable("sortPriceMissing"));
                    bound.add(new NamedQuery.Variable("sortKeyPrice"));
                    // Missing prices last whatever the direction: that term is always ascending.
                    terms.add(new Keyset.Term("sortPriceMissing", false, false));
                    terms.add(new Keyset.Term("sortKeyPrice", desc, false));
                }
                case PROPERTY_COUNT -> {
                    patterns.add(NamedQuery.fragment("product-sort#property-count"));
                    counted = true;
                    terms.add(new Keyset.Term("sortKeyCount", desc, false));
                }
                case RELEVANCE -> {
                    if (texts.isEmpty()) {
                        throw new IllegalArgumentException("RELEVANCE needs a filter text");
                    }
                    patterns.add(relevance(texts));
                    bound.add(new NamedQuery.Variable("sortKeyRank"));
                    terms.add(new Keyset.Term("sortKeyRank", desc, false));
                }
                case ID -> terms.add(new Keyset.Term("id", desc, true));
                default -> throw new IllegalStateException("unknown sort field " + key.field());
            }
        }
    }

    /**
     * The relevance rank of the name against each ranked text (1 starts with it, 2 contains it, 3 neither), the
     * best of them bound to ?sortKeyRank.
     */
    private static NamedQuery.Fragment relevance(List<String> texts) {
        List<NamedQuery.Fragment> lines = new ArrayList<>();
        NamedQuery.Variable best = null;
        for (int i = 0; i < texts.size(); i++) {
            NamedQuery.Variable rank = new NamedQuery.Variable(texts.size() == 1 ? "sortKeyRank" : "sortRank" + i);
            lines.add(NamedQuery.fragment("product-sort#relevance-text", "text", VF.createLiteral(texts.get(i)),
                    "rank", rank));
            if (best == null) {
                best = rank;
            } else {
                NamedQuery.Variable out = new NamedQuery.Variable(i == texts.size() - 1 ? "sortKeyRank" : "sortBest" + i);
                lines.add(NamedQuery.fragment("product-sort#relevance-best", "a", best, "b", rank, "out", out));
                best = out;
            }
        }
        return NamedQuery.fragment("product-sort#relevance", "ranks", NamedQuery.Fragment.lines(lines));
    }

    /** The listing's order: the keys' terms, then the id. */
    Keyset keyset() {
        return new Keyset(terms);
    }

    /** Fills the placeholders of {@code products-sorted.rq} but graph, where and the keyset's after/order/limit. */
    void arguments(Map<String, Object> args) {
        args.put("keyPatterns", NamedQuery.Fragment.lines(patterns));
        List<NamedQuery.Variable> keyVars = new ArrayList<>(bound);
        if (counted) {
            keyVars.add(new NamedQuery.Variable("sortKeyCount"));
            args.put("projection", NamedQuery.fragment("product-sort#counted-projection", "keys", bound));
            args.put("groupBy", NamedQuery.fragment("product-sort#counted-group-by", "keys", bound));
        } else {
            args.put("projection", bound);
            args.put("groupBy", NamedQuery.Fragment.EMPTY);
        }
        args.put("keyVars", keyVars);
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
        return new ProductPosition(Collections.unmodifiableList(values));
    }
}
