package com.kggateway.ner.cli;

import com.kggateway.ner.data.NerCsv;
import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.features.WordNetLexicalClasses;
import dev.kggateway.ner.contract.LexicalClassTable;
import dev.kggateway.ner.contract.TagSet;
import dev.kggateway.ner.contract.WordFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/**
 * How much a word's lexical class and shape say about its gold type: per feature, the mutual information between
 * the feature and the word's type (O and each entity type; {@code ?} words skipped), and the most frequent types per
 * feature value. Meant for training or validation data, to choose the classes without looking at evaluation data.
 */
@Command(name = "feature-stats", mixinStandardHelpOptions = true,
        description = "Mutual information between the word features (lexical class, shape) and the gold type in labelled CSVs.")
final class FeatureStatsCommand implements Callable<Integer> {
    @Option(names = "--model", description = "model folder whose lexical-class table to use (default: build it from WordNet)")
    Path model;
    @Option(names = "--data", required = true, arity = "1..*", description = "seed-format CSVs (training or validation data)")
    List<Path> data;

    @Override
    public Integer call() throws Exception {
        WordFeatures features = model != null ? WordFeatures.read(model).orElseThrow(
                () -> new IllegalArgumentException(model + " has no word features"))
                : new WordFeatures(WordNetLexicalClasses.build());
        for (Path csv : data) {
            Map<String, Map<String, Integer>> byClass = new TreeMap<>();
            Map<String, Map<String, Integer>> byShape = new TreeMap<>();
            Map<String, Integer> types = new TreeMap<>();
            int n = 0;
            for (TaggedSentence s : NerCsv.read(csv)) {
                for (int i = 0; i < s.words().size(); i++) {
                    String tag = s.tags().get(i);
                    if (TagSet.UNKNOWN.equals(tag)) {
                        continue;
                    }
                    String type = TagSet.type(tag) == null ? "O" : TagSet.type(tag);
                    int id = features.id(s.words().get(i));
                    byClass.computeIfAbsent(WordFeatures.lexicalClassOf(id).name(), k -> new TreeMap<>()).merge(type, 1, Integer::sum);
                    byShape.computeIfAbsent(WordFeatures.shapeOf(id).name(), k -> new TreeMap<>()).merge(type, 1, Integer::sum);
                    types.merge(type, 1, Integer::sum);
                    n++;
                }
            }
            System.out.printf("== %s: %d words, H(type) = %.3f bits%n", csv, n, entropy(types));
            report("lexical class", byClass, types, n);
            report("shape", byShape, types, n);
        }
        return 0;
    }

    private static void report(String name, Map<String, Map<String, Integer>> counts, Map<String, Integer> types, int n) {
        double conditional = 0;
        for (Map<String, Integer> m : counts.values()) {
            conditional += (double) total(m) / n * entropy(m);
        }
        System.out.printf("  %s: information %.3f bits (H(type | %s) = %.3f)%n", name, entropy(types) - conditional,
                name, conditional);
        for (Map.Entry<String, Map<String, Integer>> e : counts.entrySet()) {
            int t = total(e.getValue());
            IntFunction<String> pct = v -> Math.round(100.0 * v / t) + " %";
            List<String> top = e.getValue().entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(3)
                    .map(x -> x.getKey() + " " + pct.apply(x.getValue())).toList();
            System.out.printf("    %-16s %7d  %s%n", e.getKey(), t, top);
        }
    }

    private static int total(Map<String, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).sum();
    }

    static double entropy(Map<String, Integer> m) {
        double sum = total(m);
        double h = 0;
        for (int v : m.values()) {
            double p = v / sum;
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }
}
