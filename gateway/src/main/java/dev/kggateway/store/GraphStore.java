package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.error.StoreUnavailableException;
import dev.kggateway.store.StoreAccessLock.Hold;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.rdf4j.common.transaction.IsolationLevels;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.query.AbstractTupleQueryResultHandler;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.BooleanQuery;
import org.eclipse.rdf4j.query.GraphQuery;
import org.eclipse.rdf4j.query.MalformedQueryException;
import org.eclipse.rdf4j.query.Query;
import org.eclipse.rdf4j.query.QueryEvaluationException;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQuery;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.RepositoryException;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.Sail;
import org.jboss.logging.Logger;

/**
 * Runs named SPARQL against the configured repository (embedded or remote). The only class that holds the
 * repository; repositories per aggregate ({@link ProductRepository}, …) go through it. Each query, update and
 * statement-API read or write declares its {@link StoreOperation} and runs through {@link StoreCalls} (breaker,
 * bulkhead, retries, timer, span).
 */
@Startup
@ApplicationScoped
public class GraphStore {

    private static final Logger LOG = Logger.getLogger(GraphStore.class);

    @Inject
    KgConfig config;

    @Inject
    Instance<GraphRepositoryFactory> factories;

    @Inject
    FreeSpaceGuard freeSpace;

    @Inject
    StoreCalls calls;

    private GraphRepositoryFactory factory;
    private Set<StoreCapability> capabilities = EnumSet.noneOf(StoreCapability.class);
    private volatile Repository repository;
    /** Set by a finished bulk load or the compact command: compact the embedded LMDB store once it is closed. */
    private volatile boolean compactOnClose;
    /** Set once an embedded write transaction failed to commit: why writes are refused until restart. */
    private volatile String writesBroken;
    /** Set by {@link #close}: a second close (the container's, after a test's) does nothing. */
    private volatile boolean closed;
    /** The open marker was found at start: the last run did not close the store. */
    private volatile boolean uncleanShutdown;
    /** Reads share the embedded store, a write has it to itself begin to commit (see {@link StoreAccessLock}). */
    private final StoreAccessLock access = new StoreAccessLock(() -> has(StoreCapability.LOCAL_TRANSACTIONS),
            () -> config.store().lockTimeout());
    private String description;
    private final AtomicLong queries = new AtomicLong();
    private final Map<String, AtomicLong> queriesByName = new ConcurrentHashMap<>();

    @PostConstruct
    void open() {
        factory = factories.stream()
                .filter(f -> f.kind() == config.store().kind())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no store for kg.store.kind=" + config.store().kind()));
        description = factory.describe(config);
        capabilities = Set.copyOf(factory.capabilities(config));
        repository = factory.open(config);
        if (has(StoreCapability.LOCAL_TRANSACTIONS)) {
            markOpen();
        }
        LOG.infof("Graph store open: %s", description);
    }

    /**
     * The embedded store's sail, for tests that set what production leaves at RDF4J's default (CloseWaitsForWriteTest
     * shortens the shut-down grace period for open connections, 20 s, to keep the suite short); null on a remote store.
     */
    Sail embeddedSail() {
        return repository instanceof SailRepository sail ? sail.getSail() : null;
    }

    /**
     * Present while this process has the embedded store open, removed by a clean close: found at start, it means the
     * last run ended without closing the store (SIGKILL, OOM kill, power loss). RDF4J 5.1's LMDB store commits a
     * transaction's triples before its values (two LMDB environments), so a crash between the two commits leaves
     * triples pointing at values that were never written; the start-up repair removes them
     * ({@link StoreRepairOnStart}).
     */
    public Path openMarker() {
        return Path.of(config.store().path(), "open");
    }

    /** True when the last run left the store unclosed or marked damaged: the start-up repair must scan it. */
    public boolean needsRepair() {
        return uncleanShutdown || Files.exists(failedWriteMarker());
    }

