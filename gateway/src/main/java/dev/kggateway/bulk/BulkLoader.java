package dev.kggateway.bulk;

import dev.kggateway.aws.S3Clients;
import dev.kggateway.aws.S3Uri;
import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.ProductVersion;
import dev.kggateway.domain.error.ApiException;
import dev.kggateway.domain.error.InvalidArgumentException;
import dev.kggateway.ingest.IngestService;
import dev.kggateway.ingest.ProductInput;
import dev.kggateway.ner.PropertyExtractor;
import dev.kggateway.store.GraphStore;
import dev.kggateway.store.NeptuneSigV4Interceptor;
import dev.kggateway.store.ProductRepository;
import dev.kggateway.store.ProductTriples;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Loads a JSON-lines file of ProductInput (or a CSV file, see {@link ProductRows}) into the store much faster than the API: lines are validated like API input,
 * optionally enriched by the NER model and turned into exactly the statements the API writes ({@link ProductTriples}).
 * New products then go in bulk — embedded: large local transactions ({@code statementsPerTransaction}, whole products
 * each) committed on a background thread while the next batch is read and encoded ({@link BatchCommitter}); Neptune:
 * written as N-Quads, staged in S3 and loaded by the Neptune bulk loader; file: only the N-Quads — while products
 * that already exist are replaced through the normal replace path, so their old links do not survive (a bulk add would
 * merge old and new). The embedded and SPARQL targets write the N-Quads copy only when given an {@code outDir}.
 *
 * <p>An interrupted embedded load (kill, crash, full disk) leaves the products of the transactions committed before
 * it, each product whole (a product's statements never span two transactions, and a shared property node is
 * described in the transaction of its first product, committed before any later one that links it); a restart and
 * the same load again completes it (products that exist by then are replaced, not duplicated).
 *
 * <p>Within one file the last line of an id wins, as in {@code addProducts}.
 */
@ApplicationScoped
public class BulkLoader {

    public enum Target {
        /** The embedded store, directly. */
        EMBEDDED,
        /** S3 staging + Neptune bulk loader (kind=sparql with kg.store.neptune.*). */
        NEPTUNE,
        /** Any SPARQL endpoint through the ordinary replace path, in chunks (e.g. Fuseki). */
        SPARQL,
        /** Only write the N-Quads files. */
        FILE
    }

    /**
     * @param outDir where N-Quads files go: required for {@link Target#FILE} and {@link Target#NEPTUNE}; for the
     *               others an optional copy of what was bulk-added, null for none
     * @param commitNice embedded target: niceness of the thread that commits the batches (Linux; 0 leaves it), see
     *                   {@link BatchCommitter}
     */
    public record Options(Path input, Path outDir, Target target, boolean enrich, int batchSize,
            long statementsPerTransaction, long maxFileBytes, int commitNice) {
        /** Options with the committing thread at its default priority ({@code commitNice} 0). */
        public Options(Path input, Path outDir, Target target, boolean enrich, int batchSize,
                long statementsPerTransaction, long maxFileBytes) {
            this(input, outDir, target, enrich, batchSize, statementsPerTransaction, maxFileBytes, 0);
        }

        public Options {
            if (outDir == null && (target == Target.FILE || target == Target.NEPTUNE)) {
                throw new IllegalArgumentException("--target " + target.name().toLowerCase(Locale.ROOT)
                        + " writes N-Quads files and needs an output folder");
            }
        }
    }

    /** Embedded batches queued or committing at once while the next is encoded: bounds the memory held. */
    private static final int BATCHES_IN_FLIGHT = 2;

    public record Summary(long lines, long valid, long invalid, long duplicates, long bulkAdded, long replaced,
            long statements, List<Path> files, String loadStatus, List<String> errors) {
        public boolean ok() {
            return invalid == 0 && (loadStatus == null || loadStatus.equals("LOAD_COMPLETED"));
        }
    }

    private static final int MAX_ERRORS_KEPT = 100;

