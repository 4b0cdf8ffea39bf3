package com.kggateway.ner.cli;

import com.kggateway.ner.features.Batch;
import com.kggateway.ner.features.EncodedWindow;
import com.kggateway.ner.model.ModelFolder;
import dev.kggateway.ner.contract.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Latency of one description: raw TF session run (batch 1, seq = max_sequence_length) and Java tokenization.")
final class BenchmarkCommand implements Callable<Integer> {
    @Option(names = "--model", required = true) Path model;
    @Option(names = "--text", defaultValue = "Corning Falcon conical centrifuge tubes with screw cap, polypropylene, 50 mL, sterile, 500/case")
    String text;
    @Option(names = "--warmup", defaultValue = "50") int warmup;
    @Option(names = "--iterations", defaultValue = "500") int iterations;
    @Option(names = "--threads", defaultValue = "2") int threads;

    @Override
    public Integer call() throws Exception {
        try (ModelFolder folder = ModelFolder.load(model, threads)) {
            List<String> tokens = Words.strings(text);
            List<EncodedWindow> windows = folder.encoder().encode(tokens, null);
            Batch batch = Batch.of(windows.subList(0, 1), folder.maxSequenceLength());
            for (int i = 0; i < warmup; i++) {
                folder.tagger().probabilities(batch);
            }
            double[] session = new double[iterations];
            double[] tokenize = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                Batch b = Batch.of(folder.encoder().encode(Words.strings(text), null).subList(0, 1),
                        folder.maxSequenceLength());
                long t1 = System.nanoTime();
                folder.tagger().probabilities(b);
                long t2 = System.nanoTime();
                tokenize[i] = (t1 - t0) / 1e6;
                session[i] = (t2 - t1) / 1e6;
            }
            System.out.printf("text: %s (%d words, %d pieces incl. [CLS]/[SEP], padded to %d)%n", text,
                    tokens.size(), windows.get(0).length(), folder.maxSequenceLength());
            System.out.printf("threads %d, warmup %d, iterations %d%n", threads, warmup, iterations);
            print("raw TF session run", session);
            print("Java tokenize+encode", tokenize);
            System.out.println("predicted: " + folder.tagger().tag(List.of(tokens)).get(0));
        }
        return 0;
    }

    private static void print(String label, double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf("%-22s p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  mean %.3f ms%n", label,
                s[s.length / 2], s[(int) (s.length * 0.9)], s[(int) (s.length * 0.99)], Arrays.stream(s).average().orElse(0));
    }
}
