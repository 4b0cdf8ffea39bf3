package dev.kggateway.cli;

import dev.kggateway.bulk.BulkLoader;
import dev.kggateway.bulk.RdfLoader;
import dev.kggateway.config.KgConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code bulk-load FILE.jsonl|FILE.csv|FILE.nq|FILE.ttl [--target embedded|neptune|sparql|file] [--out DIR]
 * [--no-enrich] [--batch N] [--transaction-statements N] [--commit-nice N]}: catalogue files (JSON lines, CSV) through
 * {@link BulkLoader} ({@code --out}: where the N-Quads go, default target/bulk-load for the file and neptune targets;
 * embedded and sparql write a copy only when it is given); RDF files that {@code export} wrote (by extension) through
 * {@link RdfLoader}, into the configured store. The target defaults from the configured store: embedded, or neptune
 * when {@code kg.store.neptune.enabled}, else sparql.
 */
@ApplicationScoped
public class BulkLoadCommand implements KgCommand {

    /**
     * Embedded store: statements per bulk transaction by default ({@code --transaction-statements}), about 2,400 BSBM
     * products or 20,000 generated ones; a transaction's cost is partly fixed (LMDB commit, the committed event), so
     * fewer and larger ones load faster, while two of them in flight stay well under the default heap.
     */
    static final long STATEMENTS_PER_TRANSACTION = 200_000;

    /**
     * Embedded store: niceness of the committing thread by default ({@code --commit-nice}, 0 to leave it): it
     * spin-waits inside RDF4J for the store's triple writer, and at +10 the spin stops competing with the writer and
     * the reading thread for the cores (BSBM 100k: 20 s less CPU in that thread; BENCHMARKS).
     */
    static final int COMMIT_NICE = 10;

    @Inject
    BulkLoader loader;

    @Inject
    RdfLoader rdfLoader;

    @Inject
    KgConfig config;

    @Override
    public String name() {
        return "bulk-load";
    }

    @Override
    public String summary() {
        return "FILE.jsonl|.csv|.nq|.ttl [--target embedded|neptune|sparql|file] [--out DIR] [--no-enrich] [--batch N]"
                + " [--transaction-statements N] [--commit-nice N]";
    }

    @Override
    public int run(String[] args) throws Exception {
        Path input = null;
        Path out = null; // embedded, sparql: no N-Quads copy unless asked for
        BulkLoader.Target target = defaultTarget();
        boolean enrich = true;
        int batch = 1000;
        long perTransaction = STATEMENTS_PER_TRANSACTION;
        int commitNice = COMMIT_NICE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--target" -> target = BulkLoader.Target.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--out" -> out = Path.of(args[++i]);
                case "--no-enrich" -> enrich = false;
                case "--enrich" -> enrich = true;
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--transaction-statements" -> perTransaction = Long.parseLong(args[++i]);
                case "--commit-nice" -> commitNice = Integer.parseInt(args[++i]);
                default -> {
                    if (args[i].startsWith("--") || input != null) {
                        return usage("unexpected argument " + args[i]);
                    }
                    input = Path.of(args[i]);
                }
            }
        }
        if (out == null && (target == BulkLoader.Target.FILE || target == BulkLoader.Target.NEPTUNE)) {
            out = Path.of("target", "bulk-load");
        }
        if (input == null || !Files.isRegularFile(input)) {
            return usage(input == null ? "missing input file" : "no such file: " + input);
        }
        if (target == BulkLoader.Target.EMBEDDED && config.store().kind() != KgConfig.StoreKind.EMBEDDED
                || target == BulkLoader.Target.NEPTUNE && !config.store().neptune().enabled()) {
            return usage("--target " + target.name().toLowerCase() + " does not match kg.store.kind="
                    + config.store().kind().name().toLowerCase());
        }
        if (RdfLoader.formatOf(input) != null) {
            if (target == BulkLoader.Target.FILE || target == BulkLoader.Target.NEPTUNE) {
                // Neptune: the statements go in as SPARQL updates, not through the S3 loader (the file is already RDF).
                System.err.println("bulk-load: an RDF file goes to the configured store through SPARQL/statements;"
                        + " --target " + target.name().toLowerCase() + (target == BulkLoader.Target.FILE
                                ? " is not used" : " loads it with SPARQL updates"));
                if (target == BulkLoader.Target.FILE) {
                    return 2;
                }
            }
            RdfLoader.Summary r = rdfLoader.load(input, System.out);
            r.errors().forEach(e -> System.err.println("invalid: " + e));
            if (r.invalid() > r.errors().size()) {
                System.err.printf("... and %d more invalid statements or lines%n", r.invalid() - r.errors().size());
            }
            return r.invalid() > 0 ? 1 : 0;
        }
        BulkLoader.Summary s;
        try {
            s = loader.run(new BulkLoader.Options(input, out, target, enrich, Math.max(1, batch),
                Math.max(1, perTransaction), 1L << 30, commitNice), System.out);
        } catch (BulkLoader.Stopped e) {
            System.err.println(e.getMessage());
            return 4;
        } catch (BulkLoader.BadInputFile e) {
            // A bad header or an unbalanced quote: found by the first pass, so nothing of the file was loaded.
            System.err.println("bulk-load: " + e.getMessage());
            return 1;
        }
        s.errors().forEach(e -> System.err.println("invalid: " + e));
        if (s.invalid() > s.errors().size()) {
            System.err.printf("... and %d more invalid lines%n", s.invalid() - s.errors().size());
        }
        if (s.loadStatus() != null && !s.loadStatus().equals("LOAD_COMPLETED")) {
            return 3;
        }
        return s.invalid() > 0 ? 1 : 0;
    }

    private BulkLoader.Target defaultTarget() {
        if (config.store().kind() == KgConfig.StoreKind.EMBEDDED) {
            return BulkLoader.Target.EMBEDDED;
        }
        return config.store().neptune().enabled() ? BulkLoader.Target.NEPTUNE : BulkLoader.Target.SPARQL;
    }

    private int usage(String problem) {
        System.err.println("bulk-load: " + problem);
        System.err.println("usage: bulk-load " + summary());
        return 2;
    }
}
