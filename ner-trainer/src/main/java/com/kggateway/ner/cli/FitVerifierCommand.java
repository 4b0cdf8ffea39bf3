package com.kggateway.ner.cli;

import com.kggateway.ner.data.NerCsv;
import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.eval.Evaluation;
import com.kggateway.ner.model.ModelFolder;
import com.kggateway.ner.verify.LogisticRegression;
import com.kggateway.ner.verify.VerifierData;
import dev.kggateway.ner.contract.EntityMetrics;
import dev.kggateway.ner.contract.ModelManifest;
import dev.kggateway.ner.contract.SpanFeatures;
import dev.kggateway.ner.contract.SpanVerifier;
import dev.kggateway.ner.contract.ThresholdSweep;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fit-verifier", mixinStandardHelpOptions = true,
        description = "Fits the span verifier (\"is this predicted link right?\", a logistic regression over "
                + "ner-contract's SpanFeatures) on CALIBRATION CSVs the model never trained on (never the dev set): "
                + "regularisation by leave-one-source-out cross-validation, the minimum confidence by the pooled "
                + "out-of-fold probabilities; --write puts span-verifier.json into the model folder and the threshold "
                + "into its manifest.")
final class FitVerifierCommand implements Callable<Integer> {
    static final double[] L2_GRID = {0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000, 3000, 10000};

    @Option(names = "--model", required = true) Path model;
    @Option(names = "--data", required = true, arity = "1..*", description = "calibration CSVs (seed format)")
    List<Path> data;
    @Option(names = "--sources", description = "TSV with columns sentence_id, source_url, source_name (e.g. "
            + "data/real-train-sources.tsv): cross-validation holds out one source at a time; default: one group per "
            + "--data file") Path sources;
    @Option(names = "--precision", defaultValue = "0.85", description = "target (type, value) precision of the "
            + "threshold (default ${DEFAULT-VALUE})") double precision;
    @Option(names = "--min-recall", defaultValue = "0.3", description = "only thresholds keeping this recall count "
            + "(default ${DEFAULT-VALUE})") double minRecall;
    @Option(names = "--l2", split = ",", description = "regularisation strengths to try (default 0.1 ... 10000)")
    double[] l2;
    @Option(names = "--drop", split = ",", description = "leave out features whose name starts with one of these "
            + "prefixes (e.g. shape=,class=): a smaller verifier, compared by the same cross-validation") List<String> drop;
    @Option(names = "--threads", defaultValue = "2") int threads;
    @Option(names = "--write", description = "write span-verifier.json and the threshold into the model folder") boolean write;

