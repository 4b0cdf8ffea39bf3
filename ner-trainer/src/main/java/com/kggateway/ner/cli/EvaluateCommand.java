package com.kggateway.ner.cli;

import com.kggateway.ner.data.NerCsv;
import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.features.PreTokenLabels;
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
    @Option(names = "--show-errors", defaultValue = "0", description = "print up to N mis-tagged descriptions") int showErrors;

    @Override
    public Integer call() throws Exception {
        try (ModelFolder folder = ModelFolder.load(model, threads)) {
            for (Path csv : data) {
                long start = System.nanoTime();
                List<TaggedSentence> sentences = NerCsv.read(csv);
                EntityMetrics m = NerTrainer.evaluate(folder.tagger(), sentences);
                printErrors(folder, sentences);
                System.out.printf("== %s (%.1f s)%n%s%n", csv, (System.nanoTime() - start) / 1e9,
                        markdown ? m.markdown() : m.report());
            }
        }
        return 0;
    }

    private void printErrors(ModelFolder folder, List<TaggedSentence> sentences) {
        int shown = 0;
        for (TaggedSentence s : sentences) {
            if (shown >= showErrors) {
                return;
            }
            PreTokenLabels gold = PreTokenLabels.of(s);
            List<String> predicted = folder.tagger().tag(List.of(gold.tokens())).get(0);
            if (!predicted.equals(gold.tags())) {
                shown++;
                StringBuilder sb = new StringBuilder(s.id()).append(":");
                for (int i = 0; i < predicted.size(); i++) {
                    sb.append(' ').append(gold.tokens().get(i)).append('/').append(gold.tags().get(i));
                    if (!predicted.get(i).equals(gold.tags().get(i))) {
                        sb.append("<>").append(predicted.get(i));
                    }
                }
                System.out.println(sb);
            }
        }
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
