package dev.kggateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.http.impl.client.HttpClients;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.parser.ParsedQuery;
import org.eclipse.rdf4j.query.parser.QueryParserUtil;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.junit.jupiter.api.Test;

/**
 * Retry classification (per {@link StoreOperation}, see {@link StoreFailures}) on the exceptions RDF4J really raises for Neptune-style HTTP answers and dead endpoints (a
 * local HTTP server plays Neptune's error responses), and the Neptune query hint's placement and syntax.
 */
class StoreRetryTest {

    /** Runs an update against a local server answering HTTP 500 with the given Neptune error body. */
    private static RuntimeException updateFailure(String neptuneCode) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sparql", ex -> {
            byte[] body = ("{\"requestId\":\"r1\",\"code\":\"" + neptuneCode + "\",\"detailedMessage\":\"failed\"}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(500, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            SPARQLRepository repo = repository("http://127.0.0.1:" + server.getAddress().getPort() + "/sparql");
            AtomicReference<RuntimeException> caught = new AtomicReference<>();
            try (RepositoryConnection c = repo.getConnection()) {
                // As GraphStore.update does it; RDF4J may fail at execute or at commit, either is the same request.
                caught.set(assertThrows(RuntimeException.class, () -> {
                    c.begin();
                    c.prepareUpdate("INSERT DATA { <urn:a> <urn:b> <urn:c> }").execute();
                    c.commit();
                }));
            } finally {
                repo.shutDown();
            }
            return caught.get();
        } finally {
            server.stop(0);
        }
    }

    private static SPARQLRepository repository(String endpoint) {
        SPARQLRepository repo = new SPARQLRepository(endpoint);
        repo.setHttpClientSessionManager(new RemoteSessionManager(HttpClients.createDefault(), 2048, true));
        repo.init();
        return repo;
    }

    @Test
    void updatesAreRetriedOnlyOnConcurrentModification() throws Exception {
        assertTrue(StoreOperation.UPDATE.retries(updateFailure("ConcurrentModificationException")));
        assertFalse(StoreOperation.UPDATE.retries(updateFailure("InternalFailureException")));
    }

    @Test
    void readsAreRetriedOnConnectionFailureButUpdatesAreNot() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: connection refused
        }
        SPARQLRepository repo = repository("http://127.0.0.1:" + port + "/sparql");
        try (RepositoryConnection c = repo.getConnection()) {
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> c.prepareBooleanQuery("ASK {}").evaluate());
            assertTrue(StoreOperation.SELECT.retries(e), e.toString());
            assertTrue(StoreOperation.ASK.retries(e), e.toString());
            assertFalse(StoreOperation.UPDATE.retries(e), "an update may have been applied");
            assertFalse(StoreOperation.ANALYST.retries(e), "an analyst's query runs once");
            assertFalse(StoreFailures.isTimeout(e));
        } finally {
            repo.shutDown();
        }
    }

    @Test
    void timeoutsAreNotRetried() {
        RuntimeException timeout = new org.eclipse.rdf4j.query.QueryEvaluationException(
                new java.net.SocketTimeoutException("Read timed out"));
        assertTrue(StoreFailures.isTimeout(timeout));
        assertFalse(StoreOperation.SELECT.retries(timeout));
    }

    @Test
    void readsCarryTheTimeoutParameterExceptForNeptuneAndLongOnesArePosted() throws Exception {
        RemoteSessionManager plain = new RemoteSessionManager(HttpClients.createDefault(), 100, true);
        RemoteSessionManager neptune = new RemoteSessionManager(HttpClients.createDefault(), 100, false);
        try {
            var get = ((RemoteSessionManager.Session) plain.createSPARQLProtocolSession("http://h/q", "http://h/u"))
                    .getQueryMethod(QueryLanguage.SPARQL, "ASK {}", null, null, false, 7);
            assertEquals("GET", get.getMethod());
            assertTrue(get.getURI().getRawQuery().contains("timeout=7"), get.getURI().toString());
            var noHint = ((RemoteSessionManager.Session) neptune.createSPARQLProtocolSession("http://h/q", "http://h/u"))
                    .getQueryMethod(QueryLanguage.SPARQL, "ASK {}", null, null, false, 7);
            assertFalse(noHint.getURI().toString().contains("timeout="), noHint.getURI().toString());
            var post = ((RemoteSessionManager.Session) plain.createSPARQLProtocolSession("http://h/q", "http://h/u"))
                    .getQueryMethod(QueryLanguage.SPARQL, "ASK { " + "<urn:x> <urn:y> <urn:z> . ".repeat(10) + "}",
                            null, null, false, 7);
            assertEquals("POST", post.getMethod(), "URL above the 100-character threshold");
        } finally {
            plain.shutDown();
            neptune.shutDown();
        }
    }

    @Test
    void neptuneHintGoesIntoTheMainWhereClauseAndParses() {
        String query = NamedQuery.of("products-count").render(java.util.Map.of(
                "graph", org.eclipse.rdf4j.model.impl.SimpleValueFactory.getInstance().createIRI("urn:g"),
                "where", new NamedQuery.Fragment("")));
        String hinted = NeptuneHints.withQueryTimeout(query, 1500);
        assertTrue(hinted.startsWith(NeptuneHints.PREFIX));
        int where = hinted.indexOf('{');
        assertEquals(where + 1, hinted.indexOf("\n  hint:Query hint:queryTimeout 1500 ."));
        ParsedQuery parsed = QueryParserUtil.parseQuery(QueryLanguage.SPARQL, hinted, null);
        assertTrue(parsed.getTupleExpr().toString().contains("queryTimeout"));
    }
}
