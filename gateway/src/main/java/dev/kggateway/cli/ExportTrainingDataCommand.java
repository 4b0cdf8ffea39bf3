package dev.kggateway.cli;

import dev.kggateway.training.TrainingDataExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code export-training-data --out FILE.csv [--limit N] [--types a,b]}: training data for fine-tuning the model on
 * this catalogue, from the store's products and their vendor values (see {@link TrainingDataExporter}). Runs without
 * the model and without the HTTP listener.
 */
@ApplicationScoped
public class ExportTrainingDataCommand implements KgCommand {

    @Inject
    TrainingDataExporter exporter;

    @Override
    public String name() {
        return "export-training-data";
    }

    @Override
    public String summary() {
        return "--out FILE.csv [--limit N] [--types a,b]  seed-format CSV: vendor values located in descriptions";
    }

    @Override
    public int run(String[] args) throws Exception {
        Path out = null;
        Integer limit = null;
        Set<String> types = Set.of();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--out" -> out = Path.of(args[++i]);
                    case "--limit" -> limit = Integer.parseInt(args[++i]);
                    case "--types" -> types = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                    default -> {
                        return usage("unexpected argument " + args[i]);
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            return usage("bad arguments: " + String.join(" ", args));
        }
        if (out == null) {
            return usage("missing --out FILE.csv");
        }
        if (limit != null && limit < 1) {
            return usage("--limit must be positive");
        }
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        TrainingDataExporter.Summary s;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            s = exporter.export(w, new TrainingDataExporter.Options(limit, types), System.err::println);
        }
        System.out.printf("products read: %d%nexported: %d sentences (%d words, %d tagged) to %s%n"
                + "vendor values located: %d of %d (%.1f %%) in exported and skipped products with a description%n",
                s.productsRead(), s.exported(), s.words(), s.taggedWords(), out, s.locatedLinks(), s.vendorLinks(),
                s.vendorLinks() == 0 ? 0.0 : 100.0 * s.locatedLinks() / s.vendorLinks());
        return s.exported() > 0 ? 0 : 1;
    }

    private int usage(String problem) {
        System.err.println("export-training-data: " + problem);
        System.err.println("usage: export-training-data " + summary());
        return 2;
    }
}
