package dev.kggateway.tools;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.model.vocabulary.RDFS;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;

/**
 * Turns the products of a Berlin SPARQL Benchmark data set (N-Triples from the BSBM data generator) into the
 * gateway's JSON lines of ProductInput, so the gateway can be measured on the standard e-commerce graph:
 * <ul>
 * <li>each {@code bsbm:Product} → one product, id = the local name of its IRI ({@code Product42}; BSBM numbers
 * products across producers), {@code rdfs:label} → name, {@code rdfs:comment} → description;</li>
 * <li>{@code bsbm:producer} → manufacturer (the producer's {@code rdfs:label});</li>
 * <li>{@code bsbm:productFeature} → a property whose type is the local name of the feature's {@code rdf:type}
 * ({@code bsbm:ProductFeature} → {@code productfeature}) and whose value is the feature's label — so products
 * sharing a feature share one property node, as in BSBM; a label two features share gets the feature's local name
 * appended, so distinct features stay distinct nodes;</li>
 * <li>{@code bsbm:productPropertyNumericN} → property {@code numericN}, {@code bsbm:productPropertyTextualN} →
 * property {@code textualN}, the literal's text as value (cut at a word boundary to the gateway's 200 characters).</li>
 * </ul>
 * Offers (BSBM's prices), reviews, vendors and product types are left out: the gateway's product has no offers.
 * Products are held in memory until the end of the file (the generator writes features and producers before or
 * after the products that name them; a feature's label is suffixed only if another feature some product names has
 * it, known at the end), several kB per product: give the JVM ~8 GB per 1M BSBM products.
 */
public final class BsbmConverter {

    static final String VOCAB = "http://www4.wiwiss.fu-berlin.de/bizer/bsbm/v01/vocabulary/";
    private static final Pattern NUMBERED = Pattern.compile("productProperty(Numeric|Textual)(\\d+)");
    private static final Pattern NOT_ID = Pattern.compile("[^A-Za-z0-9._-]");
    private static final int MAX_VALUE = 200;
    private static final int CHUNK = 4 << 20;
    /** Predicates the mapping reads, as they appear in an N-Triples line. */
    private static final List<String> READ = List.of("<" + RDF.TYPE + ">", "<" + RDFS.LABEL + ">",
            "<" + RDFS.COMMENT + ">", "<" + VOCAB + "producer>", "<" + VOCAB + "productFeature>",
            "<" + VOCAB + "productProperty");

    private final Map<Resource, ProductRecord> products = new LinkedHashMap<>();
    private final Map<Resource, String> labels = new HashMap<>();
    private final Map<Resource, String> comments = new HashMap<>();
    private final Map<Resource, String> classes = new HashMap<>();
    /**
     * One instance per feature or producer IRI: the parser makes a new IRI object per statement and each product
     * names ~20 features, so the products held would otherwise keep ~20 copies each (the converter held ~7.4 GB of
     * live heap at the end of 1M BSBM products without this).
     */
    private final Map<Resource, Resource> shared = new HashMap<>();

    /** What one product collects while the file is read. */
    private static final class ProductRecord {
        boolean isProduct;
        Resource producer;
        final List<Resource> features = new ArrayList<>();
        final Map<String, String> properties = new TreeMap<>();
    }

    /** Reads BSBM N-Triples from {@code in} and writes one JSON line per product to {@code out}; returns the count. */
    public long convert(InputStream in, OutputStream out) throws IOException {
        // Offers and reviews are most of a BSBM file: lines without a predicate the mapping reads are skipped before
        // parsing, the rest goes to RDF4J's N-Triples parser in chunks (N-Triples lines stand alone).
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        StringBuilder chunk = new StringBuilder(CHUNK + 4096);
        String line;
        while ((line = lines.readLine()) != null) {
            if (relevant(line)) {
                chunk.append(line).append('\n');
                if (chunk.length() >= CHUNK) {
                    parse(chunk);
                }
            }
        }
        parse(chunk);
        return write(out);
    }

    private static boolean relevant(String line) {
        for (String predicate : READ) {
            if (line.contains(predicate)) {
                return true;
            }
        }
        return false;
    }

