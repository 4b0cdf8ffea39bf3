package dev.kggateway.store;

import dev.kggateway.api.error.StoreUnavailableException;
import dev.kggateway.config.KgConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.BooleanQuery;
import org.eclipse.rdf4j.query.TupleQuery;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryException;
import org.jboss.logging.Logger;

/**
 * Runs named SPARQL against the configured repository (embedded or remote). The only class that holds the
 * repository; repositories per aggregate ({@link ProductRepository}, …) go through it.
 */
@Startup
@ApplicationScoped
@dev.kggateway.observability.StoreObserved // prod: SPARQL timer, span, circuit breaker (interceptor)
public class GraphStore {

    private static final Logger LOG = Logger.getLogger(GraphStore.class);

    @Inject
    KgConfig config;

    @Inject
    Instance<GraphRepositoryFactory> factories;

    private Repository repository;
    private StoreRetry retry;
    private String description;
    private final AtomicLong queries = new AtomicLong();
    private final Map<String, AtomicLong> queriesByName = new java.util.concurrent.ConcurrentHashMap<>();

    @PostConstruct
    void open() {
        GraphRepositoryFactory factory = factories.stream()
                .filter(f -> f.kind() == config.store().kind())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no store for kg.store.kind=" + config.store().kind()));
        description = factory.describe(config);
        retry = new StoreRetry(config.store().maxAttempts(), config.store().retryBackoff());
        repository = factory.open(config);
        LOG.infof("Graph store open: %s", description);
    }

    @PreDestroy
    void close() {
        if (repository != null) {
            repository.shutDown();
            LOG.infof("Graph store closed: %s", description);
        }
    }

    public String description() {
        return description;
    }

    /** Evaluates a named SELECT query and materialises its rows. Retried on transient failures (it is idempotent). */
    public List<BindingSet> select(String queryName, Map<String, ?> args) {
        String sparql = prepareRead(NamedQuery.of(queryName).render(args));
        return withRetry(queryName, sparql, StoreRetry.Kind.READ, connection -> {
            TupleQuery query = connection.prepareTupleQuery(sparql);
            query.setMaxExecutionTime(maxExecutionSeconds());
            return QueryResults.asList(query.evaluate());
        });
    }

    /** A query the server assembled is malformed: a bug here, never the client's fault. */
    private IllegalStateException malformed(String queryName, String sparql, Exception e) {
        LOG.errorf(e, "malformed SPARQL %s:%n%s", queryName, sparql);
        return new IllegalStateException("internal error in query " + queryName, e);
    }

    public boolean ask(String queryName, Map<String, ?> args) {
        String sparql = prepareRead(NamedQuery.of(queryName).render(args));
        return withRetry(queryName, sparql, StoreRetry.Kind.READ, connection -> {
            BooleanQuery query = connection.prepareBooleanQuery(sparql);
            query.setMaxExecutionTime(maxExecutionSeconds());
            return query.evaluate();
        });
    }

    /**
     * Executes a SPARQL update request (possibly several operations separated by ';') as one transaction. Not retried
     * after I/O errors (it may have been applied); retried only when Neptune reports a ConcurrentModificationException,
     * which means the transaction was rolled back.
     */
    public void update(String queryName, String sparqlUpdate) {
        withRetry(queryName, sparqlUpdate, StoreRetry.Kind.UPDATE, connection -> {
            connection.begin();
            try {
                connection.prepareUpdate(sparqlUpdate).execute();
                connection.commit();
            } catch (RuntimeException e) {
                if (connection.isActive()) {
                    connection.rollback();
                }
                throw e;
            }
            return null;
        });
    }

    /** Bulk path for the embedded store: adds statements in one local transaction (no SPARQL text). */
    public void addStatements(Iterable<? extends org.eclipse.rdf4j.model.Statement> statements) {
        inLocalTransaction("add-statements", connection -> connection.add(statements));
    }

    /** Runs statement-API work in one local transaction of the embedded store, rolled back on failure. */
    private void inLocalTransaction(String operation, java.util.function.Consumer<RepositoryConnection> work) {
        try (RepositoryConnection connection = repository.getConnection()) {
            connection.begin();
            try {
                work.accept(connection);
                connection.commit();
            } catch (RuntimeException e) {
                if (connection.isActive()) {
                    connection.rollback();
                }
                throw e;
            }
        } catch (RepositoryException e) {
            throw unavailable(operation, e);
        }
    }

    /**
     * Embedded fast path of a product replace, with the same semantics as {@code replace-product.rq}, through the
     * statement API in one local transaction: no SPARQL text to build and parse, which makes batch ingest several
     * times faster. For each product: its extraction records and own statements go, the new statements come, and
     * property nodes it used that no product links to any more are removed.
     */
    void replaceEmbedded(org.eclipse.rdf4j.model.IRI graph, List<org.eclipse.rdf4j.model.IRI> products,
            List<? extends org.eclipse.rdf4j.model.Statement> statements, org.eclipse.rdf4j.model.IRI hasProperty,
            org.eclipse.rdf4j.model.IRI ofProduct) {
        inLocalTransaction("replace-product", connection -> {
            java.util.Set<org.eclipse.rdf4j.model.Resource> oldProperties = new java.util.HashSet<>();
            for (org.eclipse.rdf4j.model.IRI product : products) {
                try (var links = connection.getStatements(product, hasProperty, null, false, graph)) {
                    links.forEach(st -> oldProperties.add((org.eclipse.rdf4j.model.Resource) st.getObject()));
                }
                List<org.eclipse.rdf4j.model.Resource> extractions = new java.util.ArrayList<>();
                try (var records = connection.getStatements(null, ofProduct, product, false, graph)) {
                    records.forEach(st -> extractions.add(st.getSubject()));
                }
                extractions.forEach(e -> connection.remove(e, null, null, graph));
                connection.remove(product, null, null, graph);
            }
            connection.add(statements);
            for (org.eclipse.rdf4j.model.Resource property : oldProperties) {
                if (!connection.hasStatement(null, hasProperty, property, false, graph)) {
                    connection.remove(property, null, null, graph);
                }
            }
        });
    }