    @Override
    public Integer call() throws Exception {
        Map<String, String> sourceOf = sources == null ? Map.of() : readSources(sources);
        List<String> groupOf = new ArrayList<>();
        List<TaggedSentence> sentences = new ArrayList<>();
        for (Path csv : data) {
            for (TaggedSentence s : NerCsv.read(csv)) {
                sentences.add(s);
                // the file name when the sources table does not know the sentence (ids repeat across files)
                groupOf.add(sourceOf.getOrDefault(s.id(), csv.getFileName().toString()));
            }
        }
        VerifierData d;
        Evaluation evaluation;
        dev.kggateway.ner.contract.TagSet tagSet;
        double temperature;
        dev.kggateway.ner.contract.LexicalClassTable lexicalClasses;
        try (ModelFolder folder = ModelFolder.load(model, threads)) {
            evaluation = Evaluation.run(folder.tagger(), folder.temperature(), sentences, null, null);
            tagSet = folder.tags();
            temperature = folder.temperature();
            lexicalClasses = folder.lexicalClasses();
            d = VerifierData.of(evaluation, folder.tags(), folder.temperature(), folder.lexicalClasses(), groupOf,
                    drop == null ? List.of() : drop);
        }
        List<VerifierData.Example> ex = d.examples();
        int n = ex.size();
        List<String> groups = new ArrayList<>(new TreeSet<>(ex.stream().map(VerifierData.Example::group).toList()));
        if (groups.size() < 2) {
            System.err.println("cross-validation by source needs at least two sources (groups); found " + groups
                    + ": pass --sources or several --data files");
            return 2;
        }
        double[] current = new double[n];
        for (int i = 0; i < n; i++) {
            current[i] = ex.get(i).entity().confidence();
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        long right = ex.stream().filter(e -> e.label() == 1).count();
        System.out.printf("%d sentences, %d predicted entities (%d right, %.3f), %d features, %d groups%n",
                sentences.size(), n, right, right / (double) n, SpanFeatures.NAMES.size(), groups.size());

        double bestL2 = Double.NaN;
        double bestLoss = Double.POSITIVE_INFINITY;
        double[] bestOof = null;
        System.out.println("| l2 | out-of-fold log-loss | out-of-fold AUC |\n|---|---|---|");
        for (double lambda : l2 != null ? l2 : L2_GRID) {
            double[] oof = outOfFold(ex, groups, lambda);
            double loss = d.logLoss(oof, all);
            System.out.printf("| %s | %.4f | %.4f |%n", lambda, loss, d.auc(oof, all));
            if (loss < bestLoss) {
                bestLoss = loss;
                bestL2 = lambda;
                bestOof = oof;
            }
        }
        System.out.printf("%nchosen l2 %s; per held-out source:%n", bestL2);
        System.out.println("| held-out source | entities | right | log-loss verifier | log-loss confidence | "
                + "AUC verifier | AUC confidence |\n|---|---|---|---|---|---|---|");
        for (String g : groups) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (ex.get(i).group().equals(g)) {
                    idx.add(i);
                }
            }
            long r = idx.stream().filter(i -> ex.get(i).label() == 1).count();
            System.out.printf("| %s | %d | %d | %.4f | %.4f | %.4f | %.4f |%n", shorten(g), idx.size(), r,
                    d.logLoss(bestOof, idx), d.logLoss(current, idx), d.auc(bestOof, idx), d.auc(current, idx));
        }
        System.out.printf("| **pooled** | %d | %d | %.4f | %.4f | %.4f | %.4f |%n%n", n, right,
                d.logLoss(bestOof, all), d.logLoss(current, all), d.auc(bestOof, all), d.auc(current, all));

        ThresholdSweep verifierSweep = d.sweep(bestOof);
        ThresholdSweep currentSweep = d.sweep(current);
        Optional<ThresholdSweep.Row> before = currentSweep.lowestThresholdFor(precision, minRecall);
        Optional<ThresholdSweep.Row> after = verifierSweep.lowestThresholdFor(precision, minRecall);
        System.out.printf("(type, value) on the pooled calibration data, threshold for precision >= %.2f:%n", precision);
        print("confidence (mean calibrated probability)", currentSweep, before);
        print("span verifier, out-of-fold", verifierSweep, after);
        System.out.println(verifierSweep.markdown(ThresholdSweep.DEFAULT_THRESHOLDS));

