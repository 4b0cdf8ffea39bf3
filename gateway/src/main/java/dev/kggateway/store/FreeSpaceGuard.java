package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.error.StoreFullException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the embedded store away from a full disk. LMDB does not fail cleanly there: a commit that runs out of space
 * fails half-way, and RDF4J 5.1's LMDB store cannot go on after that (see GraphStore#failedEmbeddedWrite: writes are
 * then refused until a restart). So writes are refused up front, with {@code STORE_FULL}, while the filesystem's
 * usable space minus the write's estimated size is below {@code kg.store.min-free-space}; they resume by themselves
 * once space is freed. The check is one {@code statvfs} per write transaction.
 */
@ApplicationScoped
public class FreeSpaceGuard {

    /** Room a write needs on disk, estimated generously: LMDB copies every page it touches (copy-on-write). */
    static final long BYTES_PER_STATEMENT = 2048;

    @Inject
    KgConfig config;

    /** Readiness says "full" once less than this is left above the reserve: writes beyond a few products fail. */
    static final long HEADROOM = 1 << 20;

    /** What readiness reports. */
    public record Status(long usableBytes, long reserveBytes) {
        public boolean full() {
            return usableBytes < reserveBytes + HEADROOM;
        }
    }

    public Status status() {
        return new Status(usableBytes(), reserve());
    }

    /** Refuses a write of about {@code estimatedBytes} that would eat into the reserve; a reserve of 0 turns this off. */
    void requireRoomFor(long estimatedBytes) {
        if (reserve() == 0) {
            return; // check off: LMDB runs into the full disk itself (handled, but the failing write is lost)
        }
        long usable = usableBytes();
        if (usable - estimatedBytes < reserve()) {
            throw new StoreFullException(String.format("the store's disk is full (%d MB free, %d MB reserved, this write"
                    + " needs about %d MB): writes are refused until space is freed; reads still work",
                    usable >> 20, reserve() >> 20, Math.max(1, estimatedBytes >> 20)));
        }
    }

    /** A failed write that ran out of room: the disk, or LMDB's map when it cannot grow. */
    boolean isOutOfSpace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("MDB_MAP_FULL") || m.contains("No space left") || m.contains("ENOSPC")
                    || m.contains("MDB_TXN_FULL") || m.contains("MDB_MAP_RESIZED"))) {
                return true;
            }
        }
        // Also with no reserve configured (0): a write that failed with under 1 MB left ran out of room.
        return usableBytes() < Math.max(reserve(), 1 << 20);
    }

    private long reserve() {
        return config.store().minFreeSpace().asLongValue();
    }

    private long usableBytes() {
        try {
            Path dir = Path.of(config.store().path());
            FileStore fileStore = Files.getFileStore(Files.exists(dir) ? dir : dir.toAbsolutePath().getParent());
            return fileStore.getUsableSpace();
        } catch (IOException e) {
            // Cannot tell: do not block writes on a failed statvfs; LMDB's own errors are still handled.
            return Long.MAX_VALUE;
        }
    }
}
