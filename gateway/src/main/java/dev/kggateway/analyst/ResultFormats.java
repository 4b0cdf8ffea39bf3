package dev.kggateway.analyst;

import dev.kggateway.store.AnalystQuery;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.eclipse.rdf4j.common.lang.FileFormat;
import org.eclipse.rdf4j.query.resultio.BooleanQueryResultFormat;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultFormat;
import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * Content negotiation for {@code /sparql}: the formats each query form can be written in, by RDF4J's result and
 * RDF writers, in the order preferred when the client accepts anything (first = default).
 */
final class ResultFormats {

    static final List<FileFormat> TUPLE = List.of(TupleQueryResultFormat.JSON, TupleQueryResultFormat.SPARQL,
            TupleQueryResultFormat.CSV, TupleQueryResultFormat.TSV);
    static final List<FileFormat> BOOLEAN = List.of(BooleanQueryResultFormat.JSON, BooleanQueryResultFormat.SPARQL,
            BooleanQueryResultFormat.TEXT);
    static final List<FileFormat> GRAPH = List.of(RDFFormat.TURTLE, RDFFormat.NTRIPLES);

    private ResultFormats() {
    }

    static List<FileFormat> of(AnalystQuery.Form form) {
        return switch (form) {
            case SELECT -> TUPLE;
            case ASK -> BOOLEAN;
            case CONSTRUCT, DESCRIBE -> GRAPH;
        };
    }

    /** The best format for the request's Accept header (weights honoured), or null when none fits (406). */
    static FileFormat negotiate(RoutingContext rc, List<FileFormat> offered) {
        List<MIMEHeader> accepted = rc.parsedHeaders().accept();
        if (accepted.isEmpty()) {
            return offered.get(0);
        }
        // parsedHeaders() sorts by weight, most wanted first.
        for (MIMEHeader wanted : accepted) {
            if (wanted.weight() <= 0) {
                continue;
            }
            for (FileFormat format : offered) {
                for (String mime : format.getMIMETypes()) {
                    int slash = mime.indexOf('/');
                    String type = mime.substring(0, slash);
                    String sub = mime.substring(slash + 1);
                    if ((wanted.component().equals("*") || wanted.component().equalsIgnoreCase(type))
                            && (wanted.subComponent().equals("*") || wanted.subComponent().equalsIgnoreCase(sub))) {
                        return format;
                    }
                }
            }
        }
        return null;
    }

    /** The content types offered, for a 406 answer. */
    static String list(List<FileFormat> offered) {
        return String.join(", ", offered.stream().map(FileFormat::getDefaultMIMEType).toList());
    }
}
