package dev.kggateway.cli;

import dev.kggateway.store.GraphStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code compact}: rewrites the embedded LMDB store without its free pages and with each index in one piece, as a
 * finished {@code bulk-load} does (store {@code LmdbCompaction}). For stores loaded before bulk loads compacted, or
 * after many writes through the API: a store holding free pages and interleaved indexes is read into memory whole at
 * start (BENCHMARKS.md "RSS at BSBM 100k"). The compaction runs as the command closes the store, so a server must not
 * have it open (the embedded store is locked by a running server; then nothing is changed and the log says so).
 */
@ApplicationScoped
public class CompactCommand implements KgCommand {

    @Inject
    GraphStore store;

    @Override
    public String name() {
        return "compact";
    }

    @Override
    public String summary() {
        return "  rewrite the embedded LMDB store without free pages (the log says the bytes before and after)";
    }

    @Override
    public int run(String[] args) {
        if (args.length > 0) {
            System.err.println("compact: unexpected argument " + args[0]);
            System.err.println("usage: compact" + summary());
            return 2;
        }
        if (!store.compactOnClose()) {
            System.err.println("compact: only the embedded LMDB store is compacted; this one is " + store.description());
            return 1;
        }
        System.out.println("compacting " + store.description() + " as it closes");
        return 0;
    }
}
