package com.kggateway.ner.cli;

import com.kggateway.ner.data.NerCsv;
import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.gen.ProductDescriptionGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write seeded synthetic CSV splits: train.csv, val.csv, test.csv (in-distribution) and "
                + "test_heldout.csv (held-out templates and held-out vocabulary), test_heldout_templates.csv (held-out templates, "
                + "training vocabulary).")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "output directory") Path out;
    @Option(names = "--train", defaultValue = "12000") int train;
    @Option(names = "--val", defaultValue = "1500") int val;
    @Option(names = "--test", defaultValue = "2000") int test;
    @Option(names = "--heldout", defaultValue = "2000") int heldout;
    @Option(names = "--seed", defaultValue = "7") long seed;
    @Option(names = "--pseudo-prob", defaultValue = "0.12", description = "share of phrases replaced by invented words (training distribution)")
    double pseudoProbability;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        write("train.csv", new ProductDescriptionGenerator(seed * 1000 + 1, false).withPseudoProbability(pseudoProbability).generate(train, "train-"));
        write("val.csv", new ProductDescriptionGenerator(seed * 1000 + 2, false).withPseudoProbability(pseudoProbability).generate(val, "val-"));
        write("test.csv", new ProductDescriptionGenerator(seed * 1000 + 3, false).withPseudoProbability(pseudoProbability).generate(test, "test-"));
        write("test_heldout.csv", new ProductDescriptionGenerator(seed * 1000 + 4, true, true).generate(heldout, "heldout-"));
        write("test_heldout_templates.csv", new ProductDescriptionGenerator(seed * 1000 + 5, true, false).generate(heldout, "heldout-templates-"));
        return 0;
    }

    private void write(String name, List<TaggedSentence> sentences) throws Exception {
        NerCsv.write(sentences, out.resolve(name));
        System.out.printf("%s: %d descriptions%n", out.resolve(name), sentences.size());
    }
}
