package dev.kggateway.bulk;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;

/**
 * Writes statements as N-Quads (RDF4J Rio) into numbered files of at most {@code maxBytes} each, so every file stays
 * under S3's single-PUT limit and the Neptune loader can read them in parallel.
 */
final class NQuadsFiles implements AutoCloseable {

    private final Path dir;
    private final String stem;
    private final long maxBytes;
    private final List<Path> files = new ArrayList<>();
    private CountingStream out;
    private Writer text;
    private RDFWriter writer;
    private long statements;

    NQuadsFiles(Path dir, String stem, long maxBytes) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.stem = stem;
        this.maxBytes = maxBytes;
    }

    void write(List<Statement> batch) {
        try {
            if (writer == null || out.count >= maxBytes) {
                roll();
            }
            for (Statement s : batch) {
                writer.handleStatement(s);
            }
            statements += batch.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void roll() throws IOException {
        finish();
        Path file = dir.resolve(String.format("%s-%04d.nq", stem, files.size() + 1));
        out = new CountingStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        // The byte count lags the text by at most the buffer, which only moves the file split point.
        text = bufferedText(out);
        writer = Rio.createWriter(RDFFormat.NQUADS, text);
        writer.startRDF();
        files.add(file);
    }

    private void finish() throws IOException {
        if (writer != null) {
            writer.endRDF();
            text.close(); // flushes the buffered text, then closes the file
            out.close();
            writer = null;
        }
    }

    /**
     * UTF-8 text over {@code out} for a Rio writer. Rio's N-Triples/N-Quads writer appends IRIs one char at a time,
     * and its own {@code createWriter(format, OutputStream)} does not buffer: each char straight onto an
     * OutputStreamWriter is a locked encoder call, half of a file load's CPU time (JFR). Flush it before the caller
     * uses {@code out} again.
     */
    static Writer bufferedText(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                1 << 16);
    }

    List<Path> files() {
        return files;
    }

    long statements() {
        return statements;
    }

    @Override
    public void close() throws IOException {
        finish();
    }

    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