    /**
     * The load stopped because the application is shutting down (SIGTERM): the transactions committed before stay,
     * each product whole; the same load run again completes it.
     */
    public static final class Stopped extends IOException {
        Stopped(long lines) {
            super(String.format("bulk-load stopped by a shutdown signal after %,d lines: what was committed before "
                    + "stays, each product whole; run the same load again to complete it", lines));
        }
    }

    private static final Logger LOG = Logger.getLogger(BulkLoader.class);

    /** How long shutdown waits for a running load to reach a batch boundary and finish its commits in flight. */
    private static final long SHUTDOWN_WAIT_SECONDS = 60;

    /** Held while {@link #run} runs, so that shutdown can wait for it. */
    private final ReentrantLock running = new ReentrantLock();

    /** Set at shutdown: a running load reads no further line. */
    private volatile boolean stopping;

    /** A file that cannot be read on (bad CSV header, unbalanced quote): the message says where. */
    public static final class BadInputFile extends IOException {
        BadInputFile(String message) {
            super(message);
        }
    }

    @Inject
    KgConfig config;

    @Inject
    ProductRepository products;

    @Inject
    GraphStore store;

    @Inject
    ProductTriples triples;

    @Inject
    IngestService ingest;

    @Inject
    Instance<PropertyExtractor> extractors;

    /** Whether a NER model is loaded in this process (kg.ner.enabled and a model folder). */
    public boolean modelAvailable() {
        return extractors.isResolvable();
    }

