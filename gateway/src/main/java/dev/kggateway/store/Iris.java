package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.Ids;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.function.Function;
import org.eclipse.rdf4j.common.net.ParsedIRI;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/**
 * Mints every data IRI from validated ids under one configured base namespace, and maps IRIs back to ids. A property
 * node's IRI is derived from its (type, value) pair, so products with the same property share the node.
 */
@ApplicationScoped
public class Iris {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    private final String productBase;
    private final String propertyBase;
    private final String extractionBase;
    private final IRI catalogGraph;
    private final IRI changesGraph;

    @Inject
    public Iris(KgConfig config) {
        this(config.baseIri());
    }

    public Iris(String baseIri) {
        String base = validateBase(baseIri);
        this.productBase = base + "product/";
        this.propertyBase = base + "property/";
        this.extractionBase = base + "extraction/";
        this.catalogGraph = VF.createIRI(base + "graph/catalog");
        this.changesGraph = VF.createIRI(base + "graph/changes");
    }

    private static String validateBase(String base) {
        try {
            URI uri = new URI(base);
            if (!uri.isAbsolute() || !(base.endsWith("/") || base.endsWith("#"))) {
                throw new IllegalArgumentException("not absolute or not ending with / or #");
            }
            if (!base.matches("[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]*")) {
                throw new IllegalArgumentException("contains characters not allowed in an IRI");
            }
            // Every minted IRI must be in RFC 3986 normal form, or a store may rewrite it (PropertyIds.DOT_SEGMENT_MARK).
            String normal = ParsedIRI.create(base).normalize().toString();
            if (!normal.equals(base)) {
                throw new IllegalArgumentException("not in RFC 3986 normal form; use " + normal);
            }
        } catch (Exception e) {
            throw new IllegalStateException("kg.base-iri must be an absolute IRI ending with '/' or '#': " + base, e);
        }
        return base;
    }

    /** The named graph holding the catalogue; every read and write names it explicitly. */
    public IRI catalogGraph() {
        return catalogGraph;
    }

    /** The named graph of a remote store's change feed (write stamps; see {@code fragments/change-feed.rq}). */
    public IRI changesGraph() {
        return changesGraph;
    }

    public IRI product(String id) {
        return VF.createIRI(productBase + Ids.productId(id));
    }

    /** Product id of a product IRI minted by {@link #product(String)}. */
    public String productId(String iri) {
        if (!iri.startsWith(productBase)) {
            throw new IllegalStateException("not a product IRI of this namespace: " + iri);
        }
        return iri.substring(productBase.length());
    }

    /** Property node IRI for an already normalised type and value. */
    public IRI property(String type, String value) {
        return VF.createIRI(propertyBase + PropertyIds.id(type, value));
    }

    public IRI property(PropertyNode node) {
        return VF.createIRI(propertyBase + node.id());
    }

    /** Parses a property node IRI minted by this class. */
    public PropertyNode propertyFromIri(String iri) {
        if (!iri.startsWith(propertyBase)) {
            throw new IllegalStateException("not a property IRI of this namespace: " + iri);
        }
        // The store's own IRIs: minted canonical, read back without re-validating (PropertyIds.fromStoredId).
        return PropertyIds.fromStoredId(iri.substring(propertyBase.length()));
    }

    /**
     * Parses a property node IRI minted by this class, taking the node {@code known} returns for its id when there is
     * one (an in-memory index's own object, so two indexes share it), else parsing it.
     */
    public PropertyNode propertyFromIri(String iri, Function<String, PropertyNode> known) {
        if (!iri.startsWith(propertyBase)) {
            throw new IllegalStateException("not a property IRI of this namespace: " + iri);
        }
        String id = iri.substring(propertyBase.length());
        PropertyNode node = known.apply(id);
        return node != null ? node : PropertyIds.fromStoredId(id);
    }

    /** IRI of the node recording a model extraction of one property for one product. */
    public IRI extraction(String productId, PropertyNode property) {
        return VF.createIRI(extractionBase + Ids.productId(productId) + "/" + property.id());
    }

    /**
     * The current IRI of a property or extraction node minted before dot-segment values were marked ({@code .../.}
     * or {@code .../..} as the last segment), or null when the IRI is not such a legacy IRI.
     */
    public String repairedDotSegment(String iri) {
        if (!(iri.startsWith(propertyBase) || iri.startsWith(extractionBase))) {
            return null;
        }
        int slash = iri.lastIndexOf('/');
        String last = iri.substring(slash + 1);
        return last.equals(".") || last.equals("..")
                ? iri.substring(0, slash + 1) + PropertyIds.DOT_SEGMENT_MARK + last
                : null;
    }

}
