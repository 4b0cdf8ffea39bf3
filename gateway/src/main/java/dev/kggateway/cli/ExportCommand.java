package dev.kggateway.cli;

import dev.kggateway.bulk.GraphExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code export --format nquads|turtle|jsonl [--out FILE]}: the whole catalogue graph, streamed to FILE or standard
 * output (see {@link GraphExporter}). Runs without the HTTP listener and the model; the embedded store is locked by
 * a running server, so export a live embedded store through {@code GET /export} instead.
 */
@ApplicationScoped
public class ExportCommand implements KgCommand {

    @Inject
    GraphExporter exporter;

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "--format nquads|turtle|jsonl [--out FILE]  the whole graph (stdout without --out)";
    }

    @Override
    public int run(String[] args) throws Exception {
        GraphExporter.Format format = null;
        Path out = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--format" -> {
                        format = GraphExporter.Format.named(args[++i]);
                        if (format == null) {
                            return usage("unknown format " + args[i]);
                        }
                    }
                    case "--out" -> out = Path.of(args[++i]);
                    default -> {
                        return usage("unexpected argument " + args[i]);
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return usage("bad arguments: " + String.join(" ", args));
        }
        if (format == null) {
            return usage("missing --format");
        }
        long started = System.nanoTime();
        long records;
        if (out == null) {
            // Progress goes to stderr so stdout is the data alone.
            OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
            records = exporter.export(format, stdout);
            stdout.flush();
        } else {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                records = exporter.export(format, file);
            }
        }
        System.err.printf("exported %,d %s as %s to %s in %.1f s%n", records,
                format == GraphExporter.Format.JSONL ? "products" : "statements", format.name().toLowerCase(),
                out == null ? "standard output" : out, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private int usage(String problem) {
        System.err.println("export: " + problem);
        System.err.println("usage: export " + summary());
        return 2;
    }
}
