package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.Ids;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.error.InvalidIdException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String productBase;
    private final String propertyBase;
    private final String extractionBase;
    private final IRI catalogGraph;

    @jakarta.inject.Inject
    public Iris(KgConfig config) {
        this(config.baseIri());
    }

    public Iris(String baseIri) {
        String base = validateBase(baseIri);
        this.productBase = base + "product/";
        this.propertyBase = base + "property/";
        this.extractionBase = base + "extraction/";
        this.catalogGraph = VF.createIRI(base + "graph/catalog");
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
            // Every minted IRI must be in RFC 3986 normal form, or a store may rewrite it (see DOT_SEGMENT_MARK).
            String normal = org.eclipse.rdf4j.common.net.ParsedIRI.create(base).normalize().toString();
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
        return VF.createIRI(propertyBase + propertyId(type, value));
    }

    public IRI property(PropertyNode node) {
        return VF.createIRI(propertyBase + node.id());
    }

    /**
     * Client-facing property id: {@code type/segment}, where the segment is the value percent-encoded by
     * {@link #valueSegment(String)}.
     */
    public static String propertyId(String type, String value) {
        return type + "/" + valueSegment(value);
    }

    /**
     * Marks the segment of a value that would otherwise be the dot-segment {@code .} or {@code ..}. Stores resolve
     * dot-segments away (Jena turned {@code property/size/..} into {@code property/}), and percent-encoding the dots
     * does not help: {@code %2E} is an encoded unreserved character, which RFC 3986 normalisation (section 6.2.2.2,
     * done by Jena's and RDF4J's normalisers) decodes back into a dot-segment. A literal {@code !} is a sub-delimiter
     * that no normaliser touches and that {@link #percentEncode(String)} always encodes, so {@code !.} and
     * {@code !..} cannot collide with any other value's segment.
     */
    static final String DOT_SEGMENT_MARK = "!";

    /** Percent-encoding of a value, with the dot-segment values {@code .} and {@code ..} marked. */
    static String valueSegment(String value) {
        String encoded = percentEncode(value);
        return encoded.equals(".") || encoded.equals("..") ? DOT_SEGMENT_MARK + encoded : encoded;
    }

    /** Inverse of {@link #valueSegment(String)}; the caller checks the result is canonical. */
    static String valueOfSegment(String segment) {
        if (segment.equals(DOT_SEGMENT_MARK + ".") || segment.equals(DOT_SEGMENT_MARK + "..")) {
            return segment.substring(DOT_SEGMENT_MARK.length());
        }
        return percentDecode(segment);
    }

    public static PropertyNode propertyNode(String type, String value) {
        return new PropertyNode(propertyId(type, value), type, value);
    }

    /** Parses a property node IRI minted by this class. */
    public PropertyNode propertyFromIri(String iri) {
        if (!iri.startsWith(propertyBase)) {
            throw new IllegalStateException("not a property IRI of this namespace: " + iri);
        }
        return propertyFromId(iri.substring(propertyBase.length()));
    }

    /** Parses and validates a client-given property id; only canonical ids are accepted. */
    public static PropertyNode propertyFromId(String id) {
        int slash = id == null ? -1 : id.indexOf('/');
        if (slash <= 0 || id.length() > 40 + 1 + 3 * 4 * Ids.MAX_PROPERTY_VALUE_LENGTH) {
            throw new InvalidIdException("property id must look like type/value: " + id);
        }
        try {
            String type = Ids.propertyType(id.substring(0, slash));
            String value = Ids.storedPropertyValue(valueOfSegment(id.substring(slash + 1)));
            String canonical = propertyId(type, value);
            if (!canonical.equals(id)) {
                throw new InvalidIdException("property id is not canonical; expected " + canonical);
            }
            return new PropertyNode(canonical, type, value);
        } catch (InvalidIdException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidIdException("malformed property id: " + e.getMessage());
        }
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
        return last.equals(".") || last.equals("..") ? iri.substring(0, slash + 1) + DOT_SEGMENT_MARK + last : null;
    }

    /**
     * RFC 3986 percent-encoding of UTF-8 bytes, keeping only unreserved characters, with upper-case hex digits: the
     * normal form of section 6.2.2, so the IRI is already what any normaliser would make of it.
     */
    static String percentEncode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    static String percentDecode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new IllegalArgumentException("truncated percent escape");
                }
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                throw new IllegalArgumentException("non-ASCII character in id");
            }
        }
        String decoded = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
        if (decoded.indexOf('\uFFFD') >= 0) {
            throw new IllegalArgumentException("invalid UTF-8 in id");
        }
        return decoded;
    }
}
