package dev.kggateway.store;

import dev.kggateway.domain.Page;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.query.BindingSet;

/**
 * Keyset paging, written once for every listing the store pages through: the rows after (forward) or before
 * (backward) a cursor position in a total order of sort terms, one row more than the page to learn whether another
 * follows (its SPARQL: {@code fragments/keyset.rq}). The named query has {@code {{after}}}, {@code {{order}}} and {@code {{limit}}} placeholders; a cursor's
 * values go in only as RDF terms or numbers rendered by {@link NamedQuery#term(Object)}.
 */
final class Keyset {

    /**
     * One sort term: the variable the listing orders by, its listing direction, and whether the cursor comparison is
     * on its string form ({@code STR(?id)}: ids and property texts) or on the value itself (numbers, lower-cased names).
     */
    record Term(String variable, boolean descending, boolean asString) {

        /** An ascending term compared as a string. */
        static Term string(String variable) {
            return new Term(variable, false, true);
        }

        Object expression() {
            NamedQuery.Variable v = new NamedQuery.Variable(variable);
            return asString ? NamedQuery.fragment("keyset#string", "variable", v) : v;
        }
    }

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    private final List<Term> terms;

    Keyset(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    /** Ascending string terms, e.g. {@code id}, or {@code type, value}. */
    static Keyset ofStrings(String... variables) {
        return new Keyset(Arrays.stream(variables).map(Term::string).toList());
    }

    /** The position of a one-term string keyset (an id), or null without a cursor key. */
    static List<Object> position(String key) {
        return key == null ? null : List.of(VF.createLiteral(key));
    }

    /**
     * Reads one page with {@code query}: {@code size} items after (or before) {@code at}, one value per term
     * ({@code null}: from the start, or the end when reading backward), in listing order.
     */
    <T> Page<T> read(GraphStore store, String query, Map<String, Object> args, List<?> at, int size,
            boolean backward, Function<BindingSet, T> item) {
        args.put("after", after(at, backward));
        args.put("order", order(backward));
        args.put("limit", size + 1);
        List<T> rows = new ArrayList<>();
        for (BindingSet row : store.select(query, args)) {
            rows.add(item.apply(row));
        }
        return Page.of(rows, size, backward, at != null);
    }

    /**
     * Lexicographic keyset condition: some term lies beyond the cursor's value in the reading direction while every
     * earlier term equals the cursor's; empty without a cursor.
     */
    private NamedQuery.Fragment after(List<?> at, boolean backward) {
        if (at == null) {
            return NamedQuery.Fragment.EMPTY;
        }
        if (at.size() != terms.size()) {
            throw new IllegalArgumentException("a cursor position needs one value per sort term");
        }
        List<NamedQuery.Fragment> disjuncts = new ArrayList<>(terms.size());
        for (int i = 0; i < terms.size(); i++) {
            List<NamedQuery.Fragment> conditions = new ArrayList<>(i + 1);
            for (int j = 0; j < i; j++) {
                conditions.add(condition("equal", terms.get(j), at.get(j)));
            }
            Term t = terms.get(i);
            conditions.add(condition(t.descending() == backward ? "greater" : "less", t, at.get(i)));
            disjuncts.add(NamedQuery.fragment("keyset#disjunct", "conditions", conditions));
        }
        return NamedQuery.fragment("keyset#after", "disjuncts", disjuncts);
    }

    private static NamedQuery.Fragment condition(String comparison, Term t, Object value) {
        return NamedQuery.fragment("keyset#" + comparison, "term", t.expression(), "value", value);
    }

    /** ORDER BY terms, each reversed when reading backward (nearest the cursor first). */
    private NamedQuery.Fragment order(boolean backward) {
        List<NamedQuery.Fragment> order = new ArrayList<>(terms.size());
        for (Term t : terms) {
            order.add(NamedQuery.fragment(t.descending() != backward ? "keyset#descending" : "keyset#ascending",
                    "variable", new NamedQuery.Variable(t.variable())));
        }
        return new NamedQuery.Fragment(String.join(" ", order.stream().map(NamedQuery.Fragment::sparql).toList()));
    }
}
