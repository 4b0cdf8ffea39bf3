package dev.kggateway.bulk;

import dev.kggateway.store.Iris;
import dev.kggateway.store.ProductRepository;
import dev.kggateway.store.Vocab;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.ParseErrorListener;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFHandlerException;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;
import org.eclipse.rdf4j.rio.ntriples.NTriplesParserSettings;

/**
 * Loads the {@code .nq} / {@code .ttl} files that {@code export} writes, streaming, into the catalogue graph (the
 * graph label of a quad is not kept: everything lands in this store's catalogue graph). Products of the file that
 * already exist are removed first, so the file's version replaces them as a JSON-lines load would. Statements
 * whose subject is not an IRI of this store's namespace or whose predicate is not of the gateway's vocabulary are
 * reported and skipped. N-Quads: a bad line is reported and skipped; Turtle cannot resume after a syntax error, so
 * the load stops there (what came before it is loaded).
 */
@ApplicationScoped
public class RdfLoader {

    private static final int BATCH = 20_000;
    private static final int MAX_ERRORS_KEPT = 100;

    @Inject
    ProductRepository products;

    @Inject
    dev.kggateway.store.GraphStore store;

    @Inject
    Iris iris;

    public record Summary(long statements, long invalid, long replaced, List<String> errors, boolean complete) {
    }

    /** The RDF format bulk-load reads for this file name, or null when it is not an RDF file. */
    public static RDFFormat formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nq") || name.endsWith(".nquads")) {
            return RDFFormat.NQUADS;
        }
        if (name.endsWith(".ttl")) {
            return RDFFormat.TURTLE;
        }
        return null;
    }

    public Summary load(Path file, PrintStream progress) throws IOException {
        long started = System.nanoTime();
        RDFFormat format = formatOf(file);
        long replaced = removeProductsOf(file, format);
        List<String> errors = new ArrayList<>();
        long[] counts = new long[2]; // loaded, invalid
        List<Statement> batch = new ArrayList<>(BATCH);
        String base = iris.catalogGraph().stringValue();
        base = base.substring(0, base.length() - "graph/catalog".length());
        String namespace = base;
        RDFParser parser = parser(format, new LineErrors() {
            @Override
            public void error(String message, long line, long column) {
                counts[1]++;
                keep(errors, "line " + line + ": " + message);
            }
        });
        parser.setRDFHandler(new AbstractRDFHandler() {
            @Override
            public void handleStatement(Statement st) {
                String problem = check(st, namespace);
                if (problem != null) {
                    counts[1]++;
                    keep(errors, problem);
                    return;
                }
                batch.add(st);
                if (batch.size() == BATCH) {
                    products.addStatements(batch);
                    counts[0] += batch.size();
                    batch.clear();
                    progress.printf("  %,d statements, %.0f statements/s%n", counts[0],
                            counts[0] / Math.max(1e-9, (System.nanoTime() - started) / 1e9));
                }
            }
        });
        boolean complete = true;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            parser.parse(in, "");
        } catch (RDFParseException e) {
            complete = false;
            counts[1]++;
            keep(errors, "line " + e.getLineNumber() + ": " + e.getMessage().lines().findFirst().orElse("")
                    + " (reading stopped here; the statements before it are loaded)");
        }
        products.addStatements(batch);
        counts[0] += batch.size();
        store.syncToDisk(); // kg.store.force-sync=false (bulk-load's default): once here instead of per commit
        progress.printf("done in %.1f s: %,d statements loaded, %,d rejected, %,d existing products replaced%n",
                (System.nanoTime() - started) / 1e9, counts[0], counts[1], replaced);
        return new Summary(counts[0], counts[1], replaced, errors, complete);
    }

    private static RDFParser parser(RDFFormat format, ParseErrorListener listener) {
        RDFParser parser = Rio.createParser(format);
        // N-Quads: report a bad line and go on with the next one.
        parser.getParserConfig().set(NTriplesParserSettings.FAIL_ON_INVALID_LINES, false);
        parser.getParserConfig().addNonFatalError(NTriplesParserSettings.FAIL_ON_INVALID_LINES);
        parser.setParseErrorListener(listener);
        return parser;
    }

    /** Reports recoverable errors (a skipped N-Quads line); warnings are ignored, a fatal error ends in an exception. */
    private abstract static class LineErrors implements ParseErrorListener {
        @Override
        public void warning(String message, long line, long column) {
        }

        @Override
        public void fatalError(String message, long line, long column) {
        }
    }

    /** Why a statement does not belong in the catalogue graph, or null. */
    private static String check(Statement st, String namespace) {
        if (!(st.getSubject() instanceof IRI subject) || !subject.stringValue().startsWith(namespace)) {
            return "subject " + st.getSubject() + " is not an IRI under " + namespace + " (kg.base-iri)";
        }
        IRI p = st.getPredicate();
        if (!p.equals(RDF.TYPE) && !p.getNamespace().equals(Vocab.NS)) {
            return "predicate " + p + " is not of the gateway's vocabulary " + Vocab.NS;
        }
        return null;
    }

    private static void keep(List<String> errors, String error) {
        if (errors.size() < MAX_ERRORS_KEPT) {
            errors.add(error);
        }
    }

    /**
     * First pass over the file: the products it holds (subjects typed kg:Product) that the store already has are
     * removed, so the file's version replaces them instead of merging with them. Skipped for an empty store.
     */
    private long removeProductsOf(Path file, RDFFormat format) throws IOException {
        if (products.isEmpty()) {
            return 0;
        }
        IRI productClass = Vocab.PRODUCT;
        Set<String> ids = new HashSet<>();
        RDFParser parser = parser(format, new LineErrors() {
            @Override
            public void error(String message, long line, long column) {
                // reported by the second pass
            }
        });
        parser.setRDFHandler(new AbstractRDFHandler() {
            @Override
            public void handleStatement(Statement st) throws RDFHandlerException {
                if (st.getPredicate().equals(RDF.TYPE) && st.getObject().equals(productClass)) {
                    try {
                        ids.add(iris.productId(st.getSubject().stringValue()));
                    } catch (RuntimeException foreign) {
                        // reported by the second pass
                    }
                }
            }
        });
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            parser.parse(in, "");
        } catch (RDFParseException e) {
            // reported by the second pass
        }
        long removed = 0;
        for (String id : products.existing(ids)) {
            if (products.remove(id)) {
                removed++;
            }
        }
        return removed;
    }
}