    private void markOpen() {
        Path marker = openMarker();
        uncleanShutdown = Files.exists(marker);
        try {
            Files.writeString(marker, ProcessHandle.current().pid() + " " + Instant.now() + "\n");
        } catch (IOException | RuntimeException e) {
            LOG.errorf("could not write %s (%s): after a crash, the start-up repair will not know it must run",
                    marker, e);
        }
    }

    /**
     * Closes the store at shut-down, once. On the embedded store it first waits, like a write, for the write and the
     * reads in progress (at most {@code kg.store.lock-timeout}; reads and writes that come later queue behind it and
     * find the store closed): closing LMDB under a committing write could lose an acknowledged write or crash the
     * JVM. RDF4J's own grace period (20 s) then closes the connections under their users. If the wait times out, the
     * store is left open as after a failed commit (see below): its files hold the last commit, and the open marker
     * stays, so the next start checks the store.
     */
    @PreDestroy
    void close() {
        Hold held;
        try {
            held = access.write("close");
        } catch (StoreUnavailableException e) {
            LOG.errorf("Graph store left open at shut-down: %s. Its files hold the last commit; the next start"
                    + " checks the store (open marker kept).", e.getMessage());
            return;
        }
        try (held) {
            Repository repository = this.repository;
            if (closed) {
                return;
            }
            closed = true;
            if (repository != null && writesBroken != null) {
                LOG.warnf("Graph store left open at shut-down: a write failed to commit earlier (see above), and"
                        + " closing it would free LMDB's write transaction a second time. Its files hold the last"
                        + " good commit.");
            } else if (repository != null) {
                repository.shutDown();
                if (has(StoreCapability.LOCAL_TRANSACTIONS)) {
                    try {
                        // commits were not synced one by one (kg.store.force-sync=false): a failed load too
                        syncToDisk();
                    } catch (RuntimeException e) {
                        LOG.errorf("%s: the last writes may not survive a power loss", e.getMessage());
                    }
                    if (compactOnClose) {
                        compact(); // before the open marker goes: a crash in it makes the next start check the store
                    }
                    try {
                        Files.deleteIfExists(openMarker());
                    } catch (IOException e) {
                        LOG.errorf("could not remove %s (%s): the next start scans the store for damage", openMarker(),
                                e);
                    }
                }
                LOG.infof("Graph store closed: %s", description);
            }
        }
    }

    /**
     * Asks for the embedded LMDB store to be compacted when it is closed (end of a bulk-load or compact run): its files
     * then hold no free pages and each index in one piece, so a server reading one index does not page in the others
     * ({@link LmdbCompaction}). A no-op for other stores; returns whether the store will be compacted.
     */
    public boolean compactOnClose() {
        compactOnClose = has(StoreCapability.LOCAL_TRANSACTIONS)
                && config.store().engine() == KgConfig.EmbeddedEngine.LMDB;
        return compactOnClose;
    }

    private void compact() {
        Path dir = EmbeddedRepositoryFactory.folder(config);
        try {
            LmdbCompaction.Result r = LmdbCompaction.compact(dir);
            if (r == null) {
                LOG.warnf("Store not compacted: %s is open in another process", dir);
            } else {
                LOG.infof("Store compacted: %,d -> %,d bytes in %d ms", r.bytesBefore(), r.bytesAfter(), r.millis());
            }
        } catch (IOException | RuntimeException e) {
            // The store is untouched (a copy replaces a file only when complete); it only takes more room and memory.
            LOG.warnf("Store not compacted (%s): it holds the same data, with the free pages it had", e);
        }
    }

    public String description() {
        return description;
    }

    /** Evaluates a named SELECT query and materialises its rows. Retried on transient failures (it is idempotent). */
    public List<BindingSet> select(String queryName, Map<String, ?> args) {
        String sparql = prepareRead(NamedQuery.of(queryName).render(args));
        return guarded(StoreOperation.SELECT, queryName, sparql, connection -> {
            count(queryName);
            TupleQuery query = connection.prepareTupleQuery(sparql);
            query.setMaxExecutionTime(maxExecutionSeconds());
            // Rows handed to a handler on this thread: a remote result is then parsed here as it arrives, where
            // evaluate() would parse it on another thread and pass each row across a queue (a thread hand-off per
            // request on a store call that is otherwise one HTTP exchange).
            List<BindingSet> rows = new ArrayList<>();
            query.evaluate(new AbstractTupleQueryResultHandler() {
                @Override
                public void handleSolution(BindingSet row) {
                    rows.add(row);
                }
            });
            return readableRows(queryName, rows);
        });
    }

