package dev.kggateway.store;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import dev.kggateway.os.LibC;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Turns the kernel's read-ahead off on the embedded LMDB store's memory maps when {@code kg.store.lmdb.read-ahead} is
 * false: what LMDB's own {@code MDB_NORDAHEAD} does ({@code madvise(map, size, MADV_RANDOM)} right after mapping),
 * which RDF4J 5.1.6 neither sets nor exposes (it opens its two environments with {@code MDB_NOTLS} and the sync flags
 * only). A page fault on a shared file map otherwise reads the kernel's read-around window of neighbouring pages (the
 * device's read-ahead, 8 MB on the measuring machine's disk) and maps what it read, so those pages count in the
 * process's RSS though no request asked for them. Measured at BSBM 100k (BENCHMARKS "RSS at BSBM 100k, perf19"): with
 * the store's pages out of the page cache at start, ~0.2 GB less file-backed RSS after the benchmark's requests (all
 * in the triples file; the start-up index builds read whole databases either way), at ~5 disk reads per call while
 * the pages warm; with the pages already cached (large folios from an earlier read or the load) the maps take them
 * whole and nothing changes. Hence off only on request.
 * <p>
 * The maps are found by path in {@code /proc/self/maps} (Linux only; elsewhere, or if a call fails, nothing changes:
 * read-ahead costs memory, never answers). RDF4J re-maps an environment when it grows past its map size
 * ({@code kg.store.map-size}, 8 GB by default), and the new map has read-ahead again until the next start.
 */
final class LmdbReadahead {

    private static final Logger LOG = Logger.getLogger(LmdbReadahead.class);

    private LmdbReadahead() {
    }

    /**
     * After the store in {@code lmdbDir} is open: nothing when {@code readAhead}, else {@link #adviseRandom}; returns
     * how many maps were advised.
     */
    static int apply(Path lmdbDir, boolean readAhead) {
        if (readAhead) {
            return 0;
        }
        int advised = adviseRandom(lmdbDir);
        LOG.infof("LMDB memory maps without read-ahead (kg.store.lmdb.read-ahead=false): %d of the store's maps advised"
                + " random access", advised);
        return advised;
    }

    /** One mapping of a file: its address range. */
    record Mapping(long start, long end, String path) {
    }

    /**
     * Advises random access on every mapping of the {@code data.mdb} files of the store in {@code lmdbDir} (the folder
     * given to {@code LmdbStore}); returns how many mappings were advised (0 where there is no {@code /proc}).
     */
    static int adviseRandom(Path lmdbDir) {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return 0;
        }
        List<String> files = LmdbCompaction.ENVIRONMENTS.stream()
                .map(env -> lmdbDir.toAbsolutePath().normalize().resolve(env).resolve("data.mdb").toString())
                .toList();
        List<Mapping> mappings;
        try {
            mappings = mappingsOf(Files.readAllLines(maps), files);
        } catch (IOException e) {
            LOG.warnf("could not read %s (%s): the store's memory maps keep the kernel's read-ahead", maps, e);
            return 0;
        }
        if (mappings.isEmpty()) {
            return 0;
        }
        LibC libc;
        try {
            libc = LibC.load();
        } catch (UnsatisfiedLinkError e) {
            LOG.warnf("no C library (%s): the store's memory maps keep the kernel's read-ahead", e.getMessage());
            return 0;
        }
        int advised = 0;
        for (Mapping m : mappings) {
            if (libc.madvise(new Pointer(m.start()), new NativeLong(m.end() - m.start()), LibC.MADV_RANDOM) == 0) {
                advised++;
            } else {
                LOG.warnf("madvise(MADV_RANDOM) on %s failed (errno %d): its map keeps the kernel's read-ahead",
                        m.path(), Native.getLastError());
            }
        }
        return advised;
    }

    /** The mappings of any of {@code files} among {@code /proc/self/maps} lines ("start-end perms offset dev inode path"). */
    static List<Mapping> mappingsOf(List<String> mapsLines, List<String> files) {
        return mapsLines.stream()
                .map(line -> line.split("\\s+", 6))
                .filter(f -> f.length == 6 && files.contains(f[5].trim()))
                .map(f -> {
                    String[] range = f[0].split("-");
                    return new Mapping(Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16),
                            f[5].trim());
                })
                .toList();
    }
}
