package com.kggateway.ner.cli;

import com.kggateway.ner.data.NerCsv;
import com.kggateway.ner.eval.EntityMetrics;
import com.kggateway.ner.model.ModelFolder;
import com.kggateway.ner.model.NerTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Entity-level precision/recall/F1 (exact span match, per type and micro) of a model folder on CSVs.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true) Path model;
    @Option(names = "--data", required = true, arity = "1..*", description = "one or more seed-format CSVs") List<Path> data;
    @Option(names = "--markdown", description = "print Markdown tables") boolean markdown;
    @Option(names = "--threads", defaultValue = "2") int threads;

    @Override
    public Integer call() throws Exception {
        try (ModelFolder folder = ModelFolder.load(model, threads)) {
            for (Path csv : data) {
                long start = System.nanoTime();
                EntityMetrics m = NerTrainer.evaluate(folder.tagger(), NerCsv.read(csv));
                System.out.printf("== %s (%.1f s)%n%s%n", csv, (System.nanoTime() - start) / 1e9,
                        markdown ? m.markdown() : m.report());
            }
        }
        return 0;
    }

    static Map<String, Object> toMap(EntityMetrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("micro", counts(m.micro()));
        Map<String, Object> per = new LinkedHashMap<>();
        m.perType().forEach((t, c) -> per.put(t, counts(c)));
        out.put("perType", per);
        return out;
    }

    private static Map<String, Object> counts(EntityMetrics.Counts c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("precision", round(c.precision()));
        out.put("recall", round(c.recall()));
        out.put("f1", round(c.f1()));
        out.put("support", c.gold);
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
