package dev.kggateway.domain;

import dev.kggateway.domain.error.InvalidIdException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Identity of a property node: its client-facing id {@code type/segment} (the value percent-encoded in RFC 3986
 * normal form) and the parse back. Store-independent, so the API, the services and the store all mint and read ids
 * the same way; the store only prefixes the id with its property namespace to make the node's IRI.
 */
public final class PropertyIds {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PropertyIds() {
    }

    /**
     * Client-facing property id: {@code type/segment}, where the segment is the value percent-encoded by
     * {@link #valueSegment(String)}.
     */
    public static String id(String type, String value) {
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
    public static final String DOT_SEGMENT_MARK = "!";

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

    public static PropertyNode node(String type, String value) {
        return new PropertyNode(id(type, value), type, value);
    }

    /** Parses and validates a client-given property id; only canonical ids are accepted. */
    public static PropertyNode fromId(String id) {
        int slash = id == null ? -1 : id.indexOf('/');
        if (slash <= 0 || id.length() > 40 + 1 + 3 * 4 * Ids.MAX_PROPERTY_VALUE_LENGTH) {
            throw new InvalidIdException("property id must look like type/value: " + id);
        }
        try {
            String type = Ids.propertyType(id.substring(0, slash));
            String value = Ids.storedPropertyValue(valueOfSegment(id.substring(slash + 1)));
            String canonical = id(type, value);
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

    /** One instance per property type read back from the store (a catalogue has a few dozen), for the indexes. */
    private static final ConcurrentHashMap<String, String> STORED_TYPES =
            new ConcurrentHashMap<>();

    /**
     * Parses a property id read back from the store, which holds it canonical ({@link #node} minted it from a
     * validated type and a normalised value): the value is decoded and the id checked to round-trip, without the
     * client-id checks of {@link #fromId} (type pattern, Unicode NFC, case and whitespace normalisation of the value),
     * which were most of the cost of reading a product's links. An id that does not round-trip goes through
     * {@link #fromId}, which rejects it as before. The type is one shared instance per type name: the in-memory
     * indexes hold a node per distinct (type, value).
     */
    public static PropertyNode fromStoredId(String id) {
        int slash = id == null ? -1 : id.indexOf('/');
        if (slash <= 0) {
            return fromId(id);
        }
        String segment = id.substring(slash + 1);
        String value;
        try {
            value = valueOfSegment(segment);
        } catch (RuntimeException e) {
            return fromId(id);
        }
        if (value.isEmpty() || !valueSegment(value).equals(segment)) {
            return fromId(id);
        }
        String type = id.substring(0, slash);
        String shared = STORED_TYPES.get(type);
        if (shared == null) {
            try {
                if (!Ids.propertyType(type).equals(type)) {
                    return fromId(id);
                }
            } catch (RuntimeException e) {
                return fromId(id);
            }
            shared = type;
            if (STORED_TYPES.size() < 10_000) {
                STORED_TYPES.putIfAbsent(type, type);
            }
        }
        return new PropertyNode(id, shared, value);
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
        if (unreservedOnly(encoded)) {
            return encoded; // nothing escaped: the UTF-8 decoding of ASCII is the text itself
        }
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
        String decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        if (decoded.indexOf('\uFFFD') >= 0) {
            throw new IllegalArgumentException("invalid UTF-8 in id");
        }
        return decoded;
    }

    private static boolean unreservedOnly(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~')) {
                return false;
            }
        }
        return true;
    }
}
