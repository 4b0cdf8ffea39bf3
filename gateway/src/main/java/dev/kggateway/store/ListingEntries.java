package dev.kggateway.store;

import dev.kggateway.domain.ProductsCommitted;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.listing.ListingIndex;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.XSD;

/**
 * Collects the statements a {@link ListingIndex} needs (productId, name, price, manufacturer, hasProperty, and the
 * type/value literals of property nodes; and currency, which the similarity index built from the same scan keeps
 * beside the price) into index entries, checking that they have the shape the gateway writes
 * ({@link ProductTriples}): one id, one name, at most one decimal price whose text is {@code BigDecimal.valueOf} of
 * its double, at most one literal manufacturer and currency, links only from products, node literals matching the node IRI. Any
 * other shape (a foreign RDF import) makes the result {@link #inexact()}: the index could not answer as SPARQL does.
 */
final class ListingEntries {

    private static final class Row {
        String id;
        String name;
        Double price;
        String currency;
        String manufacturer;
        final List<PropertyNode> nodes = new ArrayList<>();
    }

    private final Iris iris;
    private final Map<String, Row> rows = new HashMap<>();
    /**
     * Property nodes by IRI, parsed once: products share nodes (BSBM: 21 feature links each over ~50k nodes), and
     * parsing an IRI back (percent-decoding, normalising) was a quarter of a bulk commit's thread (BENCHMARKS.md).
     */
    private final Map<String, PropertyNode> nodes = new HashMap<>();
    /** Nodes another index already holds, by id (null when it holds none): taken instead of parsed copies. */
    private final Function<String, PropertyNode> known;
    private String inexact;
    /** Statements taken ({@link #accept}), for the build's log line: what one start reads from the store. */
    private long statements;

    ListingEntries(Iris iris) {
        this(iris, id -> null);
    }

    ListingEntries(Iris iris, Function<String, PropertyNode> known) {
        this.iris = iris;
        this.known = known;
    }

    /** Takes one statement; statements of other predicates are ignored. */
    void accept(Statement st) {
        statements++;
        IRI p = st.getPredicate();
        Value o = st.getObject();
        if (p.equals(Vocab.PROPERTY_TYPE) || p.equals(Vocab.PROPERTY_VALUE)) {
            checkNodeLiteral(st);
            return;
        }
        if (!(p.equals(Vocab.PRODUCT_ID) || p.equals(Vocab.NAME) || p.equals(Vocab.PRICE)
                || p.equals(Vocab.CURRENCY) || p.equals(Vocab.MANUFACTURER) || p.equals(Vocab.HAS_PROPERTY))) {
            return;
        }
        Row row = rows.computeIfAbsent(st.getSubject().stringValue(), k -> new Row());
        if (p.equals(Vocab.HAS_PROPERTY)) {
            try {
                row.nodes.add(node(o.stringValue()));
            } catch (RuntimeException e) {
                inexact("a link to an unreadable property node " + o);
            }
            return;
        }
        if (!(o instanceof Literal literal)) {
            inexact(p.getLocalName() + " is not a literal on " + st.getSubject());
            return;
        }
        String label = literal.getLabel();
        if (p.equals(Vocab.PRODUCT_ID)) {
            row.id = once(row.id, label, p, st);
        } else if (p.equals(Vocab.NAME)) {
            row.name = once(row.name, label, p, st);
        } else if (p.equals(Vocab.MANUFACTURER)) {
            row.manufacturer = once(row.manufacturer, label, p, st);
        } else if (p.equals(Vocab.CURRENCY)) {
            // not the listing index's, but the similarity index keeps it beside the price (HitFields.NAMES_AND_PRICES)
            row.currency = once(row.currency, label, p, st);
        } else {
            Double price = price(literal);
            if (price == null) {
                inexact("price " + literal + " of " + st.getSubject() + " is not a decimal the index mirrors exactly");
            } else if (row.price != null) {
                inexact("several prices on " + st.getSubject());
            } else {
                row.price = price;
            }
        }
    }

    /** The double of a price whose stored text is exactly what {@code BigDecimal.valueOf} of it writes, else null. */
    private static Double price(Literal literal) {
        if (!literal.getDatatype().equals(XSD.DECIMAL)) {
            return null;
        }
        try {
            double d = new BigDecimal(literal.getLabel()).doubleValue();
            return Double.isFinite(d) && BigDecimal.valueOf(d).toPlainString().equals(literal.getLabel()) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String once(String current, String value, IRI p, Statement st) {
        if (current != null && !current.equals(value)) {
            inexact("several " + p.getLocalName() + " values on " + st.getSubject());
        }
        return value;
    }

    private void checkNodeLiteral(Statement st) {
        try {
            PropertyNode node = node(st.getSubject().stringValue());
            String expected = st.getPredicate().equals(Vocab.PROPERTY_TYPE) ? node.type() : node.value();
            if (!(st.getObject() instanceof Literal l) || !l.getLabel().equals(expected)) {
                inexact("property node " + st.getSubject() + " has " + st.getPredicate().getLocalName() + " "
                        + st.getObject());
            }
        } catch (RuntimeException e) {
            inexact("unreadable property node " + st.getSubject());
        }
    }

    private PropertyNode node(String iri) {
        return nodes.computeIfAbsent(iri, k -> iris.propertyFromIri(k, known));
    }

    private void inexact(String reason) {
        if (inexact == null) {
            inexact = reason;
        }
    }

    /** Why the statements cannot be mirrored exactly, or null. */
    String inexact() {
        if (inexact == null) {
            for (Map.Entry<String, Row> e : rows.entrySet()) {
                Row row = e.getValue();
                if (row.id == null) {
                    inexact("a product without a productId: " + e.getKey());
                } else if (row.name == null) {
                    inexact("a product without a name: " + row.id);
                } else if (!iris.product(row.id).stringValue().equals(e.getKey())) {
                    inexact("productId " + row.id + " does not match its IRI " + e.getKey());
                }
                if (inexact != null) {
                    break;
                }
            }
        }
        return inexact;
    }

    /**
     * The products collected (call {@link #inexact()} first), each named by the id its IRI carries when the IRI is
     * a product IRI (where its links hang), else by its productId literal.
     */
    List<ProductsCommitted.ProductState> entries() {
        List<ProductsCommitted.ProductState> out = new ArrayList<>(rows.size());
        rows.forEach((subject, r) -> out.add(new ProductsCommitted.ProductState(idOf(subject, r), r.name, r.price,
                r.currency, r.manufacturer, r.nodes)));
        return out;
    }

    /**
     * Hands each product collected to {@code action} (as {@link #entries()} lists them) and forgets it as it goes,
     * so what two indexes built side by side from one scan hold at once shrinks while they grow (call
     * {@link #inexact()} first).
     */
    void drain(Consumer<ProductsCommitted.ProductState> action) {
        // The rows hold their node objects: the map from IRI (485k IRIs at BSBM 100k) is not needed while the
        // indexes grow, and keeping it to the end had the start's heap after a collection at 485 MB of 512 MB.
        nodes.clear();
        for (Iterator<Map.Entry<String, Row>> it = rows.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Row> e = it.next();
            Row r = e.getValue();
            it.remove();
            action.accept(new ProductsCommitted.ProductState(idOf(e.getKey(), r), r.name, r.price, r.currency,
                    r.manufacturer, r.nodes));
        }
    }

    /** Statements taken so far. */
    long statements() {
        return statements;
    }

    private String idOf(String subject, Row r) {
        try {
            return iris.productId(subject);
        } catch (RuntimeException e) {
            return r.id;
        }
    }
}
