package dev.kggateway.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.NameValuePair;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.message.BasicNameValuePair;
import org.eclipse.rdf4j.http.client.HttpClientSessionManager;
import org.eclipse.rdf4j.http.client.RDF4JProtocolSession;
import org.eclipse.rdf4j.http.client.SPARQLProtocolSession;
import org.eclipse.rdf4j.query.Binding;
import org.eclipse.rdf4j.query.Dataset;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultFormat;

/**
 * Hands RDF4J sessions over our own HTTP client. Exists because RDF4J decides GET vs POST with a JVM-wide system
 * property; here the threshold is per repository and configurable ({@code kg.store.post-threshold}).
 */
final class RemoteSessionManager implements HttpClientSessionManager {

    private final CloseableHttpClient client;
    private final int postThreshold;
    private final boolean sendTimeoutParameter;
    private final TupleQueryResultFormat resultFormat;
    // RDF4J parses streamed results on background threads; daemon threads so a stuck socket never blocks exit.
    private final ExecutorService executor = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "kg-sparql-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    /**
     * @param sendTimeoutParameter send a query's max execution time as the {@code timeout} request parameter (Fuseki
     *        and others honour it; RDF4J's SPARQL session drops it). Off for Neptune, which takes the query hint.
     */
    RemoteSessionManager(CloseableHttpClient client, int postThreshold, boolean sendTimeoutParameter) {
        this(client, postThreshold, sendTimeoutParameter, TupleQueryResultFormat.SPARQL);
    }

    /** @param resultFormat the SELECT result format asked first (the others follow at a lower preference) */
    RemoteSessionManager(CloseableHttpClient client, int postThreshold, boolean sendTimeoutParameter,
            TupleQueryResultFormat resultFormat) {
        this.client = client;
        this.postThreshold = postThreshold;
        this.sendTimeoutParameter = sendTimeoutParameter;
        this.resultFormat = resultFormat;
    }

    @Override
    public HttpClient getHttpClient() {
        return client;
    }

    @Override
    public SPARQLProtocolSession createSPARQLProtocolSession(String queryEndpoint, String updateEndpoint) {
        Session session = new Session(client, executor, queryEndpoint, updateEndpoint, postThreshold,
                sendTimeoutParameter);
        session.setPreferredTupleQueryResultFormat(resultFormat);
        return session;
    }

    @Override
    public RDF4JProtocolSession createRDF4JProtocolSession(String serverURL) {
        throw new UnsupportedOperationException("only the SPARQL protocol is used");
    }

    @Override
    public void shutDown() {
        executor.shutdownNow();
        try {
            client.close();
        } catch (IOException e) {
            // Closing a pool cannot usefully fail further at shutdown.
        }
    }

    static final class Session extends SPARQLProtocolSession {
        private final int postThreshold;
        private final boolean sendTimeoutParameter;

        Session(HttpClient client, ExecutorService executor, String query, String update, int postThreshold,
                boolean sendTimeoutParameter) {
            super(client, executor);
            this.postThreshold = postThreshold;
            this.sendTimeoutParameter = sendTimeoutParameter;
            setQueryURL(query);
            setUpdateURL(update);
        }

        /** Adds the server-side time limit ({@code timeout}, seconds) that GraphStore sets on every read. */
        @Override
        protected List<NameValuePair> getQueryMethodParameters(QueryLanguage ql, String query, String baseURI,
                Dataset dataset, boolean includeInferred, int maxQueryTime, Binding... bindings) {
            List<NameValuePair> params = new ArrayList<>(super.getQueryMethodParameters(ql, query, baseURI, dataset,
                    includeInferred, maxQueryTime, bindings));
            if (sendTimeoutParameter && maxQueryTime > 0) {
                params.add(new BasicNameValuePair("timeout", Integer.toString(maxQueryTime)));
            }
            return params;
        }

        /** Re-declared only so tests in this package can inspect the request RDF4J would send. */
        @Override
        protected HttpUriRequest getQueryMethod(QueryLanguage ql, String query, String baseURI, Dataset dataset,
                boolean includeInferred, int maxQueryTime, Binding... bindings) {
            return super.getQueryMethod(ql, query, baseURI, dataset, includeInferred, maxQueryTime, bindings);
        }

        /** Long queries (big VALUES lists) go as POST: proxies and servers cap URL length around 4–8 KB. */
        @Override
        protected boolean shouldUsePost(String fullQueryUrl) {
            return fullQueryUrl.length() > postThreshold;
        }
    }
}
