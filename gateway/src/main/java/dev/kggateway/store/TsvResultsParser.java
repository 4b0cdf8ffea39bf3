package dev.kggateway.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.datatypes.XMLDatatypeUtil;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.eclipse.rdf4j.query.QueryResultHandlerException;
import org.eclipse.rdf4j.query.TupleQueryResultHandlerException;
import org.eclipse.rdf4j.query.impl.ListBindingSet;
import org.eclipse.rdf4j.query.resultio.AbstractTupleQueryResultParser;
import org.eclipse.rdf4j.query.resultio.QueryResultParseException;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultFormat;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultParser;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultParserFactory;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;

/**
 * SPARQL 1.1 query results in TSV (<a href="https://www.w3.org/TR/sparql11-results-csv-tsv/">W3C</a>): a header of
 * {@code ?variables}, then one line per row, one RDF term per column in Turtle syntax, empty for unbound. The
 * cheapest result format for Fuseki to write, and it carries every term exactly (IRIs, blank nodes, language tags,
 * datatypes), unlike CSV.
 *
 * <p>Used instead of RDF4J 5.1's own TSV parser, which reads Turtle's bare {@code true}/{@code false} (how Jena
 * writes {@code xsd:boolean}) as plain strings and builds an opencsv bean mapper for every result: 1-5 ms for a
 * 27-row product read, where its SPARQL/XML parser takes 1.3 ms and this one 0.14 ms (BENCHMARKS "Remote store:
 * where a request's time goes"). Terms in quotes, angle brackets or {@code _:} go through RDF4J's N-Triples reader;
 * the bare Turtle forms are booleans and numbers (integer, decimal, double by their Turtle grammar).
 */
final class TsvResultsParser extends AbstractTupleQueryResultParser {

    @Override
    public TupleQueryResultFormat getTupleQueryResultFormat() {
        return TupleQueryResultFormat.TSV;
    }

    @Override
    public void parse(InputStream in) throws QueryResultParseException, TupleQueryResultHandlerException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            String header = reader.readLine();
            if (header == null) {
                throw new QueryResultParseException("empty TSV result: no header line");
            }
            List<String> names = new ArrayList<>();
            for (String column : line(header).split("\t", -1)) {
                if (!column.isEmpty()) {
                    names.add(column.startsWith("?") || column.startsWith("$") ? column.substring(1) : column);
                }
            }
            if (handler != null) {
                handler.startQueryResult(names);
            }
            long row = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                row++;
                Value[] values = new Value[names.size()];
                if (!names.isEmpty()) {
                    // An empty line is a row too: with one variable, the row where it is unbound.
                    String[] fields = line(text).split("\t", -1);
                    if (fields.length != values.length) {
                        throw new QueryResultParseException("TSV row has " + fields.length + " fields, header "
                                + values.length, row, -1);
                    }
                    for (int i = 0; i < fields.length; i++) {
                        values[i] = fields[i].isEmpty() ? null : term(fields[i], row);
                    }
                }
                if (handler != null) {
                    handler.handleSolution(new ListBindingSet(names, values));
                }
            }
            if (handler != null) {
                handler.endQueryResult();
            }
        } catch (IOException e) {
            throw new QueryResultParseException(e);
        } catch (QueryResultHandlerException e) {
            throw e instanceof TupleQueryResultHandlerException t ? t : new TupleQueryResultHandlerException(e);
        }
    }

    /** A line without the carriage return of a CRLF line end (a literal's own CR is always escaped as {@code \r}). */
    private static String line(String text) {
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private Value term(String field, long row) {
        char first = field.charAt(0);
        try {
            if (first == '"' || first == '_' || (first == '<' && !field.startsWith("<<"))) {
                return NTriplesUtil.parseValue(field, valueFactory);
            }
            if (field.startsWith("<<")) {
                return NTriplesUtil.parseTriple(field, valueFactory);
            }
        } catch (IllegalArgumentException e) {
            throw new QueryResultParseException("TSV row " + row + ": not an RDF term: " + e.getMessage(), row, -1);
        }
        if (field.equals("true") || field.equals("false")) {
            return valueFactory.createLiteral(field, XSD.BOOLEAN);
        }
        if (XMLDatatypeUtil.isValidInteger(field)) {
            return valueFactory.createLiteral(field, XSD.INTEGER);
        }
        if (XMLDatatypeUtil.isValidDecimal(field)) {
            return valueFactory.createLiteral(field, XSD.DECIMAL);
        }
        // Turtle's bare double always has an exponent; INF and NaN are written quoted with their datatype.
        if ((field.indexOf('e') >= 0 || field.indexOf('E') >= 0) && XMLDatatypeUtil.isValidDouble(field)) {
            return valueFactory.createLiteral(field, XSD.DOUBLE);
        }
        throw new QueryResultParseException("TSV row " + row + ": not an RDF term: " + field, row, -1);
    }

    /** Registered for {@link TupleQueryResultFormat#TSV} in place of RDF4J's by {@link SparqlRepositoryFactory}. */
    static final class Factory implements TupleQueryResultParserFactory {
        @Override
        public TupleQueryResultFormat getTupleQueryResultFormat() {
            return TupleQueryResultFormat.TSV;
        }

        @Override
        public TupleQueryResultParser getParser() {
            return new TsvResultsParser();
        }
    }
}