    /**
     * Runs an analyst's query from the {@code /sparql} endpoint, once (a retry would double a heavy query's cost),
     * within {@code timeout}, keeping at most {@code maxRows} rows or statements: a bounded answer the caller then
     * writes in the format the client asked for. On a remote store the text goes to the endpoint unchanged.
     * Timed and run through the bulkhead and circuit breaker like every store call ({@link StoreOperation#ANALYST});
     * a query that runs out of time throws {@link AnalystQuery.TimedOut}, which does not count against the breaker
     * (the store is fine).
     */
    public AnalystQuery.Result query(String queryName, AnalystQuery query, int maxRows, Duration timeout) {
        return calls.run(StoreOperation.ANALYST, queryName, () -> analyst(queryName, query, maxRows, timeout),
                e -> unavailable(queryName, e));
    }

    private AnalystQuery.Result analyst(String queryName, AnalystQuery query, int maxRows, Duration timeout) {
        count(queryName);
        long started = System.nanoTime();
        try (Hold held = access.read(queryName); RepositoryConnection connection = connection(held)) {
            Query prepared = connection.prepareQuery(QueryLanguage.SPARQL,
                    query.text());
            prepared.setMaxExecutionTime((int) Math.max(1, timeout.toSeconds()));
            return switch (query.form()) {
                case SELECT -> {
                    try (var result = ((TupleQuery) prepared).evaluate()) {
                        List<BindingSet> rows = new ArrayList<>();
                        while (rows.size() < maxRows && result.hasNext()) {
                            BindingSet row = result.next();
                            boolean ok = true;
                            for (var binding : row) {
                                ok &= readable(binding.getValue());
                            }
                            if (ok) {
                                rows.add(row);
                            }
                        }
                        yield new AnalystQuery.Result(query.form(), List.copyOf(result.getBindingNames()), rows, null,
                                null, null, result.hasNext());
                    }
                }
                case ASK -> new AnalystQuery.Result(query.form(), null, null, ((BooleanQuery) prepared).evaluate(),
                        null, null, false);
                case CONSTRUCT, DESCRIBE -> {
                    try (var result = ((GraphQuery) prepared).evaluate()) {
                        List<Statement> statements = new ArrayList<>();
                        while (statements.size() < maxRows && result.hasNext()) {
                            var st = result.next();
                            if (readable(st.getSubject()) && readable(st.getObject())) {
                                statements.add(st);
                            }
                        }
                        yield new AnalystQuery.Result(query.form(), null, null, null, statements,
                                new TreeMap<>(result.getNamespaces()), result.hasNext());
                    }
                }
            };
        } catch (MalformedQueryException e) {
            // RDF4J's parser accepted it, the remote endpoint did not: still the client's text.
            throw new AnalystQuery.Refused(AnalystQuery.Refusal.MALFORMED, "the store rejected the query as malformed");
        } catch (RepositoryException | QueryEvaluationException e) {
            // RDF4J ends an embedded query at its limit by closing its iteration from a timer thread, which the
            // evaluation may report as "iteration has been closed" rather than QueryInterruptedException.
            boolean pastLimit = has(StoreCapability.LOCAL_TRANSACTIONS) && System.nanoTime() - started >= timeout.toNanos();
            if (StoreFailures.isQueryDeadline(e) || pastLimit) {
                throw new AnalystQuery.TimedOut("the query ran longer than " + timeout.toSeconds()
                        + " s (kg.sparql.timeout); narrow it down or add a LIMIT", e);
            }
            throw unavailable(queryName, e);
        }
    }