    private void parse(StringBuilder chunk) throws IOException {
        RDFParser parser = Rio.createParser(RDFFormat.NTRIPLES);
        parser.getParserConfig().set(BasicParserSettings.PRESERVE_BNODE_IDS, true);
        parser.setRDFHandler(new AbstractRDFHandler() {
            @Override
            public void handleStatement(Statement st) {
                read(st);
            }
        });
        parser.parse(new StringReader(chunk.toString()), "");
        chunk.setLength(0);
    }

    private void read(Statement st) {
        Resource s = st.getSubject();
        IRI p = st.getPredicate();
        Value o = st.getObject();
        if (p.equals(RDFS.LABEL)) {
            labels.put(s, o.stringValue());
        } else if (p.equals(RDFS.COMMENT)) {
            comments.put(s, o.stringValue());
        } else if (p.equals(RDF.TYPE) && o instanceof IRI type) {
            if (type.stringValue().equals(VOCAB + "Product")) {
                record(s).isProduct = true;
            } else if (type.stringValue().startsWith(VOCAB)) {
                classes.putIfAbsent(s, type.getLocalName()); // a feature's class (product types are instances)
            }
        } else if (p.stringValue().startsWith(VOCAB)) {
            String term = p.getLocalName();
            Matcher m = NUMBERED.matcher(term);
            if (term.equals("producer") && o instanceof Resource producer) {
                record(s).producer = shared.computeIfAbsent(producer, r -> r);
            } else if (term.equals("productFeature") && o instanceof Resource feature) {
                record(s).features.add(shared.computeIfAbsent(feature, r -> r));
            } else if (m.matches()) {
                record(s).properties.put(m.group(1).toLowerCase(Locale.ROOT) + m.group(2), cut(o.stringValue()));
            }
        }
    }

    private ProductRecord record(Resource s) {
        return products.computeIfAbsent(s, k -> new ProductRecord());
    }

    private long write(OutputStream out) throws IOException {
        Map<String, Integer> featuresPerLabel = new HashMap<>();
        products.values().stream().filter(r -> r.isProduct).flatMap(r -> r.features.stream()).distinct()
                .forEach(f -> featuresPerLabel.merge(featureLabel(f), 1, Integer::sum));
        ObjectMapper mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        long count = 0;
        for (Map.Entry<Resource, ProductRecord> e : products.entrySet()) {
            ProductRecord r = e.getValue();
            String name = labels.get(e.getKey());
            if (!r.isProduct || name == null) {
                continue;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", NOT_ID.matcher(localName(e.getKey())).replaceAll("-"));
            line.put("name", name);
            if (comments.containsKey(e.getKey())) {
                line.put("description", comments.get(e.getKey()));
            }
            if (r.producer != null) {
                line.put("manufacturer", labels.getOrDefault(r.producer, localName(r.producer)));
            }
            List<Map<String, String>> properties = new ArrayList<>();
            for (Resource feature : r.features) {
                String label = featureLabel(feature);
                String value = featuresPerLabel.getOrDefault(label, 1) > 1 ? label + " (" + localName(feature) + ")"
                        : label;
                properties.add(property(classes.getOrDefault(feature, "ProductFeature").toLowerCase(Locale.ROOT),
                        cut(value)));
            }
            r.properties.forEach((type, value) -> properties.add(property(type, value)));
            line.put("properties", properties);
            line.put("enrich", false);
            out.write(mapper.writeValueAsBytes(line));
            out.write('\n');
            count++;
        }
        out.flush();
        return count;
    }

    /** A PropertyInput object, its keys in a fixed order (the same file for the same input). */
    private static Map<String, String> property(String type, String value) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("value", value);
        return p;
    }

    private String featureLabel(Resource feature) {
        return labels.getOrDefault(feature, localName(feature));
    }

    private static String localName(Resource r) {
        String s = r.stringValue();
        return s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('#')) + 1);
    }

    /** At most the gateway's 200 characters of a property value, cut at the last space that fits. */
    private static String cut(String value) {
        if (value.length() <= MAX_VALUE) {
            return value;
        }
        int space = value.lastIndexOf(' ', MAX_VALUE);
        return value.substring(0, space > 0 ? space : MAX_VALUE);
    }
}
