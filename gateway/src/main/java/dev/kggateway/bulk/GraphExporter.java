package dev.kggateway.bulk;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.domain.Page;
import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.PropertyLink;
import dev.kggateway.domain.PropertySource;
import dev.kggateway.store.GraphStore;
import dev.kggateway.store.Iris;
import dev.kggateway.store.ProductRepository;
import dev.kggateway.store.StoreCapability;
import dev.kggateway.store.Vocab;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;
import org.eclipse.rdf4j.rio.turtle.TurtleWriterSettings;

/**
 * Writes the whole catalogue graph to a stream, holding at most one page of products: N-Quads and Turtle (RDF4J
 * Rio writers fed straight from the store's statement stream: every statement, NER links and extraction records
 * included) or JSON lines of ProductInput (what bulk-load and addProducts take; vendor properties only, since NER
 * links are re-derived by the model on load). {@code bulk-load} reads all three back.
 */
@ApplicationScoped
public class GraphExporter {

    /** Export formats, with the file extension bulk-load recognises and the HTTP content type. */
    public enum Format {
        NQUADS("nq", "application/n-quads"), TURTLE("ttl", "text/turtle"), JSONL("jsonl", "application/x-ndjson");

        public final String extension;
        public final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        /** The format named by {@code nquads|turtle|jsonl}, or null. */
        public static Format named(String name) {
            for (Format f : values()) {
                if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** Products in one page of the JSON-lines export. */
    private static final int PAGE = 500;

    @Inject
    GraphStore store;

    @Inject
    ProductRepository products;

    @Inject
    Iris iris;

    /**
     * True when writing this export holds one read of the store from its first statement to its last, which on the
     * embedded store keeps every write waiting (see GraphStore's access lock): N-Quads and Turtle (one statement
     * scan, for a consistent graph). JSON lines reads page by page, each page a read of its own, and remote stores
     * hold nothing. A caller that writes to a slow reader (an HTTP client) spools such an export first.
     */
    public boolean holdsTheStoreWhileWriting(Format format) {
        return format != Format.JSONL && store.has(StoreCapability.LOCAL_TRANSACTIONS);
    }

    /** Writes the export and returns the number of records (statements, or products for JSON lines). */
    public long export(Format format, OutputStream out) throws IOException {
        try {
            return format == Format.JSONL ? jsonLines(out) : rdf(format == Format.NQUADS ? RDFFormat.NQUADS
                    : RDFFormat.TURTLE, out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private long rdf(RDFFormat format, OutputStream out) throws IOException {
        Writer text = NQuadsFiles.bufferedText(out); // Rio does not buffer its text itself
        RDFWriter writer = Rio.createWriter(format, text);
        // Every literal with its datatype: an abbreviated number would read back with another datatype (a decimal
        // without a fraction becomes xsd:integer), and the round trip must give the same graph.
        writer.getWriterConfig().set(BasicWriterSettings.PRETTY_PRINT, false);
        writer.getWriterConfig().set(TurtleWriterSettings.ABBREVIATE_NUMBERS, false);
        writer.startRDF();
        writer.handleNamespace(Vocab.PREFIX, Vocab.NS);
        writer.handleNamespace("rdf", RDF.NAMESPACE);
        long[] count = {0};
        store.exportGraph(iris.catalogGraph(), st -> {
            writer.handleStatement(st);
            count[0]++;
        });
        writer.endRDF();
        text.flush(); // the caller owns (and closes) out
        return count[0];
    }

    private long jsonLines(OutputStream out) throws IOException {
        ObjectMapper mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        long count = 0;
        String after = null;
        while (true) {
            Page<String> page = products.findIds(ProductQuery.ALL, after, PAGE);
            Map<String, Product> found = products.findByIds(page.items());
            for (String id : page.items()) {
                Product p = found.get(id);
                if (p == null) {
                    continue; // removed between the two reads
                }
                out.write(mapper.writeValueAsBytes(record(p)));
                out.write('\n');
                count++;
            }
            if (!page.hasNext() || page.items().isEmpty()) {
                return count;
            }
            after = page.items().get(page.items().size() - 1);
        }
    }

    /** The product as a ProductInput JSON object, absent fields left out. */
    private static Map<String, Object> record(Product p) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", p.id());
        r.put("name", p.name());
        putIfSet(r, "description", p.description());
        putIfSet(r, "price", p.price());
        putIfSet(r, "currency", p.currency());
        putIfSet(r, "manufacturer", p.manufacturer());
        List<Map<String, String>> properties = new ArrayList<>();
        for (PropertyLink link : p.links()) {
            if (link.source() == PropertySource.VENDOR) {
                properties.add(Map.of("type", link.property().type(), "value", link.property().value()));
            }
        }
        r.put("properties", properties);
        return r;
    }

    private static void putIfSet(Map<String, Object> r, String key, Object value) {
        if (value != null) {
            r.put(key, value);
        }
    }
}