    /**
     * Streams every statement of a graph to {@code sink}, in store order, holding none of them: whole-graph export.
     * Embedded: one read transaction over the statement index; remote: one streamed SELECT. Not guarded by
     * {@link StoreCalls}: an export runs for minutes, its callers limit how many run at once.
     */
    public void exportGraph(IRI graph, Consumer<Statement> sink) {
        try (Hold held = access.read("export"); RepositoryConnection connection = connection(held);
                var statements = connection.getStatements(null, null, null, false, graph)) {
            for (var st : statements) {
                if (readable(st.getSubject()) && readable(st.getObject())) {
                    sink.accept(st);
                }
            }
        } catch (RepositoryException | QueryEvaluationException e) {
            throw unavailable("export", e);
        }
    }

    /** A query the server assembled is malformed: a bug here, never the client's fault. */
    private IllegalStateException malformed(String queryName, String sparql, Exception e) {
        LOG.errorf(e, "malformed SPARQL %s:%n%s", queryName, sparql);
        return new IllegalStateException("internal error in query " + queryName, e);
    }

    public boolean ask(String queryName, Map<String, ?> args) {
        String sparql = prepareRead(NamedQuery.of(queryName).render(args));
        return guarded(StoreOperation.ASK, queryName, sparql, connection -> {
            count(queryName);
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
        if (has(StoreCapability.LOCAL_TRANSACTIONS)) {
            calls.run(StoreOperation.UPDATE, queryName, () -> {
                inLocalTransaction(queryName, 4L * sparqlUpdate.length() + 1024 * 1024,
                        connection -> connection.prepareUpdate(sparqlUpdate).execute());
                return null;
            }, e -> unavailable(queryName, e));
            return;
        }
        guarded(StoreOperation.UPDATE, queryName, sparqlUpdate, connection -> {
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

    /**
     * Bulk path for the embedded store (bulk-load of new products, RDF import): adds statements in one local
     * transaction, without SPARQL, in isolation level NONE: the statements go straight into LMDB's write transaction
     * instead of a change-set model copied at commit (8 % of a bulk load's CPU, and its memory). Still one LMDB
     * transaction, committed or aborted as a whole. The price: while it runs, RDF4J's LMDB store cannot open a dataset
     * for any other read ({@code UnsupportedOperationException: This store does not support multiple datasets}), so
     * only the bulk-load command's process uses it, which reads nothing while it writes (the loaders ask what exists
     * before their first write).
     */
    public void addStatements(Collection<? extends Statement> statements) {
        inLocalTransaction("add-statements", estimate(statements), IsolationLevels.NONE,
                connection -> connection.add(statements));
    }

    /**
     * Flushes the embedded store's files to disk (fsync of each, which on Linux writes back every dirty page of the
     * file, whichever descriptor wrote it): what a run with {@code kg.store.force-sync=false} (bulk-load) does once at
     * the end instead of at every commit. A no-op when each commit is synced already, and for remote stores.
     */
    public void syncToDisk() {
        if (!has(StoreCapability.LOCAL_TRANSACTIONS) || config.store().forceSync()) {
            return;
        }
        Path dir = EmbeddedRepositoryFactory.folder(config);
        try (Hold held = access.write("sync-to-disk")) {
            try (var files = Files.walk(dir)) {
                List<Path> regular = files.filter(Files::isRegularFile).toList();
                for (Path file : regular) {
                    try (var channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not sync the store's files in " + dir, e);
            }
        }
    }

    /** Disk room a write of these statements may take (see {@link FreeSpaceGuard}). */
    private static long estimate(Collection<? extends Statement> statements) {
        long bytes = 0;
        for (var st : statements) {
            bytes += FreeSpaceGuard.BYTES_PER_STATEMENT + 2L * st.getObject().stringValue().length();
        }
        return bytes;
    }

    /** Runs statement-API work in one local transaction of the embedded store, rolled back on failure. */
    private void inLocalTransaction(String operation, long estimatedBytes,
            Consumer<RepositoryConnection> work) {
        inLocalTransaction(operation, estimatedBytes, null, work);
    }

    /** {@code isolation} null: the store's default level. */
    private void inLocalTransaction(String operation, long estimatedBytes, IsolationLevels isolation,
            Consumer<RepositoryConnection> work) {
        try (Hold held = access.write(operation)) {
            if (writesBroken != null) {
                throw writesRefused();
            }
            if (estimatedBytes >= 0) {
                freeSpace.requireRoomFor(estimatedBytes);
            }
            try (RepositoryConnection connection = connection(held)) {
                if (isolation == null) {
                    connection.begin();
                } else {
                    connection.begin(isolation);
                }
                try {
                    work.accept(connection);
                    connection.commit();
                    flushCommitted(connection);
                } catch (RuntimeException e) {
                    if (connection.isActive()) {
                        connection.rollback();
                    }
                    throw e;
                }
            } catch (dev.kggateway.domain.error.ApiException | PartUnavailable e) {
                throw e; // not the store's failure: the transaction was rolled back, the store takes writes
            } catch (MalformedQueryException e) {
                throw malformed(operation, "(statement API or update)", e);
            } catch (RuntimeException e) {
                // RepositoryException, SailException, or an unchecked error out of the LMDB binding.
                throw failedEmbeddedWrite(operation, e);
            }
        }
    }

    /**
     * A write transaction of the embedded store failed (disk or map full, I/O error). RDF4J 5.1's LMDB value store
     * does not forget a write transaction whose {@code mdb_txn_commit} failed (LMDB has already ended it): the next
     * write reuses it ({@code mdb_put} on a dead transaction: the SIGSEGV seen in the field) and closing the store
     * aborts it a second time, which frees LMDB's write transaction twice (glibc aborts the JVM with "double free").
     * So the environment is neither written nor closed again: writes are refused until a restart, reads go on (they
     * use their own read transactions), and shut-down leaves the files as LMDB's last good commit left them, which
     * is crash-safe by design. Caller holds the store exclusively.
     */
    private dev.kggateway.domain.error.ApiException failedEmbeddedWrite(String operation, RuntimeException e) {
        boolean outOfSpace = freeSpace.isOutOfSpace(e);
        writesBroken = outOfSpace ? "ran out of space"
                : "failed (" + StoreFailures.rootCause(e).getClass().getSimpleName() + ")";
        LOG.errorf(e, "embedded store write '%s' %s; the store now refuses writes until the gateway is restarted"
                + " (reads go on). Free space, then restart.", operation, writesBroken);
        // RDF4J committed the triples of the failed write but not their values (two LMDB environments): mark the
        // store so the next start removes those dangling triples (removeUnreadableStatements).
        markForRepair("write '" + operation + "' failed to commit");
        return writesRefused();
    }

    /** Writes the marker that makes the next start remove statements whose values cannot be read back. */
    void markForRepair(String why) {
        if (!has(StoreCapability.LOCAL_TRANSACTIONS) || Files.exists(failedWriteMarker())) {
            return;
        }
        try {
            Files.writeString(failedWriteMarker(), Instant.now() + " " + why + "\n");
        } catch (IOException | RuntimeException markerFailure) {
            LOG.errorf("could not write %s (%s): create it by hand before restarting, so the start-up repair runs",
                    failedWriteMarker(), markerFailure);
        }
    }

    /** File whose presence makes the next start run {@link #removeUnreadableStatements()}. */
    public Path failedWriteMarker() {
        return Path.of(config.store().path(), "write-failed");
    }

    /**
     * Removes statements whose subject or object the embedded store cannot read back (left by a write that failed
     * to commit, see {@link #failedEmbeddedWrite}); returns how many. Scans the whole catalogue graph, so it runs
     * only when the marker file exists.
     */
    public int removeUnreadableStatements(IRI graph) {
        List<Statement> damaged = new ArrayList<>();
        try (Hold held = access.read("remove-unreadable"); RepositoryConnection connection = connection(held);
                var statements = connection.getStatements(null, null, null, false, graph)) {
            for (var st : statements) {
                if (!readable(st.getSubject()) || !readable(st.getObject()) || !readable(st.getPredicate())) {
                    damaged.add(st);
                }
            }
        }
        if (!damaged.isEmpty()) {
            // No space check: removing a few statements is what the reserve is kept for.
            // Isolation NONE: the statements go straight to the store by their internal ids; the default level
            // would first hash them into a change set, which fails on a value that reads as null.
            try (Hold held = access.write("remove-unreadable"); RepositoryConnection connection = connection(held)) {
                connection.begin(IsolationLevels.NONE);
                damaged.forEach(st -> connection.remove(st.getSubject(), st.getPredicate(), st.getObject(), graph));
                connection.commit();
            }
        }
        return damaged.size();
    }

    /** Why writes are refused after a failed commit, with the code that fits. */
    private dev.kggateway.domain.error.ApiException writesRefused() {
        String message = "a write to the store " + writesBroken + "; it was not stored, and writes are refused until"
                + " the gateway is restarted. Reads still work";
        return writesBroken.startsWith("ran out of space") ? new dev.kggateway.domain.error.StoreFullException(message)
                : new StoreUnavailableException(message);
    }

    /**
     * A connection of the store, only for the holder of {@link #access} (reads: shared, for the connection's life;
     * writes: exclusive, begin to commit): a connection taken without one is how a commit stayed in memory while a
     * read was open (see {@link StoreAccessLock}). Remote stores' holds are granted at once and lock nothing.
     */
    private RepositoryConnection connection(Hold held) {
        if (!held.isHeld()) {
            throw new IllegalStateException("a store connection for a hold that was given back");
        }
        return repository.getConnection();
    }

    /**
     * Makes sure a commit made with the store to itself is in LMDB, not only in the snapshot branch's memory: the
     * branch writes its changes down when the last dataset on it closes (with its lock held, so at once), and this
     * opens and closes one. With no other connection open the commit has normally done it already; then this is one
     * index lookup. A failure here is a failed write (the changes did not reach the disk).
     *
     * <p>Measured (crash18, 2026-12-03): with this call removed, AcknowledgedWriteDurabilityTest's three durability
     * tests repeated 20 times each in one run (60 runs, load average 9-16 on 2 cores) all passed: under the access
     * lock the commit itself reached the files every time. Kept anyway: RDF4J flushes at commit only if it gets the
     * branch's lock at once, 60 passes do not show that it always does, and this costs one lookup per write.
     */
    private static void flushCommitted(RepositoryConnection connection) {
        connection.hasStatement(null, null, null, false);
    }

    /**
     * Embedded fast path of a product replace, with the same semantics as {@code replace-product.rq}, through the
     * statement API in one local transaction: no SPARQL text to build and parse, which makes batch ingest several
     * times faster. For each product: its extraction records and own statements go, the new statements come, and
     * property nodes it used that no product links to any more are removed.
     */
    void replaceEmbedded(IRI graph, List<? extends Supplier<ReplacePart>> parts, IRI hasProperty, IRI ofProduct) {
        calls.run(StoreOperation.STATEMENTS, "replace-product", () -> {
            replaceInTransaction(graph, parts, hasProperty, ofProduct);
            return null;
        }, e -> unavailable("replace-product", e));
    }

    /** One part of an embedded replace: the products whose statements go, and the statements that come. */
    record ReplacePart(List<IRI> products, List<? extends Statement> statements) {
    }

    /**
     * Getting a part of a write failed (not the store: the model that produces it): the transaction was rolled back,
     * the store is as before and takes further writes. Carries the part's own exception.
     */
    static final class PartUnavailable extends RuntimeException {
        PartUnavailable(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private void replaceInTransaction(IRI graph, List<? extends Supplier<ReplacePart>> parts, IRI hasProperty,
            IRI ofProduct) {
        // Room is checked per part, for all parts so far: the statements are known only as the parts come.
        inLocalTransaction("replace-product", -1, null, connection -> {
            long estimated = 0;
            Set<Resource> oldProperties = new HashSet<>();
            for (Supplier<ReplacePart> next : parts) {
                ReplacePart part;
                try {
                    part = next.get();
                } catch (dev.kggateway.domain.error.ApiException | PartUnavailable e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new PartUnavailable(e);
                }
                estimated += estimate(part.statements()) + part.products().size() * 16L * 1024;
                freeSpace.requireRoomFor(estimated);
                for (IRI product : part.products()) {
                    try (var links = connection.getStatements(product, hasProperty, null, false, graph)) {
                        links.forEach(st -> oldProperties.add((Resource) st.getObject()));
                    }
                    List<Resource> extractions = new ArrayList<>();
                    try (var records = connection.getStatements(null, ofProduct, product, false, graph)) {
                        records.forEach(st -> extractions.add(st.getSubject()));
                    }
                    extractions.forEach(e -> connection.remove(e, null, null, graph));
                    connection.remove(product, null, null, graph);
                }
                connection.add(part.statements());
            }
            for (Resource property : oldProperties) {
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
    int renameEmbedded(IRI graph, Map<IRI, IRI> renames) {
        var vf = SimpleValueFactory.getInstance();
        int[] rewritten = {0};
        inLocalTransaction("rename-resources", renames.size() * 64L * 1024, connection -> renames.forEach((from, to) -> {
            List<Statement> old = new ArrayList<>();
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

    /** Statement-API lookups inside one read of {@link #readEmbedded}. */
    @FunctionalInterface
    interface StatementReader {
        /** The readable statements matching the pattern (null: any), materialised. */
        List<Statement> statements(Resource subject, IRI predicate, Value object, IRI graph);
    }

    /**
     * Embedded fast path of a named read query: {@code work} answers it with statement-API lookups, all in one
     * snapshot-read transaction, so they see one version of the data as a single query would. Timed under the query's
     * name and guarded like {@link #select} ({@link StoreOperation#STATEMENTS}); not retried (an embedded read has no
     * transient failure). Only for stores with {@link StoreCapability#LOCAL_TRANSACTIONS}.
     */
    <T> T readEmbedded(String queryName, Function<StatementReader, T> work) {
        return calls.run(StoreOperation.STATEMENTS, queryName, () -> readInSnapshot(queryName, work),
                e -> unavailable(queryName, e));
    }

    private <T> T readInSnapshot(String queryName, Function<StatementReader, T> work) {
        count(queryName);
        boolean[] damaged = {false};
        T result;
        try (Hold held = access.read(queryName); RepositoryConnection connection = connection(held)) {
            connection.begin(IsolationLevels.SNAPSHOT_READ);
            try {
                result = work.apply((s, p, o, g) -> {
                    List<Statement> out = new ArrayList<>();
                    try (var statements = connection.getStatements(s, p, o, false, g)) {
                        for (var st : statements) {
                            if (readable(st.getSubject()) && readable(st.getObject())) {
                                out.add(st);
                            } else {
                                damaged[0] = true;
                            }
                        }
                    }
                    return out;
                });
            } finally {
                connection.rollback(); // nothing was written: ends the read transaction
            }
        } catch (RepositoryException e) {
            throw unavailable(queryName, e);
        }
        if (damaged[0]) {
            LOG.warnf("%s: skipped statements holding values the store cannot read back (damaged store; the next"
                    + " start repairs it)", queryName);
            markForRepair("query " + queryName + " met values that cannot be read back");
        }
        return result;
    }

    /** Streams matching statements of the embedded store (index builds); not for remote stores. */
    void forEachStatement(Resource subject, IRI predicate, Value object, IRI graph, Consumer<Statement> action) {
        long unreadable = 0;
        try (Hold held = access.read("scan-statements"); RepositoryConnection connection = connection(held);
                var statements = connection.getStatements(subject, predicate, object, false, graph)) {
            for (var st : statements) {
                if (readable(st.getSubject()) && readable(st.getObject())) {
                    action.accept(st);
                } else {
                    unreadable++;
                }
            }
        } catch (RepositoryException e) {
            throw unavailable("scan-statements", e);
        }
        if (unreadable > 0) {
            LOG.warnf("skipped %d statements whose subject or object the store cannot read back (damaged store;"
                    + " the next start repairs it)", unreadable);
            markForRepair("reads met statements whose values cannot be read back");
        }
    }

    /**
     * False for a value the store holds an id of but no longer the value itself: the embedded LMDB store keeps
     * values and triples in two environments, and a failed write could leave a triple pointing at a value that was
     * never written. Such a value reads as null; it is skipped (and logged) rather than failing every read.
     */
    private static boolean readable(Value value) {
        return value == null || value.stringValue() != null;
    }

    /** Rows with an unreadable value are dropped (see {@link #readable}), logged once per query. */
    private List<BindingSet> readableRows(String queryName, List<BindingSet> rows) {
        List<BindingSet> kept = null;
        for (int i = 0; i < rows.size(); i++) {
            boolean ok = true;
            for (var binding : rows.get(i)) {
                ok &= readable(binding.getValue());
            }
            if (!ok && kept == null) {
                kept = new ArrayList<>(rows.subList(0, i));
            } else if (ok && kept != null) {
                kept.add(rows.get(i));
            }
        }
        if (kept == null) {
            return rows;
        }
        LOG.warnf("%s: skipped %d result rows holding values the store cannot read back (damaged store; the next"
                + " start repairs it)", queryName, rows.size() - kept.size());
        markForRepair("query " + queryName + " met values that cannot be read back");
        return kept;
    }

    /** Null while writes are accepted; after a failed embedded commit, why they are refused until restart. */
    public String writesRefusedReason() {
        return writesBroken;
    }

    /** True when the configured store declares the capability ({@link GraphRepositoryFactory#capabilities}). */
    public boolean has(StoreCapability capability) {
        return capabilities.contains(capability);
    }

    /**
     * True when the configured store kind is the embedded one. For tests and descriptions only: code asks
     * {@link #has} for the capability it relies on.
     */
    public boolean isEmbedded() {
        return config.store().kind() == KgConfig.StoreKind.EMBEDDED;
    }

    /** One attempt of a SPARQL request on a fresh connection, run (and repeated) by {@link StoreCalls}. */
    @FunctionalInterface
    private interface Request<T> {
        T run(RepositoryConnection connection);
    }

    private <T> T guarded(StoreOperation operation, String queryName, String sparql, Request<T> request) {
        return calls.run(operation, queryName, () -> {
            try (Hold held = access.read(queryName); RepositoryConnection connection = connection(held)) {
                return request.run(connection);
            } catch (MalformedQueryException e) {
                throw malformed(queryName, sparql, e);
            } catch (NullPointerException e) {
                // RDF4J's evaluation meets a value the store cannot read back (see readable): damaged data.
                LOG.errorf(e, "SPARQL %s met a value the store cannot read back", queryName);
                markForRepair("query " + queryName + " met a value that cannot be read back");
                throw new StoreUnavailableException("the store holds damaged data left by a failed write; restart"
                        + " the gateway to repair it", e);
            }
        }, e -> unavailable(queryName, e));
    }

    private int maxExecutionSeconds() {
        // RDF4J sends this as the SPARQL protocol "timeout" parameter (Fuseki honours it) and enforces it locally
        // on the embedded store. At least one second: 0 would mean "no limit".
        return (int) Math.max(1, config.store().queryTimeout().toSeconds());
    }

    /** Adds the Neptune query-timeout hint to reads when the endpoint is Neptune. */
    private String prepareRead(String sparql) {
        if (has(StoreCapability.QUERY_HINTS)) {
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
        Map<String, Long> copy = new TreeMap<>();
        queriesByName.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Number of SELECT/ASK queries sent since start; used to prove batching (no N+1). */
    public long queryCount() {
        return queries.get();
    }


    /**
     * Cheap round trip used by readiness; never retried, so readiness reflects the store right now. It does not wait
     * for the embedded store's access lock (a probe has a few seconds): while a write holds the store, the store is
     * working, and the answer is true without a query.
     */
    public boolean ping() {
        Hold held = access.readIfFree();
        if (held == null) {
            return true;
        }
        try (held; RepositoryConnection connection = connection(held)) {
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
                + (StoreFailures.isTimeout(e) ? "timeout" : StoreFailures.rootCause(e).getClass().getSimpleName())
                + ")", e);
    }
}
