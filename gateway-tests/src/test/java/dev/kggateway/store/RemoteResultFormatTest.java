package dev.kggateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.config.KgConfig;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.eclipse.rdf4j.query.AbstractTupleQueryResultHandler;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.TupleQuery;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultFormat;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SELECT result format negotiated with a remote endpoint ({@code kg.store.result-format}, TSV by default) on a real
 * Fuseki over HTTP: every awkward RDF term reads back exactly as it was stored (language tags, datatypes, booleans
 * and numbers Fuseki writes bare, unicode beyond the BMP, quotes, backslashes, tabs, newlines and carriage returns
 * in literals, IRIs with percent-escapes, blank nodes, unbound values), the same in every format; and an endpoint
 * that does not offer TSV (the same Fuseki behind a filter that hides TSV from its content negotiation) still
 * answers, in another format the gateway reads.
 */
class RemoteResultFormatTest {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();
    private static final String EX = "http://example.org/";
    private static final DatasetGraph DATA = DatasetGraphFactory.createTxnMem();
    /** Content types of the answers, as the gateway's HTTP client saw them. */
    private static final List<String> CONTENT_TYPES = new CopyOnWriteArrayList<>();
    /** Stored object of each subject {@code EX + i}, as RDF4J must read it back. */
    private static final Map<String, Value> EXPECTED = new LinkedHashMap<>();

    private static FusekiServer fuseki;
    private static FusekiServer withoutTsv;

    @BeforeAll
    static void start() throws IOException {
        Object[][] terms = {
            {NodeFactory.createLiteralLang("colour", "en-GB"), VF.createLiteral("colour", "en-GB")},
            {NodeFactory.createLiteralLang("Handschuh", "de"), VF.createLiteral("Handschuh", "de")},
            {NodeFactory.createLiteralString("é ☃ 𝄞 漢字"), VF.createLiteral("é ☃ 𝄞 漢字")},
            {NodeFactory.createLiteralString("say \"hi\" \\ back\\slash"), VF.createLiteral("say \"hi\" \\ back\\slash")},
            {NodeFactory.createLiteralString("tab\there\nnew line\r\nand CR"),
                VF.createLiteral("tab\there\nnew line\r\nand CR")},
            {NodeFactory.createLiteralString(""), VF.createLiteral("")},
            {NodeFactory.createLiteralString("  padded, with; commas  "), VF.createLiteral("  padded, with; commas  ")},
            {NodeFactory.createLiteralString("<not an IRI>"), VF.createLiteral("<not an IRI>")},
            {NodeFactory.createLiteralString("true"), VF.createLiteral("true")},
            {NodeFactory.createLiteralString("42"), VF.createLiteral("42")},
            {typed("true", XSDDatatype.XSDboolean), VF.createLiteral("true", XSD.BOOLEAN)},
            {typed("false", XSDDatatype.XSDboolean), VF.createLiteral("false", XSD.BOOLEAN)},
            {typed("42", XSDDatatype.XSDinteger), VF.createLiteral("42", XSD.INTEGER)},
            {typed("-7", XSDDatatype.XSDinteger), VF.createLiteral("-7", XSD.INTEGER)},
            {typed("3.50", XSDDatatype.XSDdecimal), VF.createLiteral("3.50", XSD.DECIMAL)},
            {typed("1.5E3", XSDDatatype.XSDdouble), VF.createLiteral("1.5E3", XSD.DOUBLE)},
            {typed("NaN", XSDDatatype.XSDdouble), VF.createLiteral("NaN", XSD.DOUBLE)},
            {typed("-5", XSDDatatype.XSDint), VF.createLiteral("-5", XSD.INT)},
            {typed("2026-12-02", XSDDatatype.XSDdate), VF.createLiteral("2026-12-02", XSD.DATE)},
            {NodeFactory.createLiteralDT("x\ty", TypeMapper.getInstance().getSafeTypeByName(EX + "dt")),
                VF.createLiteral("x\ty", VF.createIRI(EX + "dt"))},
            {NodeFactory.createURI(EX + "a%20b/%C3%A9?q=1&r=%22#frag"), VF.createIRI(EX + "a%20b/%C3%A9?q=1&r=%22#frag")},
            {NodeFactory.createURI(EX + "é"), VF.createIRI(EX + "é")},
        };
        Txn.executeWrite(DATA, () -> {
            Node p = NodeFactory.createURI(EX + "p");
            Node blank = NodeFactory.createBlankNode();
            for (int i = 0; i < terms.length; i++) {
                Node s = NodeFactory.createURI(EX + i);
                DATA.getDefaultGraph().add(s, p, (Node) terms[i][0]);
                EXPECTED.put(EX + i, (Value) terms[i][1]);
            }
            // One blank node object of two subjects: the same node in both rows of one answer.
            DATA.getDefaultGraph().add(NodeFactory.createURI(EX + "b1"), NodeFactory.createURI(EX + "q"), blank);
            DATA.getDefaultGraph().add(NodeFactory.createURI(EX + "b2"), NodeFactory.createURI(EX + "q"), blank);
        });
        fuseki = FusekiServer.create().port(freePort()).loopback(true).add("/kg", DATA, false).build().start();
        withoutTsv = FusekiServer.create().port(freePort()).loopback(true).add("/kg", DATA, false)
                .addFilter("/*", hidingTsv()).build().start();
    }

    @AfterAll
    static void stop() {
        fuseki.stop();
        withoutTsv.stop();
    }

