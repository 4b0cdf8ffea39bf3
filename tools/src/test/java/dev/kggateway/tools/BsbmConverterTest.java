package dev.kggateway.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The BSBM converter on a small hand-written graph shaped like the BSBM generator's output (its IRIs, vocabulary
 * and literal forms; features and producers written before and after the products that name them; offers and
 * reviews that must be left out).
 */
class BsbmConverterTest {

    private static final String V = "<http://www4.wiwiss.fu-berlin.de/bizer/bsbm/v01/vocabulary/";
    private static final String I = "<http://www4.wiwiss.fu-berlin.de/bizer/bsbm/v01/instances/";
    private static final String TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
    private static final String LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>";
    private static final String COMMENT = "<http://www.w3.org/2000/01/rdf-schema#comment>";
    private static final String XSD = "^^<http://www.w3.org/2001/XMLSchema#";

    private static String t(String s, String p, String o) {
        return s + " " + p + " " + o + " .\n";
    }

    /** Also piped into the packaged app by {@code ToolsCommandLineIT}. */
    static final String FIXTURE = ""
            + t(I + "ProductFeature1>", TYPE, V + "ProductFeature>")
            + t(I + "ProductFeature1>", LABEL, "\"waterproof\"")
            + t(I + "ProductFeature1>", COMMENT, "\"a feature comment\"")
            + t(I + "ProductFeature2>", TYPE, V + "ProductFeature>")
            + t(I + "ProductFeature2>", LABEL, "\"wireless\"")
            + t(I + "ProductFeature3>", TYPE, V + "ProductFeature>")
            + t(I + "ProductFeature3>", LABEL, "\"wireless\"") // the same label as feature 2
            + t(I + "ProductType1>", TYPE, V + "ProductType>")
            + t(I + "dataFromProducer1/Producer1>", TYPE, V + "Producer>")
            + t(I + "dataFromProducer1/Producer1>", LABEL, "\"Acme Corp\"")
            + t(I + "dataFromProducer1/Product1>", TYPE, V + "Product>")
            + t(I + "dataFromProducer1/Product1>", LABEL, "\"totally annat\"")
            + t(I + "dataFromProducer1/Product1>", COMMENT, "\"tsaritzas calkers \\u00E9clair\"")
            + t(I + "dataFromProducer1/Product1>", TYPE, I + "ProductType1>")
            + t(I + "dataFromProducer1/Product1>", V + "producer>", I + "dataFromProducer1/Producer1>")
            + t(I + "dataFromProducer1/Product1>", V + "productFeature>", I + "ProductFeature1>")
            + t(I + "dataFromProducer1/Product1>", V + "productFeature>", I + "ProductFeature2>")
            + t(I + "dataFromProducer1/Product1>", V + "productPropertyNumeric1>", "\"831\"" + XSD + "integer>")
            + t(I + "dataFromProducer1/Product1>", V + "productPropertyTextual2>",
                    "\"" + "word ".repeat(50).strip() + "\"" + XSD + "string>")
            + t(I + "dataFromProducer1/Product1>", "<http://purl.org/dc/elements/1.1/date>", "\"2000-11-01\"" + XSD + "date>")
            + t(I + "dataFromProducer2/Product2>", TYPE, V + "Product>")
            + t(I + "dataFromProducer2/Product2>", LABEL, "\"second one\"")
            + t(I + "dataFromProducer2/Product2>", V + "producer>", I + "dataFromProducer2/Producer2>")
            + t(I + "dataFromProducer2/Product2>", V + "productFeature>", I + "ProductFeature3>")
            + t(I + "dataFromProducer2/Product2>", V + "productFeature>", I + "ProductFeature1>")
            + t(I + "dataFromProducer2/Producer2>", LABEL, "\"Later Producer\"") // after its product
            + t(I + "dataFromVendor1/Offer1>", TYPE, V + "Offer>")
            + t(I + "dataFromVendor1/Offer1>", V + "product>", I + "dataFromProducer1/Product1>")
            + t(I + "dataFromVendor1/Offer1>", V + "price>", "\"12.5\"" + XSD + "double>")
            + t(I + "dataFromRatingSite1/Review1>", V + "reviewFor>", I + "dataFromProducer1/Product1>");

    @Test
    void productsBecomeJsonLinesWithSharedFeatureNodes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long count = new BsbmConverter().convert(new ByteArrayInputStream(FIXTURE.getBytes(StandardCharsets.UTF_8)),
                out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, count);
        assertEquals(2, lines.size());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines.get(0));
        assertEquals("Product1", first.get("id").asText());
        assertEquals("totally annat", first.get("name").asText());
        assertEquals("tsaritzas calkers \u00e9clair", first.get("description").asText());
        assertEquals("Acme Corp", first.get("manufacturer").asText());
        assertFalse(first.has("price"), "BSBM prices are on offers, which are left out");
        assertEquals(List.of("productfeature=waterproof", "productfeature=wireless (ProductFeature2)",
                "numeric1=831", "textual2=" + "word ".repeat(40).strip()), properties(first));
        assertTrue(properties(first).get(3).length() - "textual2=".length() <= 200, "cut to the gateway's limit");

        JsonNode second = mapper.readTree(lines.get(1));
        assertEquals("Product2", second.get("id").asText());
        assertFalse(second.has("description"));
        assertEquals("Later Producer", second.get("manufacturer").asText(), "a producer labelled after its product");
        assertEquals(List.of("productfeature=wireless (ProductFeature3)", "productfeature=waterproof"),
                properties(second));
    }

    private static List<String> properties(JsonNode product) {
        List<String> out = new ArrayList<>();
        product.get("properties").forEach(p -> out.add(p.get("type").asText() + "=" + p.get("value").asText()));
        return out;
    }
}
