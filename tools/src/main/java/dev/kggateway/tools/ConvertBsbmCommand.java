package dev.kggateway.tools;

import dev.kggateway.cli.KgCommand;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code convert-bsbm IN.nt OUT.jsonl}: the products of BSBM N-Triples as JSON lines ({@link BsbmConverter}). IN may
 * be {@code -}, standard input, so the generator's output can be streamed in through a pipe instead of written to disk
 * (a file channel on a pipe fails with "Illegal seek").
 */
@ApplicationScoped
public class ConvertBsbmCommand implements KgCommand {

    @Override
    public String name() {
        return "convert-bsbm";
    }

    @Override
    public String summary() {
        return "IN.nt|- OUT.jsonl  BSBM generator N-Triples (- = stdin) -> JSON lines of products (for bulk-load)";
    }

    /** Converts files only: no store, model or port. */
    @Override
    public boolean runsWithoutApplication(String[] args) {
        return true;
    }

    @Override
    public int run(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: convert-bsbm IN.nt|- OUT.jsonl");
            return 2;
        }
        long started = System.nanoTime();
        long products;
        InputStream source = args[0].equals("-") ? System.in : Files.newInputStream(Path.of(args[0]));
        try (InputStream in = new BufferedInputStream(source, 1 << 16);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])), 1 << 16)) {
            products = new BsbmConverter().convert(in, out);
        }
        System.out.printf("%,d products written to %s in %.1f s%n", products, args[1],
                (System.nanoTime() - started) / 1e9);
        return products > 0 ? 0 : 1;
    }
}