        LogisticRegression.Fit fit = LogisticRegression.fit(ex.stream().map(VerifierData.Example::features).toList(),
                ex.stream().mapToInt(VerifierData.Example::label).toArray(), bestL2);
        SpanVerifier verifier = verifier(fit);
        printWeights(fit);
        // what inference pays per text: features (calibrating the words' vectors) and the dot product; thread CPU
        // time, so that other processes on a shared machine do not count
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int warmUp = 10;
        int reps = 30;
        long t0 = 0;
        double sink = 0;
        for (int k = -warmUp; k < reps; k++) {
            if (k == 0) {
                t0 = cpu.getCurrentThreadCpuTime();
            }
            for (Evaluation.Sentence s : evaluation.sentences()) {
                for (dev.kggateway.ner.contract.Entity e : verifier.rescore(new SpanFeatures.Tagged(s.text().text(),
                        s.text().words(), s.wordProbs(), tagSet, temperature, s.predictedTags()), s.predicted(),
                        lexicalClasses)) {
                    sink += e.confidence();
                }
            }
        }
        double micros = (cpu.getCurrentThreadCpuTime() - t0) / 1e3 / reps;
        System.out.printf("verifier cost (CPU time): %.2f µs per text, %.2f µs per entity (%d texts x %d, checksum %.1f)%n",
                micros / sentences.size(), micros / n, sentences.size(), reps, sink);
        if (write) {
            if (after.isEmpty()) {
                System.out.println("no threshold reaches the target precision out of fold: nothing written");
                return 1;
            }
            double threshold = EvaluateCommand.recordedThreshold(verifierSweep, after.get().threshold(), precision, minRecall);
            EntityMetrics.Counts c = verifierSweep.at(threshold).micro();
            String fittedOn = fittedOn();
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("fittedOn", fittedOn);
            about.put("groups", groups.size());
            about.put("examples", n);
            about.put("l2", bestL2);
            about.put("l2ChosenBy", "leave-one-source-out cross-validation, pooled out-of-fold log-loss");
            about.put("outOfFoldLogLoss", round(d.logLoss(bestOof, all)));
            about.put("outOfFoldAuc", round(d.auc(bestOof, all)));
            about.put("meanConfidenceAuc", round(d.auc(current, all)));
            verifier.write(model, about);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("confidence", "span verifier (" + SpanVerifier.FILE + ", " + SpanFeatures.SCHEME + "): "
                    + "P(link right) from a logistic regression over the span's features");
            fields.put("minConfidence", threshold);
            fields.put("minConfidenceByType", Map.of());
            fields.put("chosenOn", fittedOn + ", (type, value) match, pooled leave-one-source-out out-of-fold "
                    + "verifier probabilities, lowest threshold with precision >= " + precision + " and recall >= "
                    + minRecall);
            fields.put("targetPrecision", precision);
            fields.put("minRecall", minRecall);
            fields.put("targetReached", true);
            fields.put("precisionAtMin", round(c.precision()));
            fields.put("recallAtMin", round(c.recall()));
            ModelManifest.updateCalibration(model, fields);
            System.out.printf("written %s and min confidence %s to %s%n", SpanVerifier.FILE, threshold, model);
        }
        return 0;
    }

    /** Out-of-fold probabilities: each group's examples scored by a fit on all the other groups. */
    static double[] outOfFold(List<VerifierData.Example> ex, List<String> groups, double lambda) {
        double[] oof = new double[ex.size()];
        for (String g : groups) {
            List<double[]> x = new ArrayList<>();
            List<Integer> y = new ArrayList<>();
            for (VerifierData.Example e : ex) {
                if (!e.group().equals(g)) {
                    x.add(e.features());
                    y.add(e.label());
                }
            }
            LogisticRegression.Fit fit = LogisticRegression.fit(x, y.stream().mapToInt(Integer::intValue).toArray(), lambda);
            for (int i = 0; i < ex.size(); i++) {
                if (ex.get(i).group().equals(g)) {
                    oof[i] = fit.probability(ex.get(i).features());
                }
            }
        }
        return oof;
    }

    static SpanVerifier verifier(LogisticRegression.Fit fit) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (int i = 0; i < fit.weights().length; i++) {
            w.put(SpanFeatures.NAMES.get(i), fit.weights()[i]);
        }
        return new SpanVerifier(fit.bias(), w);
    }

    private static void print(String what, ThresholdSweep sweep, Optional<ThresholdSweep.Row> row) {
        EntityMetrics.Counts zero = sweep.at(0).micro();
        System.out.printf("  %s: at 0 P %.4f R %.4f F1 %.4f; %s%n", what, zero.precision(), zero.recall(), zero.f1(),
                row.map(r -> String.format("at %.4f P %.4f R %.4f F1 %.4f", r.threshold(), r.precision(), r.recall(),
                        r.f1())).orElse("target not reached"));
    }

    private static void printWeights(LogisticRegression.Fit fit) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < fit.weights().length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> -Math.abs(fit.weights()[i])));
        StringBuilder sb = new StringBuilder("largest weights (raw scale):");
        order.stream().limit(15).forEach(i -> sb.append(String.format(" %s %.3f;", SpanFeatures.NAMES.get(i),
                fit.weights()[i])));
        System.out.println(sb);
    }

    private String fittedOn() throws Exception {
        List<String> parts = new ArrayList<>();
        for (Path csv : data) {
            parts.add(csv.getFileName() + " (sha256 " + TrainCommand.sha256(csv) + ")");
        }
        return String.join(" + ", parts);
    }

    static Map<String, String> readSources(Path tsv) throws Exception {
        Map<String, String> out = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
            List<String> header = List.of(r.readLine().split("\t", -1));
            int id = header.indexOf("sentence_id");
            int url = header.indexOf("source_url");
            int name = header.indexOf("source_name");
            if (id < 0 || url < 0) {
                throw new IllegalArgumentException(tsv + ": needs columns sentence_id and source_url");
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t", -1);
                out.put(f[id], f[url] + (name >= 0 ? " " + f[name] : ""));
            }
        }
        return out;
    }

    private static String shorten(String group) {
        return group.length() <= 70 ? group : group.substring(0, 67) + "...";
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
