package dev.kggateway.store;

import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductVersion;
import dev.kggateway.domain.PropertyLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.RDF;

/**
 * The triples of one product version, in the catalog graph: the single definition shared by the SPARQL write path
 * ({@link ProductRepository#replaceAll}, rendered into INSERT DATA) and bulk load (N-Quads files, embedded fast path),
 * so a bulk-loaded product is indistinguishable from one written through the API.
 */
@ApplicationScoped
public class ProductTriples {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    private final Iris iris;

    @Inject
    public ProductTriples(Iris iris) {
        this.iris = iris;
    }

    /** Every statement of the record, each in {@link Iris#catalogGraph()}. */
    public List<Statement> statements(ProductVersion record) {
        return statements(record, null);
    }

    /**
     * The statements of a product, leaving out the statements of property nodes already in {@code writtenNodes}
     * (and adding the nodes written now to it), so a bulk file written with one set holds each shared node's three
     * statements once instead of once per link. {@code null}: every node's statements.
     */
    public List<Statement> statements(ProductVersion record, Set<IRI> writtenNodes) {
        IRI g = iris.catalogGraph();
        List<Statement> out = new ArrayList<>(16 + record.links().size() * 10);
        Product p = record.product();
        IRI product = iris.product(p.id());
        out.add(VF.createStatement(product, RDF.TYPE, Vocab.PRODUCT, g));
        out.add(VF.createStatement(product, Vocab.PRODUCT_ID, VF.createLiteral(p.id()), g));
        out.add(VF.createStatement(product, Vocab.NAME, VF.createLiteral(p.name()), g));
        if (p.description() != null) {
            out.add(VF.createStatement(product, Vocab.DESCRIPTION, VF.createLiteral(p.description()), g));
        }
        if (p.price() != null) {
            out.add(VF.createStatement(product, Vocab.PRICE, VF.createLiteral(BigDecimal.valueOf(p.price())), g));
        }
        if (p.currency() != null) {
            out.add(VF.createStatement(product, Vocab.CURRENCY, VF.createLiteral(p.currency()), g));
        }
        if (p.manufacturer() != null) {
            out.add(VF.createStatement(product, Vocab.MANUFACTURER, VF.createLiteral(p.manufacturer()), g));
        }
        out.add(VF.createStatement(product, Vocab.PROPERTY_COUNT, VF.createLiteral(record.links().size()), g));
        if (record.enrichedWith() != null) {
            out.add(VF.createStatement(product, Vocab.ENRICHED_WITH, VF.createLiteral(record.enrichedWith()), g));
        }
        for (PropertyLink link : record.links()) {
            IRI property = iris.property(link.property());
            if (writtenNodes == null || writtenNodes.add(property)) {
                out.add(VF.createStatement(property, RDF.TYPE, Vocab.PROPERTY, g));
                out.add(VF.createStatement(property, Vocab.PROPERTY_TYPE, VF.createLiteral(link.property().type()), g));
                out.add(VF.createStatement(property, Vocab.PROPERTY_VALUE, VF.createLiteral(link.property().value()),
                        g));
            }
            out.add(VF.createStatement(product, Vocab.HAS_PROPERTY, property, g));
            if (link.isVendor()) {
                out.add(VF.createStatement(product, Vocab.VENDOR_PROPERTY, property, g));
            }
            if (link.isExtracted()) {
                out.add(VF.createStatement(product, Vocab.EXTRACTED_PROPERTY, property, g));
                IRI extraction = iris.extraction(p.id(), link.property());
                out.add(VF.createStatement(extraction, RDF.TYPE, Vocab.EXTRACTION, g));
                out.add(VF.createStatement(extraction, Vocab.OF_PRODUCT, product, g));
                out.add(VF.createStatement(extraction, Vocab.OF_PROPERTY, property, g));
                out.add(VF.createStatement(extraction, Vocab.CONFIDENCE, VF.createLiteral(link.confidence()), g));
                out.add(VF.createStatement(extraction, Vocab.MODEL_VERSION, VF.createLiteral(link.modelVersion()), g));
            }
        }
        return out;
    }

    /** The statements as triples of an INSERT DATA block (graph given by the enclosing GRAPH block). */
    static NamedQuery.Fragment sparqlTriples(List<Statement> statements) {
        List<NamedQuery.Fragment> lines = new ArrayList<>(statements.size());
        for (Statement s : statements) {
            lines.add(NamedQuery.fragment("terms#triple", "subject", s.getSubject(), "predicate", s.getPredicate(),
                    "object", s.getObject()));
        }
        return NamedQuery.Fragment.lines(lines);
    }

}