    /**
     * Renames resources of the embedded store in one local transaction: each statement in the graph with an old IRI
     * as subject or object is replaced by one with the new IRI. Returns the number of statements rewritten.
     */
    int renameEmbedded(org.eclipse.rdf4j.model.IRI graph,
            Map<org.eclipse.rdf4j.model.IRI, org.eclipse.rdf4j.model.IRI> renames) {
        var vf = org.eclipse.rdf4j.model.impl.SimpleValueFactory.getInstance();
        int[] rewritten = {0};
        inLocalTransaction("rename-resources", connection -> renames.forEach((from, to) -> {
            List<org.eclipse.rdf4j.model.Statement> old = new java.util.ArrayList<>();
            try (var s = connection.getStatements(from, null, null, false, graph)) {
                s.forEach(old::add);
            }
            try (var s = connection.getStatements(null, null, from, false, graph)) {
                s.forEach(old::add);
            }
            for (var st : old) {
                connection.remove(st, graph);
                var subject = st.getSubject().equals(from) ? to : st.getSubject();
                var object = st.getObject().equals(from) ? to : st.getObject();
                connection.add(vf.createStatement(subject, st.getPredicate(), object, graph));
                rewritten[0]++;
            }
        }));
        return rewritten[0];
    }

    /** Streams matching statements of the embedded store (index builds); not for remote stores. */
    void forEachStatement(org.eclipse.rdf4j.model.Resource subject, org.eclipse.rdf4j.model.IRI predicate,
            org.eclipse.rdf4j.model.Value object, org.eclipse.rdf4j.model.IRI graph,
            java.util.function.Consumer<org.eclipse.rdf4j.model.Statement> action) {
        try (RepositoryConnection connection = repository.getConnection();
                var statements = connection.getStatements(subject, predicate, object, false, graph)) {
            statements.forEach(action);
        } catch (RepositoryException e) {
            throw unavailable("scan-statements", e);
        }
    }

    /** True when the store is the embedded one (bulk load may then write statements directly). */
    public boolean isEmbedded() {
        return config.store().kind() == KgConfig.StoreKind.EMBEDDED;
    }

    private <T> T withRetry(String queryName, String sparql, StoreRetry.Kind kind, StoreRetry.Action<T> action) {
        if (kind == StoreRetry.Kind.UPDATE) {
            }
        int attempt = 1;
        while (true) {
            if (kind == StoreRetry.Kind.READ) {
                count(queryName);
            }
            try (RepositoryConnection connection = repository.getConnection()) {
                return action.run(connection);
            } catch (org.eclipse.rdf4j.query.MalformedQueryException e) {
                throw malformed(queryName, sparql, e);
            } catch (RepositoryException | org.eclipse.rdf4j.query.QueryEvaluationException
                    | org.eclipse.rdf4j.query.UpdateExecutionException e) {
                if (attempt >= retry.maxAttempts() || !retry.shouldRetry(kind, e)) {
                    throw unavailable(queryName, e);
                }
                LOG.debugf("retrying %s after attempt %d: %s", queryName, attempt, rootCause(e));
                retry.pause(attempt);
                attempt++;
            }
        }
    }

    private int maxExecutionSeconds() {
        // RDF4J sends this as the SPARQL protocol "timeout" parameter (Fuseki honours it) and enforces it locally
        // on the embedded store. At least one second: 0 would mean "no limit".
        return (int) Math.max(1, config.store().queryTimeout().toSeconds());
    }

    /** Adds the Neptune query-timeout hint to reads when the endpoint is Neptune. */
    private String prepareRead(String sparql) {
        if (config.store().kind() == KgConfig.StoreKind.SPARQL && config.store().neptune().enabled()) {
            return NeptuneHints.withQueryTimeout(sparql, config.store().queryTimeout().toMillis());
        }
        return sparql;
    }

    /** Renders a named query for callers in this package that assemble multi-operation updates. */
    String render(String queryName, Map<String, ?> args) {
        return NamedQuery.of(queryName).render(args);
    }

    private void count(String queryName) {
        queries.incrementAndGet();
        queriesByName.computeIfAbsent(queryName, n -> new AtomicLong()).incrementAndGet();
    }

    /** SELECT/ASK queries sent since start, per named query. */
    public Map<String, Long> queryCountsByName() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        queriesByName.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Number of SELECT/ASK queries sent since start; used to prove batching (no N+1). */
    public long queryCount() {
        return queries.get();
    }


    /** Cheap round trip used by readiness; never retried, so readiness reflects the store right now. */
    public boolean ping() {
        try (RepositoryConnection connection = repository.getConnection()) {
            BooleanQuery query = connection.prepareBooleanQuery("ASK { }");
            query.setMaxExecutionTime(maxExecutionSeconds());
            query.evaluate();
            return true;
        } catch (RuntimeException e) {
            LOG.debugf(e, "store ping failed");
            return false;
        }
    }

    private StoreUnavailableException unavailable(String queryName, Exception e) {
        LOG.warnf(e, "SPARQL %s failed against %s", queryName, description);
        // The cause stays in the server log: its text may name internal hosts.
        return new StoreUnavailableException("graph store request '" + queryName + "' failed ("
                + (StoreRetry.isTimeout(e) ? "timeout" : rootCause(e).getClass().getSimpleName()) + ")", e);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
