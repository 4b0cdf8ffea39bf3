package dev.kggateway.analyst;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An export written to a file of its own before it is sent: the store is read at disk speed (the read's hold of the
 * embedded store ends with the file), then the client downloads the file at its own speed without holding the store.
 * The file is deleted by {@link #close} (the endpoint closes it however the download ends), and leftovers of a process
 * that died mid-export by {@link #removeLeftovers} at start.
 *
 * <p>Disk: the spool takes as much as the download (N-Quads: about the statements' text). While it is written, it
 * stops with {@link NoRoom} as soon as the free space of its filesystem falls below {@code floorBytes}, checked every
 * {@value #CHECK_EVERY} bytes; the partial file is deleted and the store's reserve is untouched.
 */
final class ExportSpool implements AutoCloseable {

    /** Bytes written between two free-space checks (one statvfs each). */
    static final long CHECK_EVERY = 8L << 20;

    /** The spool stopped: its filesystem had less than the floor left. */
    static final class NoRoom extends IOException {
        NoRoom(String message) {
            super(message);
        }
    }

    /** Writes one export into the spool. */
    @FunctionalInterface
    interface Export {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path file;
    private final long size;

    private ExportSpool(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    /**
     * Runs {@code export} into a new file in {@code dir}, stopping it with {@link NoRoom} once the filesystem's usable
     * space is below {@code floorBytes}. On any failure the file is gone when this throws.
     */
    static ExportSpool write(Path dir, long floorBytes, Export export) throws IOException {
        Files.createDirectories(dir);
        FileStore disk = Files.getFileStore(dir);
        requireRoom(disk, floorBytes, 0);
        Path file = Files.createTempFile(dir, "export-", ".spool");
        try {
            try (OutputStream out = new FloorGuard(Files.newOutputStream(file), disk, floorBytes)) {
                export.writeTo(out);
            }
            return new ExportSpool(file, Files.size(file));
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(file);
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof NoRoom noRoom) {
                    throw noRoom; // out of an RDF writer, wrapped in its RDFHandlerException
                }
            }
            throw e;
        }
    }

    /** Deletes spool files left by a process that ended mid-export; returns how many. */
    static int removeLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".spool")).toList()) {
                Files.deleteIfExists(f);
                removed++;
            }
        }
        return removed;
    }

    long size() {
        return size;
    }

    InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    private static void requireRoom(FileStore disk, long floorBytes, long written) throws IOException {
        long usable = disk.getUsableSpace();
        if (usable < floorBytes) {
            throw new NoRoom(String.format("not enough disk for the export's spool: %d MB free after %d MB spooled,"
                    + " the spool stops at %d MB free (twice kg.store.min-free-space, at least 64 MB); free space,"
                    + " or export with the export command while the gateway is stopped", usable >> 20,
                    written >> 20, floorBytes >> 20));
        }
    }

    /** Counts what goes through and checks the floor every {@link #CHECK_EVERY} bytes. */
    private static final class FloorGuard extends FilterOutputStream {
        private final FileStore disk;
        private final long floorBytes;
        private long written;
        private long nextCheck = CHECK_EVERY;

        FloorGuard(OutputStream out, FileStore disk, long floorBytes) {
            super(out);
            this.disk = disk;
            this.floorBytes = floorBytes;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count(1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count(len);
        }

        private void count(long n) throws IOException {
            written += n;
            if (written >= nextCheck) {
                nextCheck = written + CHECK_EVERY;
                requireRoom(disk, floorBytes, written);
            }
        }
    }
}
