package dev.kggateway.store;

import dev.kggateway.domain.Ids;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.rfc3986.RFC3986;
import org.eclipse.rdf4j.common.net.ParsedIRI;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every minted IRI is already in RFC 3986 normal form (section 6.2.2), as judged by two independent normalisers (RDF4J
 * and Jena), and survives Jena's reference resolution unchanged: so no store can rewrite it. Property ids stay
 * distinct per (type, value) and parse back to the same value.
 */
class IrisNormalFormTest {

    private static final Iris IRIS = new Iris("https://data.example.org/kg/");
    private static final Pattern ESCAPE = Pattern.compile("%(..)");

    static List<String> values() {
        List<String> values = new ArrayList<>(List.of(".", "..", "...", "a/../b", "%2e", "%2E", "./x", "../x", "x/.",
                "x/..", "%", "%%", "a%2fb", "!", "!.", "!..", "~", "-_.~", "a b", "ä", "日本", "😀", "?", "#", "/",
                "//", "a//b", ":", "@", "[]", "'", "+", "=", "&", "\\", "<>", "\"", "{}", "|", "^", "`"));
        values.replaceAll(Ids::normaliseText); // the IRI is minted from the normalised value (lower case)
        Random random = new Random(42);
        String alphabet = "./%!~-_aZ09 :#?[]@+&=';ä😀";
        int[] codePoints = alphabet.codePoints().toArray();
        for (int i = 0; i < 2000; i++) {
            StringBuilder v = new StringBuilder();
            int length = 1 + random.nextInt(6);
            for (int j = 0; j < length; j++) {
                v.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            String normalised = Ids.normaliseText(v.toString());
            if (!normalised.isEmpty()) {
                values.add(normalised);
            }
        }
        return values;
    }

    @Test
    void mintedPropertyIrisEqualTheirNormalFormAndParseBack() {
        Map<String, String> valueById = new HashMap<>();
        for (String value : values()) {
            String iri = IRIS.property("size", value).stringValue();
            // RDF4J normalises as an IRI (RFC 3987: UTF-8 escapes become characters); in ASCII form it is the URI.
            assertEquals(iri, ParsedIRI.create(iri).normalize().toASCIIString(), "RDF4J normal form of " + iri);
            assertEquals(iri, RFC3986.create(iri).normalize().str(), "Jena normal form of " + iri);
            assertEquals(iri, RFC3986.create("https://other.example/base/x").resolve(RFC3986.create(iri)).str(),
                    "Jena resolution of " + iri);
            assertTrue(RFC3986.create(iri).isAbsolute());
            Matcher escapes = ESCAPE.matcher(iri);
            while (escapes.find()) {
                String hex = escapes.group(1);
                assertEquals(hex.toUpperCase(), hex, "upper-case hex in " + iri);
                int octet = Integer.parseInt(hex, 16);
                assertFalse(Character.isLetterOrDigit(octet) && octet < 0x80 || "-._~".indexOf(octet) >= 0,
                        "unreserved character percent-encoded in " + iri);
            }
            PropertyNode node = IRIS.propertyFromIri(iri);
            assertEquals(value, node.value());
            assertEquals(node, PropertyIds.fromId(node.id()));
            String previous = valueById.put(node.id(), value);
            assertTrue(previous == null || previous.equals(value), "id " + node.id() + " of both " + previous
                    + " and " + value);
            String extraction = IRIS.extraction("P-1", node).stringValue();
            assertEquals(extraction, ParsedIRI.create(extraction).normalize().toASCIIString());
            assertEquals(extraction, RFC3986.create(extraction).normalize().str());
        }
    }

    @Test
    void storedIdsThatDoNotRoundTripAreRejectedAsClientIdsAre() {
        // The store-read parse skips re-normalising, not checking: a segment that is not the canonical encoding of
        // its value, or a type that is not a valid type, fails exactly as fromId fails.
        for (String id : List.of("size/%2e", "size/%41", "size/a%2fb", "Size/x", "size/", "/x", "size/%zz", "size/!", "x y/z")) {
            assertThrows(dev.kggateway.domain.error.InvalidIdException.class, () -> PropertyIds.fromId(id), id);
            assertThrows(dev.kggateway.domain.error.InvalidIdException.class, () -> PropertyIds.fromStoredId(id), id);
        }
        PropertyNode node = PropertyIds.fromStoredId("size/a%20b");
        assertEquals(PropertyIds.node("size", "a b"), node);
        assertTrue(node.type() == PropertyIds.fromStoredId("size/c").type(), "one type instance per type name");
    }

    @Test
    void dotSegmentValuesAreMarkedAndOtherDotsKept() {
        assertEquals("size/!.", PropertyIds.id("size", "."));
        assertEquals("size/!..", PropertyIds.id("size", ".."));
        assertEquals("size/...", PropertyIds.id("size", "..."));
        assertEquals("size/.%2Fx", PropertyIds.id("size", "./x"));
        assertEquals("size/%21.", PropertyIds.id("size", "!."));
        assertEquals("size/%252e", PropertyIds.id("size", "%2e"));
        assertEquals("size/%25", PropertyIds.id("size", "%"));
    }

    @Test
    void nonCanonicalIdsAreRejected() {
        for (String id : List.of("size/.", "size/..", "size/%2E", "size/%2e", "size/!...", "size/!x", "size/%7e",
                "size/a%2fb")) {
            assertThrows(dev.kggateway.domain.error.InvalidIdException.class, () -> PropertyIds.fromId(id), id);
        }
    }

    @Test
    void baseIriMustBeInNormalForm() {
        new Iris("https://data.example.org/kg/");
        for (String base : List.of("https://Data.example.org/", "HTTPS://data.example.org/", "https://h/a/../",
                "https://h/%7Ex/", "https://h:443/")) {
            assertThrows(IllegalStateException.class, () -> new Iris(base), base);
        }
    }

    @Test
    void legacyDotSegmentIrisAreRepaired() {
        assertEquals("https://data.example.org/kg/property/size/!.",
                IRIS.repairedDotSegment("https://data.example.org/kg/property/size/."));
        assertEquals("https://data.example.org/kg/extraction/P-1/size/!..",
                IRIS.repairedDotSegment("https://data.example.org/kg/extraction/P-1/size/.."));
        assertEquals(null, IRIS.repairedDotSegment("https://data.example.org/kg/property/size/..."));
        assertEquals(null, IRIS.repairedDotSegment("https://data.example.org/kg/product/P.1"));
    }
}