    @Test
    void everyFormatReadsEveryTermBackExactly() {
        for (KgConfig.ResultFormat format : KgConfig.ResultFormat.values()) {
            CONTENT_TYPES.clear();
            Map<String, Value> read = objects(fuseki, format);
            assertEquals(EXPECTED, read, format.toString());
            assertTrue(CONTENT_TYPES.stream().allMatch(t -> t.startsWith(mime(format))),
                    format + " asked first, answered as " + CONTENT_TYPES);
        }
    }

    @Test
    void unboundValuesBlankNodesAndAOneColumnAnswer() {
        for (KgConfig.ResultFormat format : KgConfig.ResultFormat.values()) {
            List<BindingSet> rows = select(fuseki, format, "SELECT ?s ?o ?none WHERE { ?s <" + EX + "q> ?o "
                    + "OPTIONAL { ?s <" + EX + "missing> ?none } } ORDER BY ?s");
            assertEquals(2, rows.size(), format.toString());
            assertInstanceOf(BNode.class, rows.get(0).getValue("o"), format.toString());
            assertEquals(rows.get(0).getValue("o"), rows.get(1).getValue("o"), format + ": one blank node, one label");
            assertFalse(rows.get(0).hasBinding("none"), format.toString());
            // One variable, unbound in every row: in TSV each row is an empty line.
            List<BindingSet> unbound = select(fuseki, format, "SELECT ?none WHERE { ?s <" + EX + "p> ?o "
                    + "OPTIONAL { ?s <" + EX + "missing> ?none } }");
            assertEquals(EXPECTED.size(), unbound.size(), format.toString());
            assertTrue(unbound.stream().noneMatch(r -> r.hasBinding("none")), format.toString());
            assertEquals(0, select(fuseki, format, "SELECT ?s WHERE { ?s <" + EX + "nothing> ?o }").size());
        }
    }

    @Test
    void anEndpointWithoutTsvAnswersInAnotherFormatTheGatewayReads() {
        CONTENT_TYPES.clear();
        assertEquals(EXPECTED, objects(withoutTsv, KgConfig.ResultFormat.TSV));
        assertFalse(CONTENT_TYPES.isEmpty());
        assertTrue(CONTENT_TYPES.stream().noneMatch(t -> t.startsWith("text/tab-separated-values")), CONTENT_TYPES.toString());
    }

    /** Subject to object of every {@code EX:p} triple, read through the gateway's remote session. */
    private static Map<String, Value> objects(FusekiServer server, KgConfig.ResultFormat format) {
        Map<String, Value> read = new LinkedHashMap<>();
        for (BindingSet row : select(server, format, "SELECT ?s ?o WHERE { ?s <" + EX + "p> ?o }")) {
            read.put(row.getValue("s").stringValue(), row.getValue("o"));
        }
        // In the stored order, so a difference reads side by side with EXPECTED.
        return EXPECTED.keySet().stream().filter(read::containsKey)
                .collect(Collectors.toMap(k -> k, read::get, (a, b) -> a, LinkedHashMap::new));
    }

    /** As GraphStore.select reads: the gateway's session manager and result format, rows handed to a handler. */
    private static List<BindingSet> select(FusekiServer server, KgConfig.ResultFormat format, String sparql) {
        CloseableHttpClient client = HttpClients.custom()
                .addInterceptorLast((org.apache.http.HttpResponseInterceptor) (response, context) -> {
                    if (response.getEntity() != null && response.getEntity().getContentType() != null) {
                        CONTENT_TYPES.add(response.getEntity().getContentType().getValue());
                    }
                }).build();
        TupleQueryResultFormat wanted = SparqlRepositoryFactory.resultFormat(format);
        SPARQLRepository repository = new SPARQLRepository("http://localhost:" + server.getPort() + "/kg/query");
        repository.setHttpClientSessionManager(new RemoteSessionManager(client, 2048, true, wanted));
        repository.init();
        try (RepositoryConnection connection = repository.getConnection()) {
            TupleQuery query = connection.prepareTupleQuery(sparql);
            List<BindingSet> rows = new ArrayList<>();
            query.evaluate(new AbstractTupleQueryResultHandler() {
                @Override
                public void handleSolution(BindingSet row) {
                    rows.add(row);
                }
            });
            return rows;
        } finally {
            repository.shutDown();
        }
    }

    private static String mime(KgConfig.ResultFormat format) {
        return switch (format) {
            case TSV -> "text/tab-separated-values";
            case JSON -> "application/sparql-results+json";
            case XML -> "application/sparql-results+xml";
        };
    }

    private static Node typed(String lexical, XSDDatatype type) {
        return NodeFactory.createLiteralDT(lexical, type);
    }

    /** Hides TSV from Fuseki's content negotiation, as on an endpoint that does not offer it. */
    private static Filter hidingTsv() {
        return (request, response, chain) -> chain.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request) {
            @Override
            public String getHeader(String name) {
                String value = super.getHeader(name);
                return "accept".equalsIgnoreCase(name) && value != null ? withoutTsv(value) : value;
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                if (!"accept".equalsIgnoreCase(name)) {
                    return super.getHeaders(name);
                }
                List<String> values = Collections.list(super.getHeaders(name));
                values.replaceAll(RemoteResultFormatTest::withoutTsv);
                return Collections.enumeration(values);
            }
        }, response);
    }

    private static String withoutTsv(String accept) {
        return java.util.Arrays.stream(accept.split(","))
                .filter(range -> !range.contains("tab-separated-values"))
                .collect(Collectors.joining(","));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
