package dev.kggateway.store;

import dev.kggateway.domain.Product;
import dev.kggateway.domain.PropertyLink;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.PropertySource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;

/**
 * Reads products back from the statements {@link ProductTriples} writes, through the embedded store's statement API:
 * the same answer as {@code products-by-iri.rq}, without SPARQL text to parse, optimise (LMDB cardinality estimates)
 * and evaluate as joins. A product is a few index lookups: its own statements (fields and links), and, when it has
 * links, its extraction records. Called inside one read transaction ({@link GraphStore#readEmbedded}), so fields and
 * links belong to the same version of the product, as with the single query.
 */
final class ProductStatements {

    private final Iris iris;
    private final GraphStore.StatementReader reader;

    ProductStatements(Iris iris, GraphStore.StatementReader reader) {
        this.iris = iris;
        this.reader = reader;
    }

    /** The products found among {@code products} with their links (sorted by {@link PropertyLink#ORDER}). */
    Map<String, Product> read(List<IRI> products) {
        Map<String, Product> found = new LinkedHashMap<>();
        IRI graph = iris.catalogGraph();
        for (IRI product : products) {
            Product p = read(product, graph);
            if (p != null) {
                found.putIfAbsent(p.id(), p);
            }
        }
        return found;
    }

    /**
     * The products found among {@code products}, fields only (links empty): what {@code product-summaries-by-iri.rq}
     * gives. One lookup per field instead of reading every link statement and extraction record: a ranking's hits
     * printed by name do not pay for their ~30 links each.
     */
    Map<String, Product> summaries(List<IRI> products) {
        Map<String, Product> found = new LinkedHashMap<>();
        IRI graph = iris.catalogGraph();
        for (IRI product : products) {
            List<Statement> ids = reader.statements(product, Vocab.PRODUCT_ID, null, graph);
            if (ids.isEmpty()) {
                continue;
            }
            // The next lookups name the product and the graph by the store's own values (as the first lookup
            // returned them): the store then skips finding their ids again, five times per product (perf17).
            Statement first = ids.get(0);
            Resource subject = first.getSubject();
            IRI in = first.getContext() instanceof IRI context ? context : graph;
            Value id = first.getObject();
            Value name = object(subject, Vocab.NAME, in);
            if (name != null) {
                found.putIfAbsent(id.stringValue(), new Product(id.stringValue(), name.stringValue(),
                        Rows.stringOrNull(object(subject, Vocab.DESCRIPTION, in)),
                        Rows.doubleOrNull(object(subject, Vocab.PRICE, in)),
                        Rows.stringOrNull(object(subject, Vocab.CURRENCY, in)),
                        Rows.stringOrNull(object(subject, Vocab.MANUFACTURER, in))));
            }
        }
        return found;
    }

    /**
     * The product's property nodes in its links' order ({@link PropertyLink#ORDER}: vendor first, then type and
     * value), without extraction records: what a similarity ranking weighs. Two lookups (its links, its vendor links).
     */
    List<PropertyNode> nodes(String productId, IRI product) {
        IRI graph = iris.catalogGraph();
        Set<Value> vendor = new HashSet<>();
        for (Statement st : reader.statements(product, Vocab.VENDOR_PROPERTY, null, graph)) {
            vendor.add(st.getObject());
        }
        List<PropertyLink> links = new ArrayList<>();
        for (Statement st : reader.statements(product, Vocab.HAS_PROPERTY, null, graph)) {
            if (st.getObject() instanceof Resource node) {
                links.add(new PropertyLink(productId, iris.propertyFromIri(node.stringValue()),
                        vendor.contains(node) ? PropertySource.VENDOR : PropertySource.NER, null, null));
            }
        }
        links.sort(PropertyLink.ORDER);
        return links.stream().map(PropertyLink::property).toList();
    }

    /** The object of the first statement (subject, predicate), or null when there is none. */
    private Value object(Resource subject, IRI predicate, IRI graph) {
        List<Statement> found = reader.statements(subject, predicate, null, graph);
        return found.isEmpty() ? null : found.get(0).getObject();
    }

    private Product read(IRI product, IRI graph) {
        Map<IRI, Value> fields = new HashMap<>();
        List<Resource> linked = new ArrayList<>();
        Set<Resource> vendor = new HashSet<>();
        for (Statement st : reader.statements(product, null, null, graph)) {
            IRI predicate = st.getPredicate();
            if (predicate.equals(Vocab.HAS_PROPERTY) && st.getObject() instanceof Resource node) {
                linked.add(node);
            } else if (predicate.equals(Vocab.VENDOR_PROPERTY) && st.getObject() instanceof Resource node) {
                vendor.add(node);
            } else {
                fields.putIfAbsent(predicate, st.getObject());
            }
        }
        Value id = fields.get(Vocab.PRODUCT_ID);
        Value name = fields.get(Vocab.NAME);
        if (id == null || name == null) {
            return null; // not a product (products-by-iri.rq requires both)
        }
        Product p = new Product(id.stringValue(), name.stringValue(), Rows.stringOrNull(fields.get(Vocab.DESCRIPTION)),
                Rows.doubleOrNull(fields.get(Vocab.PRICE)), Rows.stringOrNull(fields.get(Vocab.CURRENCY)),
                Rows.stringOrNull(fields.get(Vocab.MANUFACTURER)));
        if (linked.isEmpty()) {
            return p;
        }
        Map<Value, Extraction> extractions = extractions(product, graph);
        List<PropertyLink> links = new ArrayList<>(linked.size());
        for (Resource node : linked) {
            Extraction e = extractions.get(node);
            links.add(new PropertyLink(p.id(), iris.propertyFromIri(node.stringValue()),
                    vendor.contains(node) ? PropertySource.VENDOR : PropertySource.NER,
                    e == null ? null : e.confidence(), e == null ? null : e.modelVersion()));
        }
        links.sort(PropertyLink.ORDER);
        return p.withLinks(links);
    }

    private record Extraction(Double confidence, String modelVersion) {
    }

    /**
     * The product's complete extraction records by property node: a record counts only with its property, confidence
     * and model version all present, as in the query's OPTIONAL group.
     */
    private Map<Value, Extraction> extractions(IRI product, IRI graph) {
        Map<Value, Extraction> byNode = new HashMap<>();
        for (Statement record : reader.statements(null, Vocab.OF_PRODUCT, product, graph)) {
            Value property = null;
            Value confidence = null;
            Value modelVersion = null;
            for (Statement st : reader.statements(record.getSubject(), null, null, graph)) {
                IRI predicate = st.getPredicate();
                if (predicate.equals(Vocab.OF_PROPERTY)) {
                    property = st.getObject();
                } else if (predicate.equals(Vocab.CONFIDENCE)) {
                    confidence = st.getObject();
                } else if (predicate.equals(Vocab.MODEL_VERSION)) {
                    modelVersion = st.getObject();
                }
            }
            if (property != null && confidence != null && modelVersion != null) {
                byNode.putIfAbsent(property, new Extraction(Rows.doubleOrNull(confidence), modelVersion.stringValue()));
            }
        }
        return byNode;
    }
}
