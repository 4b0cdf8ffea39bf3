package dev.kggateway.store;

import java.util.List;
import java.util.Map;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.MalformedQueryException;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.algebra.Service;
import org.eclipse.rdf4j.query.algebra.helpers.AbstractQueryModelVisitor;
import org.eclipse.rdf4j.query.parser.ParsedBooleanQuery;
import org.eclipse.rdf4j.query.parser.ParsedDescribeQuery;
import org.eclipse.rdf4j.query.parser.ParsedGraphQuery;
import org.eclipse.rdf4j.query.parser.ParsedOperation;
import org.eclipse.rdf4j.query.parser.ParsedQuery;
import org.eclipse.rdf4j.query.parser.ParsedTupleQuery;
import org.eclipse.rdf4j.query.parser.QueryParserUtil;

/**
 * A SPARQL query text from an analyst (the {@code /sparql} endpoint), checked here before any store sees it: it
 * must parse as a query (updates are refused) and must not call other endpoints ({@code SERVICE}: the embedded
 * store would otherwise fetch any URL the client names). The text itself is passed on unchanged.
 */
public final class AnalystQuery {

    /** The four SPARQL query forms; they decide which result formats fit. */
    public enum Form {
        SELECT, ASK, CONSTRUCT, DESCRIBE;

        /** CONSTRUCT and DESCRIBE answer with RDF statements; SELECT and ASK with a result set. */
        public boolean isGraph() {
            return this == CONSTRUCT || this == DESCRIBE;
        }
    }

    /** Why a text is refused; the HTTP layer maps each to its status. */
    public enum Refusal {
        /** Not a syntactically valid SPARQL 1.1 query. */
        MALFORMED,
        /** A SPARQL update (INSERT, DELETE, LOAD, CLEAR …): this endpoint is read only. */
        UPDATE,
        /** Federated query (SERVICE): not allowed. */
        SERVICE,
        /** Longer than kg.sparql.max-query-length. */
        TOO_LONG
    }

    /** The client's text is refused; the message is safe to show the client. */
    public static final class Refused extends RuntimeException {
        private final Refusal reason;

        Refused(Refusal reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    /** The query ran longer than its time limit; not a store failure (it does not count for the breaker). */
    public static final class TimedOut extends RuntimeException {
        TimedOut(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * What a query returned, at most {@code maxRows} rows or statements; {@code truncated} when more were there.
     * Exactly one of bindings/rows, answer, statements is set, by form.
     */
    public record Result(Form form, List<String> bindingNames, List<BindingSet> rows, Boolean answer,
            List<Statement> statements, Map<String, String> namespaces, boolean truncated) {
    }

    private final String text;
    private final Form form;

    private AnalystQuery(String text, Form form) {
        this.text = text;
        this.form = form;
    }

    public String text() {
        return text;
    }

    public Form form() {
        return form;
    }

    /** Parses and checks a client's query text; throws {@link Refused} with a message for the client. */
    public static AnalystQuery parse(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new Refused(Refusal.MALFORMED, "no query: send it as the 'query' parameter (GET or form POST) or"
                    + " as the body with Content-Type application/sparql-query");
        }
        if (text.length() > maxLength) {
            throw new Refused(Refusal.TOO_LONG, "the query is longer than " + maxLength + " characters");
        }
        ParsedOperation parsed;
        try {
            parsed = QueryParserUtil.parseOperation(QueryLanguage.SPARQL, text, null);
        } catch (MalformedQueryException e) {
            throw new Refused(Refusal.MALFORMED, "malformed SPARQL query: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            // The parser's own failures on odd input (e.g. an IRI it cannot resolve) are still the client's text.
            throw new Refused(Refusal.MALFORMED, "malformed SPARQL query: " + firstLine(String.valueOf(e.getMessage())));
        }
        if (!(parsed instanceof ParsedQuery query)) {
            throw new Refused(Refusal.UPDATE, "SPARQL updates are not accepted here: /sparql is read only. Change"
                    + " data through the GraphQL mutations or bulk-load");
        }
        boolean[] service = {false};
        query.getTupleExpr().visit(new AbstractQueryModelVisitor<RuntimeException>() {
            @Override
            public void meet(Service node) {
                service[0] = true;
            }
        });
        if (service[0]) {
            throw new Refused(Refusal.SERVICE, "SERVICE (federated query) is not allowed on this endpoint");
        }
        Form form;
        if (query instanceof ParsedTupleQuery) {
            form = Form.SELECT;
        } else if (query instanceof ParsedBooleanQuery) {
            form = Form.ASK;
        } else if (query instanceof ParsedDescribeQuery) {
            form = Form.DESCRIBE;
        } else if (query instanceof ParsedGraphQuery) {
            form = Form.CONSTRUCT;
        } else {
            throw new Refused(Refusal.MALFORMED, "unsupported query form");
        }
        return new AnalystQuery(text, form);
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
