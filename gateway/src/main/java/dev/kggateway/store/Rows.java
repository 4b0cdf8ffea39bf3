package dev.kggateway.store;

import java.util.List;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.query.BindingSet;

/** Typed reads of SPARQL result rows (and of statement objects, {@link ProductStatements}): one place for the casts and for what an unbound variable means. */
final class Rows {

    private Rows() {
    }

    /** The integer bound to {@code name} (a COUNT, a stored count). */
    static int intOf(BindingSet row, String name) {
        return ((Literal) row.getValue(name)).intValue();
    }

    /** The number bound to {@code name}. */
    static double doubleOf(BindingSet row, String name) {
        return ((Literal) row.getValue(name)).doubleValue();
    }

    /** The number bound to {@code name}, or null when it is unbound (an optional value). */
    static Double doubleOrNull(BindingSet row, String name) {
        return doubleOrNull(row.getValue(name));
    }

    /** The number of a value, or null when there is none (an unbound variable, an absent statement). */
    static Double doubleOrNull(Value v) {
        return v == null ? null : ((Literal) v).doubleValue();
    }

    /** The lexical value bound to {@code name}, or null when it is unbound. */
    static String stringOrNull(BindingSet row, String name) {
        return stringOrNull(row.getValue(name));
    }

    /** The lexical form of a value, or null when there is none. */
    static String stringOrNull(Value v) {
        return v == null ? null : v.stringValue();
    }

    /** The integer of the first row (a single-row aggregate such as a count), 0 when there is no row. */
    static int firstInt(List<BindingSet> rows, String name) {
        return rows.isEmpty() ? 0 : intOf(rows.get(0), name);
    }
}
