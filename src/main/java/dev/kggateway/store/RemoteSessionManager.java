package dev.kggateway.store;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.client.HttpClient;
import org.apache.http.impl.client.CloseableHttpClient;
import org.eclipse.rdf4j.http.client.HttpClientSessionManager;
import org.eclipse.rdf4j.http.client.RDF4JProtocolSession;
import org.eclipse.rdf4j.http.client.SPARQLProtocolSession;

/**
 * Hands RDF4J sessions over our own HTTP client. Exists because RDF4J decides GET vs POST with a JVM-wide system
 * property; here the threshold is per repository and configurable ({@code kg.store.post-threshold}).
 */
final class RemoteSessionManager implements HttpClientSessionManager {

    private final CloseableHttpClient client;
    private final int postThreshold;
    // RDF4J parses streamed results on background threads; daemon threads so a stuck socket never blocks exit.
    private final ExecutorService executor = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "kg-sparql-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    RemoteSessionManager(CloseableHttpClient client, int postThreshold) {
        this.client = client;
        this.postThreshold = postThreshold;
    }

    @Override
    public HttpClient getHttpClient() {
        return client;
    }

    @Override
    public SPARQLProtocolSession createSPARQLProtocolSession(String queryEndpoint, String updateEndpoint) {
        return new Session(client, executor, queryEndpoint, updateEndpoint, postThreshold);
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
        } catch (java.io.IOException e) {
            // Closing a pool cannot usefully fail further at shutdown.
        }
    }

    static final class Session extends SPARQLProtocolSession {
        private final int postThreshold;

        Session(HttpClient client, ExecutorService executor, String query, String update, int postThreshold) {
            super(client, executor);
            this.postThreshold = postThreshold;
            setQueryURL(query);
            setUpdateURL(update);
        }

        /** Long queries (big VALUES lists) go as POST: proxies and servers cap URL length around 4–8 KB. */
        @Override
        protected boolean shouldUsePost(String fullQueryUrl) {
            return fullQueryUrl.length() > postThreshold;
        }
    }
}
