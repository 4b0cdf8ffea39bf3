package dev.kggateway.bulk;

import dev.kggateway.aws.S3Clients;
import dev.kggateway.aws.S3Uri;
import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.ProductVersion;
import dev.kggateway.domain.error.ApiException;
import dev.kggateway.domain.error.InvalidArgumentException;
import dev.kggateway.ingest.IngestService;
import dev.kggateway.ingest.ProductInput;
import dev.kggateway.ingest.ProductInputs;
import dev.kggateway.ner.PropertyExtractor;
import dev.kggateway.store.NeptuneSigV4Interceptor;
import dev.kggateway.store.ProductRepository;
import dev.kggateway.store.ProductTriples;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.rdf4j.model.Statement;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Loads a JSON-lines file of ProductInput (or a CSV file, see {@link ProductRows}) into the store much faster than the API: lines are validated like API input,
 * optionally enriched by the NER model, turned into exactly the statements the API writes ({@link ProductTriples}) and
 * written as N-Quads. New products then go in bulk — embedded: local transactions of ~10k statements; Neptune: staged in
 * S3 and loaded by the Neptune bulk loader — while products that already exist are replaced through the normal
 * replace path, so their old links do not survive (a bulk add would merge old and new).
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

    public record Options(Path input, Path outDir, Target target, boolean enrich, int batchSize,
            long statementsPerTransaction, long maxFileBytes) {
    }

    public record Summary(long lines, long valid, long invalid, long duplicates, long bulkAdded, long replaced,
            long statements, List<Path> files, String loadStatus, List<String> errors) {
        public boolean ok() {
            return invalid == 0 && (loadStatus == null || loadStatus.equals("LOAD_COMPLETED"));
        }
    }

    private static final int MAX_ERRORS_KEPT = 100;

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
    ProductTriples triples;

    @Inject
    IngestService ingest;

    @Inject
    Instance<PropertyExtractor> extractors;

    /** Whether a NER model is loaded in this process (kg.ner.enabled and a model folder). */
    public boolean modelAvailable() {
        return extractors.isResolvable();
    }

    public Summary run(Options o, PrintStream progress) throws IOException, InterruptedException {
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
        List<Statement> pending = new ArrayList<>();
        try (NQuadsFiles nq = new NQuadsFiles(o.outDir(), "products-" + run, o.maxFileBytes());
                ProductRows rows = ProductRows.open(o.input())) {
            List<ProductInput> batch = new ArrayList<>(o.batchSize());
            ProductRows.Row row;
            while ((row = rows.next()) != null) {
                c.lines++;
                ProductInput input = validate(row, c);
                if (input == null) {
                    continue;
                }
                if (lastLineOfId.get(input.id) != row.line()) {
                    c.duplicates++; // a later line has the same id and wins
                    continue;
                }
                batch.add(input);
                if (batch.size() == o.batchSize()) {
                    flushBatch(batch, o, enrich, nq, pending, c);
                    batch.clear();
                    progress.printf("  %,d lines, %,d valid, %,d invalid, %,d bulk, %,d replaced, %.0f lines/s%n",
                            c.lines, c.valid, c.invalid, c.bulkAdded, c.replaced,
                            c.lines / Math.max(1e-9, (System.nanoTime() - started) / 1e9));
                }
            }
            flushBatch(batch, o, enrich, nq, pending, c);
            if (!pending.isEmpty()) {
                products.addNew(pending);
                pending.clear();
            }
            nq.close();
            c.statements = nq.statements();
            c.files = nq.files();
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
        final Set<org.eclipse.rdf4j.model.IRI> writtenNodes = new java.util.HashSet<>();
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

    /** The validated input, or null after recording why the record is rejected. */
    private ProductInput validate(ProductRows.Row row, Counters c) {
        try {
            if (row.error() != null) {
                throw new InvalidArgumentException(row.error());
            }
            ProductInput input = row.input();
            int max = config.ingest().maxDescriptionLength();
            if (input.description != null && input.description.length() > max) {
                throw new InvalidArgumentException("description is longer than " + max + " characters");
            }
            // The API's validation, so a bulk-loaded product is one the API would have accepted.
            ProductInputs.product(input, max);
            ProductInputs.vendorProperties(input);
            c.valid++;
            return input;
        } catch (ApiException e) {
            c.invalid++;
            if (c.errors.size() < MAX_ERRORS_KEPT) {
                c.errors.add("line " + row.line() + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
            return null;
        }
    }

    private void flushBatch(List<ProductInput> batch, Options o, boolean enrich, NQuadsFiles nq,
            List<Statement> pending, Counters c) {
        if (batch.isEmpty()) {
            return;
        }
        if (!enrich) {
            batch.forEach(in -> in.enrich = Boolean.FALSE);
        }
        List<ProductVersion> records = ingest.records(batch);
        if (o.target() == Target.FILE) {
            records.forEach(r -> nq.write(triples.statements(r, c.writtenNodes)));
            c.bulkAdded += records.size();
            return;
        }
        if (o.target() == Target.SPARQL) {
            writeChunks(records);
            c.replaced += records.size();
            return;
        }
        Set<String> existing = products.existing(records.stream().map(r -> r.product().id()).toList());
        List<ProductVersion> replace = new ArrayList<>();
        for (ProductVersion r : records) {
            if (existing.contains(r.product().id())) {
                replace.add(r);
                continue;
            }
            List<Statement> statements = triples.statements(r, c.writtenNodes);
            nq.write(statements);
            c.bulkAdded++;
            if (o.target() == Target.EMBEDDED) {
                pending.addAll(statements);
                if (pending.size() >= o.statementsPerTransaction()) {
                    products.addNew(pending);
                    pending.clear();
                }
            }
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

    private static String required(java.util.Optional<String> value, String key) {
        return value.orElseThrow(() -> new IllegalStateException(key + " is required for a Neptune bulk load"));
    }
}