    /**
     * Shutdown (SIGTERM) while a load runs: closing the store under a running LMDB commit crashed the JVM in native
     * code, so the load is asked to stop at the next line and the store's shutdown waits until its commits in flight
     * are done. Only when this bean exists, i.e. in a process that ran a load.
     */
    void onShutdown(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        stopping = true;
        try {
            if (running.tryLock(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                running.unlock();
            } else {
                LOG.warnf("bulk-load still committing after %d s of shutdown; closing the store", SHUTDOWN_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Summary run(Options o, PrintStream progress) throws IOException, InterruptedException {
        running.lock();
        try {
            return load(o, progress);
        } finally {
            running.unlock();
        }
    }

    private Summary load(Options o, PrintStream progress) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Map<String, Long> lastLineOfId = lastLineOfEachId(o.input());
        boolean enrich = o.enrich() && modelAvailable();
        // Enrichment hook: IngestService.records runs the PropertyExtractor in one batch per chunk when a model is
        // loaded; without one (kg.ner.enabled=false, or no model shipped) products keep their vendor links only.
        progress.printf("bulk-load %s -> %s (%d distinct ids, enrichment %s)%n", o.input(), o.target(),
                lastLineOfId.size(), enrich ? "on" : (o.enrich() ? "off: no NER model loaded" : "off"));
        String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Counters c = new Counters();
        c.existing = existingBeforeTheLoad(lastLineOfId.keySet(), o.target());
        try (NQuadsFiles nq = o.outDir() == null ? null
                : new NQuadsFiles(o.outDir(), "products-" + run, o.maxFileBytes());
                BatchCommitter committer = new BatchCommitter(products::addNew, BATCHES_IN_FLIGHT, o.commitNice());
                ProductRows rows = ProductRows.open(o.input())) {
            Sink sink = new Sink(nq, committer, o.statementsPerTransaction());
            List<IngestService.Validated> batch = new ArrayList<>(o.batchSize());
            ProductRows.Row row;
            while ((row = rows.next()) != null) {
                if (stopping) {
                    throw new Stopped(c.lines); // the committer's close waits for the batches already submitted
                }
                c.lines++;
                IngestService.Validated input = validate(row, enrich, c);
                if (input == null) {
                    continue;
                }
                if (lastLineOfId.get(input.id()) != row.line()) {
                    c.duplicates++; // a later line has the same id and wins
                    continue;
                }
                batch.add(input);
                if (batch.size() == o.batchSize()) {
                    flushBatch(batch, o, sink, c);
                    batch.clear();
                    progress.printf("  %,d lines, %,d valid, %,d invalid, %,d bulk, %,d replaced, %.0f lines/s%n",
                            c.lines, c.valid, c.invalid, c.bulkAdded, c.replaced,
                            c.lines / Math.max(1e-9, (System.nanoTime() - started) / 1e9));
                }
            }
            flushBatch(batch, o, sink, c);
            sink.finish();
            store.syncToDisk(); // kg.store.force-sync=false (bulk-load's default): once here instead of per commit
            if (o.target() == Target.EMBEDDED) {
                store.compactOnClose(); // the whole file loaded: leave the store without the load's free pages
            }
            c.statements = sink.statements;
            if (nq != null) {
                nq.close();
                c.files = nq.files();
            }
        }
        String loadStatus = null;
        if (o.target() == Target.NEPTUNE && c.bulkAdded > 0) {
            loadStatus = loadIntoNeptune(c.files, run, progress);
            products.changedOutside();
        }
        progress.printf("done in %.1f s: %,d lines, %,d valid, %,d invalid, %,d duplicate ids skipped, %,d added in "
                + "bulk, %,d replaced, %,d statements in %s%s%n", (System.nanoTime() - started) / 1e9, c.lines,
                c.valid, c.invalid, c.duplicates, c.bulkAdded, c.replaced, c.statements, c.files,
                loadStatus == null ? "" : ", Neptune load " + loadStatus);
        return new Summary(c.lines, c.valid, c.invalid, c.duplicates, c.bulkAdded, c.replaced, c.statements, c.files,
                loadStatus, c.errors);
    }

    private static final class Counters {
        long lines;
        long valid;
        long invalid;
        long duplicates;
        long bulkAdded;
        long replaced;
        long statements;
        List<Path> files = List.of();
        final List<String> errors = new ArrayList<>();
        /** Property nodes whose own statements this run already wrote: each goes out once, not once per link. */
        final Set<IRI> writtenNodes = new HashSet<>();
        /** Ids of the file the store held before the load wrote anything: replaced, not bulk-added. */
        Set<String> existing = Set.of();
    }

    /**
     * Which of the file's ids the store holds, asked once before the first write: the embedded bulk transactions run
     * in isolation level NONE, during which RDF4J's LMDB store cannot serve another read, so nothing may read while
     * the committer writes. The file's ids are distinct once duplicates are skipped, so no id can come into
     * existence during the load except through it. Skipped for an empty store and for targets that replace
     * everything or write files only.
     */
    private Set<String> existingBeforeTheLoad(Set<String> ids, Target target) {
        if (target == Target.FILE || target == Target.SPARQL || products.isEmpty()) {
            return Set.of();
        }
        return products.existing(ids);
    }

    /** First pass: only the id of each record, so that the last record of a repeated id can win in one streaming pass. */
    private Map<String, Long> lastLineOfEachId(Path input) throws IOException {
        Map<String, Long> last = new HashMap<>();
        try (ProductRows rows = ProductRows.open(input)) {
            ProductRows.Row row;
            while ((row = rows.nextId()) != null) {
                if (row.input() != null && row.input().id != null) {
                    last.put(row.input().id, row.line());
                }
                // Unreadable records are reported with their line number in the second pass.
            }
        }
        return last;
    }

    /**
     * The validated input, or null after recording why the record is rejected. Validated once, here, by the API's own
     * validation (so a bulk-loaded product is one the API would have accepted), and the result is what is written.
     */
    private IngestService.Validated validate(ProductRows.Row row, boolean enrich, Counters c) {
        try {
            if (row.error() != null) {
                throw new InvalidArgumentException(row.error());
            }
            ProductInput input = row.input();
            if (!enrich) {
                input.enrich = Boolean.FALSE;
            }
            IngestService.Validated valid = ingest.validate(input);
            c.valid++;
            return valid;
        } catch (ApiException e) {
            c.invalid++;
            if (c.errors.size() < MAX_ERRORS_KEPT) {
                c.errors.add("line " + row.line() + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
            return null;
        }
    }

    /**
     * Where the statements of bulk-added products go: the N-Quads copy when there is one, and for the embedded
     * target transactions of at least {@code statementsPerTransaction} statements (whole products) handed to the
     * committer.
     */
    private static final class Sink {
        private final NQuadsFiles nq;
        private final BatchCommitter committer;
        private final long perTransaction;
        private List<Statement> pending = new ArrayList<>();
        long statements;

        Sink(NQuadsFiles nq, BatchCommitter committer, long perTransaction) {
            this.nq = nq;
            this.committer = committer;
            this.perTransaction = Math.max(1, perTransaction);
        }

        /** One product's statements; {@code commit}: the embedded target, which commits them in batches. */
        void add(List<Statement> product, boolean commit) throws InterruptedException {
            statements += product.size();
            if (nq != null) {
                nq.write(product);
            }
            if (commit) {
                pending.addAll(product);
                if (pending.size() >= perTransaction) {
                    committer.submit(pending);
                    pending = new ArrayList<>();
                }
            }
        }

        /** Commits the last batch and waits for every commit: throws the first that failed. */
        void finish() throws InterruptedException {
            if (!pending.isEmpty()) {
                committer.submit(pending);
                pending = new ArrayList<>();
            }
            committer.finish();
        }
    }

    private void flushBatch(List<IngestService.Validated> batch, Options o, Sink sink, Counters c)
            throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        List<ProductVersion> records = ingest.records(batch);
        if (o.target() == Target.FILE) {
            for (ProductVersion r : records) {
                sink.add(triples.statements(r, c.writtenNodes), false);
            }
            c.bulkAdded += records.size();
            return;
        }
        if (o.target() == Target.SPARQL) {
            writeChunks(records);
            c.replaced += records.size();
            return;
        }
        List<ProductVersion> replace = new ArrayList<>();
        for (ProductVersion r : records) {
            if (c.existing.contains(r.product().id())) {
                replace.add(r);
                continue;
            }
            sink.add(triples.statements(r, c.writtenNodes), o.target() == Target.EMBEDDED);
            c.bulkAdded++;
        }
        writeChunks(replace);
        c.replaced += replace.size();
    }

    private void writeChunks(List<ProductVersion> records) {
        int chunk = Math.max(1, config.ingest().writeChunk());
        for (int from = 0; from < records.size(); from += chunk) {
            products.replaceAll(records.subList(from, Math.min(records.size(), from + chunk)));
        }
    }

    private String loadIntoNeptune(List<Path> files, String run, PrintStream progress)
            throws IOException, InterruptedException {
        KgConfig.Neptune neptune = config.store().neptune();
        S3Uri staging = S3Uri.parse(required(neptune.stagingUri(), "kg.store.neptune.staging-uri"));
        String region = required(neptune.region(), "kg.store.neptune.region");
        NeptuneLoader.Request request = new NeptuneLoader.Request(staging.resolve(run + "/").toString(),
                required(neptune.iamRoleArn(), "kg.store.neptune.iam-role-arn"), region, neptune.loadMode(),
                neptune.loadParallelism(), neptune.failOnError());
        try (S3Client s3 = S3Clients.create(config.s3())) {
            S3Staging stager = new S3Staging(s3, progress);
            for (Path file : files) {
                stager.stage(file, staging, run);
            }
        }
        try (NeptuneLoader loader = new NeptuneLoader(required(neptune.loaderEndpoint(),
                "kg.store.neptune.loader-endpoint"),
                neptune.iamAuth() ? NeptuneSigV4Interceptor.withDefaultCredentials(region) : null,
                neptune.pollInterval(), progress)) {
            return loader.await(loader.start(request)).status();
        }
    }

    private static String required(Optional<String> value, String key) {
        return value.orElseThrow(() -> new IllegalStateException(key + " is required for a Neptune bulk load"));
    }
}
