package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultFormat;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultParserRegistry;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.jboss.logging.Logger;

/**
 * {@code kg.store.kind=sparql}: a remote SPARQL 1.1 endpoint (Fuseki, Neptune, any protocol-conformant server) through
 * RDF4J's {@link SPARQLRepository}, with an HTTP client configured on purpose instead of RDF4J's defaults (hour-long
 * connect and day-long socket timeouts, a pool of 25 connections, transparent retries of every request).
 *
 * <p>RDF4J 5.1 speaks Apache HttpClient 4 ({@code SPARQLRepository.setHttpClient(org.apache.http.client.HttpClient)}),
 * so the pool is an HttpClient 4 pool; HttpClient 5 cannot be plugged into this RDF4J version.
 */
@ApplicationScoped
public class SparqlRepositoryFactory implements GraphRepositoryFactory {

    private static final Logger LOG = Logger.getLogger(SparqlRepositoryFactory.class);

    @Override
    public KgConfig.StoreKind kind() {
        return KgConfig.StoreKind.SPARQL;
    }

    /** Other processes may write the endpoint; only Neptune takes query hints. */
    @Override
    public Set<StoreCapability> capabilities(KgConfig config) {
        return config.store().neptune().enabled() ? EnumSet.of(StoreCapability.QUERY_HINTS)
                : EnumSet.noneOf(StoreCapability.class);
    }

    @Override
    public Repository open(KgConfig config) {
        KgConfig.Store store = config.store();
        String query = queryEndpoint(config);
        String update = store.updateEndpoint().orElse(query);
        CloseableHttpClient client = httpClient(config);
        RemoteSessionManager sessions = new RemoteSessionManager(client, store.postThreshold(),
                !store.neptune().enabled(), resultFormat(store.resultFormat()));
        SPARQLRepository repository = new SPARQLRepository(query, update) {
            @Override
            protected void shutDownInternal() {
                super.shutDownInternal();
                // We created the session manager, so we close its pool and threads (RDF4J only closes its own).
                sessions.shutDown();
            }
        };
        repository.setHttpClientSessionManager(sessions);
        repository.init();
        return repository;
    }

    /**
     * RDF4J's format for the setting. TSV results are read by {@link TsvResultsParser}, registered here in place of
     * RDF4J's TSV parser (the registry is the only way RDF4J's SPARQL session picks a parser): it differs only in
     * reading Turtle's bare booleans as {@code xsd:boolean}, as the TSV format defines them, and in its speed.
     */
    static TupleQueryResultFormat resultFormat(KgConfig.ResultFormat format) {
        return switch (format) {
            case TSV -> {
                TupleQueryResultParserRegistry.getInstance().add(new TsvResultsParser.Factory());
                yield TupleQueryResultFormat.TSV;
            }
            case JSON -> TupleQueryResultFormat.JSON;
            case XML -> TupleQueryResultFormat.SPARQL;
        };
    }

    static CloseableHttpClient httpClient(KgConfig config) {
        KgConfig.Store store = config.store();
        int connections = maxConnections(store);
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(
                // Neptune and load balancers drop idle connections; never reuse one older than this.
                5, TimeUnit.MINUTES);
        pool.setMaxTotal(connections);
        pool.setDefaultMaxPerRoute(connections); // one route: the endpoint
        pool.setValidateAfterInactivity(2_000);
        int connectMs = (int) store.connectTimeout().toMillis();
        RequestConfig requests = RequestConfig.custom()
                .setConnectTimeout(connectMs)
                // Waiting for a pooled connection counts against the same budget as connecting.
                .setConnectionRequestTimeout(connectMs)
                .setSocketTimeout((int) store.socketTimeout().toMillis())
                .build();
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(requests)
                .useSystemProperties()
                // Retries are decided in GraphStore (reads and Neptune conflicts only); HttpClient would also resend
                // a non-idempotent update POST after an I/O error.
                .disableAutomaticRetries()
                .evictIdleConnections(30, TimeUnit.SECONDS)
                .evictExpiredConnections();
        if (store.neptune().iamAuth()) {
            String region = store.neptune().region().orElseThrow(() -> new IllegalStateException(
                    "kg.store.neptune.region is required when kg.store.neptune.iam-auth=true"));
            // Last: the signature must cover the final Host and body, after HttpClient's own interceptors ran.
            builder.addInterceptorLast(NeptuneSigV4Interceptor.withDefaultCredentials(region));
        }
        LOG.infof("SPARQL HTTP client: %d connections, connect timeout %s, socket timeout %s, IAM auth %s",
                connections, store.connectTimeout(), store.socketTimeout(), store.neptune().iamAuth());
        return builder.build();
    }

    /** Explicit setting, else the Quarkus worker pool size (its default is max(200, 8 x cores)). */
    static int maxConnections(KgConfig.Store store) {
        if (store.maxConnections().isPresent()) {
            return Math.max(1, store.maxConnections().get());
        }
        return ConfigProvider.getConfig().getOptionalValue("quarkus.thread-pool.max-threads", Integer.class)
                .orElse(Math.max(200, 8 * Runtime.getRuntime().availableProcessors()));
    }

    private static String queryEndpoint(KgConfig config) {
        return config.store().queryEndpoint().orElseThrow(() -> new IllegalStateException(
                "kg.store.query-endpoint is required when kg.store.kind=sparql"));
    }

    @Override
    public String describe(KgConfig config) {
        // Host and path only: an endpoint URL may carry user info or tokens in its query string.
        URI uri = URI.create(queryEndpoint(config));
        return "remote SPARQL endpoint " + uri.getScheme() + "://" + uri.getHost()
                + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath()
                + (config.store().neptune().enabled() ? " (Neptune)" : "");
    }
}
