package dev.kggateway.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import org.eclipse.rdf4j.common.concurrent.locks.Lock;
import org.eclipse.rdf4j.sail.helpers.DirectoryLockManager;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.util.lmdb.LMDB;

/**
 * Rewrites the embedded LMDB store's two environments ({@code triples}, {@code values}) with LMDB's compacting copy
 * ({@code mdb_env_copy2(…, MDB_CP_COMPACT)}): the free pages are left out and each database's pages come one after
 * the other in tree order. After a bulk load both matter. The load's many large transactions leave a third of the
 * triples file as free pages (copy-on-write), and the three indexes, written side by side, interleave their pages over
 * the whole file, so reading one index (the start-up index builds read {@code posc}) pulls the kernel's read-around of
 * the other indexes' and the free pages into memory: the whole store becomes resident (BENCHMARKS "RSS at BSBM 100k").
 * RDF4J 5.1.6 opens its environments without {@code MDB_NORDAHEAD} and has no setting for it.
 * <p>
 * Crash-safe: each environment is copied into a sibling folder ({@code triples.compacting}), flushed to disk, and
 * only then renamed over the live {@code data.mdb} (an atomic rename); a crash before leaves the store as it was (the
 * partial copy is removed before the store is next opened), a crash between the two environments leaves one compacted and one
 * not, which hold the same data (a page-level copy keeps every id). It runs only while no store has the folder open:
 * it holds RDF4J's directory lock, the one {@code LmdbStore} takes, for the whole copy.
 */
final class LmdbCompaction {

    /** The environments of RDF4J's LMDB store, each a folder with {@code data.mdb} and {@code lock.mdb}. */
    static final List<String> ENVIRONMENTS = List.of("values", "triples");

    /** Suffix of the folder a copy is written into before it replaces the environment's {@code data.mdb}. */
    static final String PARTIAL = ".compacting";

    private LmdbCompaction() {
    }

    /** Bytes of the environments' data files before and after, and the time it took. */
    record Result(long bytesBefore, long bytesAfter, long millis) {
    }

    /**
     * Compacts the store in {@code lmdbDir} (the folder {@code LmdbStore} was given); null when the folder is locked,
     * i.e. a store (this process or another) has it open: then nothing is changed.
     */
    static Result compact(Path lmdbDir) throws IOException {
        return underDirectoryLock(lmdbDir, () -> {
            long started = System.nanoTime();
            deletePartialCopies(lmdbDir); // copies a crash cut short
            long before = 0;
            long after = 0;
            for (String name : ENVIRONMENTS) {
                Path env = lmdbDir.resolve(name);
                Path data = env.resolve("data.mdb");
                if (!Files.isRegularFile(data)) {
                    continue;
                }
                before += Files.size(data);
                Path partial = Files.createDirectory(lmdbDir.resolve(name + PARTIAL));
                try {
                    Path copy = partial.resolve("data.mdb");
                    copyCompacted(env, partial);
                    force(copy, StandardOpenOption.WRITE);
                    Files.move(copy, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    force(env, StandardOpenOption.READ); // the rename itself
                } finally {
                    deleteRecursively(partial);
                }
                after += Files.size(data);
            }
            return new Result(before, after, (System.nanoTime() - started) / 1_000_000);
        });
    }

    /**
     * Removes the copies a crash in {@link #compact} left beside the store (each up to the store's size), under the
     * same directory lock, so never a copy that another process is writing; called before the store is opened.
     */
    static void removeLeftovers(Path lmdbDir) throws IOException {
        if (!Files.isDirectory(lmdbDir)) {
            return;
        }
        underDirectoryLock(lmdbDir, () -> {
            deletePartialCopies(lmdbDir);
            return null;
        });
    }

    /** Work on the store's files that throws what file work throws. */
    private interface FileWork<T> {
        T run() throws IOException;
    }

    /**
     * {@code work}'s result, run while holding RDF4J's directory lock of {@code lmdbDir} (the one {@code LmdbStore}
     * takes while open); null without running it when the lock is held, i.e. a store has the folder open.
     */
    private static <T> T underDirectoryLock(Path lmdbDir, FileWork<T> work) throws IOException {
        Lock lock = new DirectoryLockManager(lmdbDir.toFile()).tryLock();
        if (lock == null) {
            return null;
        }
        try {
            return work.run();
        } finally {
            lock.release();
        }
    }

    private static void deletePartialCopies(Path lmdbDir) throws IOException {
        for (String name : ENVIRONMENTS) {
            deleteRecursively(lmdbDir.resolve(name + PARTIAL));
        }
    }

    private static void copyCompacted(Path env, Path target) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer handle = stack.mallocPointer(1);
            check(LMDB.mdb_env_create(handle), "create", env);
            long e = handle.get(0);
            try {
                // No MDB_RDONLY: it needs lock.mdb to exist; the copy only reads (one read transaction). RDF4J's
                // triple store has 7 named databases, the value store 3.
                check(LMDB.mdb_env_set_maxdbs(e, 16), "set maxdbs", env);
                check(LMDB.mdb_env_open(e, env.toString(), LMDB.MDB_NOTLS, 0664), "open", env);
                check(LMDB.mdb_env_copy2(e, target.toString(), LMDB.MDB_CP_COMPACT), "copy", env);
            } finally {
                LMDB.mdb_env_close(e);
            }
        }
    }

    private static void check(int rc, String what, Path env) {
        if (rc != 0) {
            throw new IllegalStateException("LMDB " + what + " of " + env + " failed: " + LMDB.mdb_strerror(rc));
        }
    }

    private static void force(Path path, StandardOpenOption mode) throws IOException {
        try (FileChannel channel = FileChannel.open(path, mode)) {
            channel.force(true);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
