package com.kggateway.ner.cli;

import com.kggateway.ner.data.NerCsv;
import com.kggateway.ner.data.TaggedSentence;
import com.kggateway.ner.eval.Evaluation;
import com.kggateway.ner.model.Ensemble;
import com.kggateway.ner.model.WordTagger;
import dev.kggateway.ner.contract.BioDecoder;
import dev.kggateway.ner.contract.Decoding;
import dev.kggateway.ner.contract.Entity;
import dev.kggateway.ner.contract.EntityMetrics;
import dev.kggateway.ner.contract.ModelManifest;
import dev.kggateway.ner.contract.PerTypeThresholds;
import dev.kggateway.ner.contract.SpanVerifier;
import dev.kggateway.ner.contract.ThresholdSweep;
import dev.kggateway.ner.contract.WordWindows;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Entity-level precision/recall/F1 per type and micro of a model folder on seed-format CSVs, "
                + "decoded as the gateway decodes (whitespace words, calibrated confidence): exact span match and "
                + "(type, value) match per sentence; optional threshold sweep and choice of the minimum confidence.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, split = ",", description = "a model folder; several (comma-separated "
            + "or repeated): their ensemble, the mean of each member's temperature-scaled tag probabilities per piece, "
            + "decoded like one model (members must share architecture, vocabulary, tokenizer, tags and word features; "
            + "manifest defaults such as the threshold come from the first)") List<Path> models;
    @Option(names = "--data", required = true, arity = "1..*", description = "one or more seed-format CSVs") List<Path> data;
    @Option(names = "--markdown", description = "print Markdown tables") boolean markdown;
    @Option(names = "--threads", defaultValue = "2") int threads;
    @Option(names = "--show-errors", defaultValue = "0", description = "print up to N mis-tagged descriptions") int showErrors;
    @Option(names = "--show-all", description = "with --show-errors: print correctly tagged descriptions too (error "
            + "analysis at a threshold needs the confidence of every span)") boolean showAll;
    @Option(names = "--min-confidence", description = "keep entities with confidence ≥ this, for every type (default: "
            + "the manifest's calibration.minConfidenceByType for the types it lists, its calibration.minConfidence "
            + "for the others, else 0)") Double minConfidence;
    @Option(names = "--decoding", description = "argmax or viterbi (BIO-constrained); default: the manifest's "
            + "decoding, else argmax") String decoding;
    @Option(names = "--confidence", description = "mean or span-marginal (the decoded span's posterior marginal "
            + "under the BIO-constrained model); default: the manifest's confidence, else mean") String confidence;
    @Option(names = "--window-pieces", defaultValue = "" + WordWindows.DEFAULT_PIECES, description = "read "
            + "descriptions in overlapping windows of at most this many word pieces, as a gateway with this "
            + "kg.ner.window-pieces does (default ${DEFAULT-VALUE}, the gateway's)") int windowPieces;
    @Option(names = "--sweep", description = "print precision/recall/F1 per threshold ((type, value) match)") boolean sweep;
    @Option(names = "--choose-min-confidence", paramLabel = "PRECISION", description = "find the lowest threshold "
            + "reaching this (type, value) micro precision on the FIRST --data CSV") Double targetPrecision;
    @Option(names = "--min-recall", defaultValue = "0.3", description = "with --choose-min-confidence: only "
            + "thresholds keeping at least this (type, value) recall count (default ${DEFAULT-VALUE})") double minRecall;
    @Option(names = "--choose-per-type", paramLabel = "PRECISION", description = "choose one threshold per type on the "
            + "FIRST --data CSV (a calibration split, not the dev set) for this overall (type, value) micro precision")
    Double perTypePrecision;
    @Option(names = "--type-precision", defaultValue = "0.8", description = "with --choose-per-type: each type "
            + "starts at the lowest threshold giving it this precision and --min-recall (default ${DEFAULT-VALUE})")
    double typePrecision;
    @Option(names = "--min-support", defaultValue = "15", description = "with --choose-per-type: types with fewer "
            + "gold values keep the global threshold (default ${DEFAULT-VALUE})") int minSupport;
    @Option(names = "--type-min-confidence", paramLabel = "TYPE=T", description = "keep this type's entities at "
            + "confidence ≥ T (repeatable), over --min-confidence and the manifest; with --choose-min-confidence the "
            + "global threshold is chosen with these types held at T (micro figures over all types) and --write "
            + "records them as calibration.minConfidenceByType") Map<String, Double> typeMinConfidence = new TreeMap<>();
    @Option(names = "--sweep-type", paramLabel = "TYPE", description = "with --sweep: also print this type's own "
            + "(type, value) precision/recall/F1 at each sweep threshold (repeatable)") List<String> sweepTypes = List.of();
    @Option(names = "--write", description = "with --choose-min-confidence or --choose-per-type: record the choice "
            + "in the model's manifest.json") boolean write;

    @Override
    public Integer call() throws Exception {
        Path model = models.get(0);
        if (write && models.size() > 1) {
            throw new IllegalArgumentException("--write records a threshold in one model's manifest; not with an ensemble");
        }
        typeMinConfidence.forEach((type, t) -> {
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("--type-min-confidence " + type + "=" + t + ": T must be in [0, 1]");
            }
        });
        if (perTypePrecision != null && !typeMinConfidence.isEmpty()) {
            throw new IllegalArgumentException("--type-min-confidence goes with --choose-min-confidence, not --choose-per-type");
        }
        Optional<ModelManifest> manifest = ModelManifest.read(model);
        double threshold = minConfidence != null ? minConfidence
                : manifest.flatMap(ModelManifest::minConfidence).orElse(0.0);
        Map<String, Double> byType = new TreeMap<>(minConfidence != null ? Map.of()
                : manifest.map(ModelManifest::minConfidenceByType).orElse(Map.of()));
        byType.putAll(typeMinConfidence); // given on the command line: over the manifest's
        ToDoubleFunction<String> thresholdOf = type -> byType.getOrDefault(type, threshold);
        Decoding decodingUsed = decoding != null ? Decoding.parse(decoding)
                : manifest.map(ModelManifest::decoding).orElse(Decoding.ARGMAX);
        BioDecoder.Confidence confidenceUsed = confidence != null ? BioDecoder.Confidence.parse(confidence)
                : manifest.map(ModelManifest::confidence).orElse(BioDecoder.Confidence.MEAN);
        try (Ensemble folder = Ensemble.load(models, threads)) {
            WordTagger tagger = folder.tagger(windowPieces);
            SpanVerifier verifier = folder.verifier();
            if (models.size() > 1) {
                System.out.printf("ensemble of %d: %s%n", models.size(), members(folder));
            }
            System.out.printf("model %s, temperature %.4f, windows of %d pieces, decoding %s, confidence %s, "
                    + "min confidence %.4f%s%n", models.size() == 1 ? model : "ensemble", folder.temperature(),
                    windowPieces, decodingUsed.id(),
                    verifier != null ? "span verifier (" + SpanVerifier.FILE + ")"
                            : confidenceUsed == BioDecoder.Confidence.MEAN ? "mean calibrated word probability"
                            : confidenceUsed.id(), threshold,
                    byType.isEmpty() ? "" : ", per type " + new TreeMap<>(byType));
            for (int i = 0; i < data.size(); i++) {
                Path csv = data.get(i);
                long start = System.nanoTime();
                List<TaggedSentence> sentences = NerCsv.read(csv);
                Evaluation evaluation = Evaluation.run(tagger, folder.temperature(), sentences,
                        decodingUsed, confidenceUsed, verifier, folder.lexicalClasses());
                printErrors(evaluation);
                EntityMetrics spans = evaluation.spans(thresholdOf);
                EntityMetrics values = evaluation.values(thresholdOf);
                System.out.printf("== %s (%d descriptions, %.1f s)%n-- exact span match%n%s%n-- (type, value) match%n%s%n",
                        csv, sentences.size(), (System.nanoTime() - start) / 1e9,
                        markdown ? spans.markdown() : spans.report(), markdown ? values.markdown() : values.report());
                ThresholdSweep byValue = evaluation.sweep(true);
                if (sweep) {
                    System.out.println("-- threshold sweep, (type, value) match");
                    if (!typeMinConfidence.isEmpty()) {
                        System.out.println("(global threshold per row; held at their own: " + typeMinConfidence + ")");
                    }
                    System.out.println(byValue.markdown(ThresholdSweep.DEFAULT_THRESHOLDS, typeMinConfidence));
                    for (String type : sweepTypes) {
                        System.out.println("-- threshold sweep of " + type + " alone, (type, value) match");
                        System.out.println(byValue.typeMarkdown(type, ThresholdSweep.DEFAULT_THRESHOLDS));
                    }
                    ThresholdSweep min = evaluation.sweep(true, BioDecoder.Confidence.MIN, tagger, folder.temperature());
                    ThresholdSweep mean = evaluation.sweep(true, BioDecoder.Confidence.MEAN, tagger, folder.temperature());
                    ThresholdSweep marginal = evaluation.sweep(true, BioDecoder.Confidence.SPAN_MARGINAL, tagger,
                            folder.temperature());
                    System.out.printf("confidence separates right from wrong (ROC AUC): mean %.4f, min %.4f, "
                            + "span-marginal %.4f (used: %s %.4f)%n%n", mean.separation(), min.separation(),
                            marginal.separation(), verifier == null ? confidenceUsed.id() : "span verifier",
                            byValue.separation());
                }
                if (targetPrecision != null && i == 0) {
                    choose(byValue, csv);
                }
                if (perTypePrecision != null && i == 0) {
                    choosePerType(byValue, csv);
                }
            }
        }
        return 0;
    }

    /** Each member with its temperature (applied before averaging). */
    private static String members(Ensemble ensemble) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ensemble.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(ensemble.dirs().get(i))
                    .append(String.format(" (T %.4f)", ensemble.members().get(i).temperature()));
        }
        return sb.toString();
    }

    private void choose(ThresholdSweep byValue, Path csv) throws Exception {
        Map<String, Double> fixed = typeMinConfidence;
        Optional<ThresholdSweep.Row> row = byValue.lowestThresholdFor(targetPrecision, minRecall, fixed);
        boolean reached = row.isPresent();
        if (!reached) {
            // Say so, and recommend the most precise threshold that still keeps --min-recall of the links: a
            // threshold that reaches the target by keeping almost nothing would switch enrichment off.
            row = byValue.highestPrecisionWithRecall(minRecall, fixed).or(() -> byValue.bestF1(fixed));
            System.out.printf("no threshold reaches precision %.2f with recall >= %.2f on %s; recommending the most "
                    + "precise threshold that keeps that recall%n", targetPrecision, minRecall, csv);
        }
        ThresholdSweep.Row r = row.orElseThrow();
        double rounded = recordedThreshold(byValue, r.threshold(), reached ? targetPrecision : null, minRecall, fixed);
        EntityMetrics at = byValue.at(rounded, fixed);
        EntityMetrics.Counts c = at.micro();
        System.out.printf("min confidence (target precision %.2f%s) on %s: %s%s (precision %.4f, recall %.4f, F1 %.4f)%n",
                targetPrecision, reached ? "" : ", not reached", csv, rounded,
                fixed.isEmpty() ? "" : ", held per type " + fixed, c.precision(), c.recall(), c.f1());
        fixed.forEach((type, min) -> printTypeLine(type, min, at.perType().getOrDefault(type, new EntityMetrics.Counts())));
        if (write) {
            // one threshold for all but the held types: the map given replaces an earlier per-type choice
            writeThresholds(csv, rounded, new TreeMap<>(fixed), (fixed.isEmpty() ? "" : "types held at thresholds "
                    + "given on the command line " + fixed + ", global: ") + (reached ? "lowest threshold with precision >= " + targetPrecision
                    + " and recall >= " + minRecall : "precision " + targetPrecision
                    + " not reached at any threshold keeping recall >= " + minRecall
                    + ": the most precise threshold that keeps it"), targetPrecision, reached, c);
        }
    }

    private void choosePerType(ThresholdSweep byValue, Path csv) throws Exception {
        PerTypeThresholds.Choice c = PerTypeThresholds.choose(byValue, perTypePrecision, typePrecision, minRecall, minSupport);
        EntityMetrics.Counts m = c.micro();
        System.out.printf("per-type min confidence (target precision %.2f overall, %.2f per type, support >= %d) on %s: "
                + "global %s, %s (precision %.4f, recall %.4f, F1 %.4f)%n", perTypePrecision, typePrecision, minSupport,
                csv, c.global(), c.byType(), m.precision(), m.recall(), m.f1());
        c.perType().forEach((type, t) -> printTypeLine(type, c.of(type), t));
        if (write) {
            writeThresholds(csv, c.global(), c.byType(), "per type (ner-contract PerTypeThresholds): overall precision >= "
                    + perTypePrecision + ", per type >= " + typePrecision + " where recall >= " + minRecall
                    + " allows, types with < " + minSupport + " gold values at the global threshold",
                    perTypePrecision, m.precision() >= perTypePrecision, m);
        }
    }

    /** One type's threshold and its figures there, as both threshold choices print them. */
    private static void printTypeLine(String type, double min, EntityMetrics.Counts t) {
        System.out.printf("  %-9s min %.4f  P %.4f R %.4f F1 %.4f (support %d)%n", type, min, t.precision(), t.recall(),
                t.f1(), t.gold);
    }

    /** Records the chosen thresholds, how and where they were chosen, and the figures at them in the manifest. */
    private void writeThresholds(Path csv, double global, Map<String, Double> byType, String how,
            double targetPrecision, boolean reached, EntityMetrics.Counts at) throws Exception {
        Path model = models.get(0);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("minConfidence", global);
        fields.put("minConfidenceByType", byType);
        fields.put("chosenOn", csv + " (sha256 " + TrainCommand.sha256(csv) + "), (type, value) match, " + how);
        fields.put("minRecall", minRecall);
        fields.put("targetPrecision", targetPrecision);
        fields.put("targetReached", reached);
        fields.put("precisionAtMin", Math.round(at.precision() * 10000) / 10000.0);
        fields.put("recallAtMin", Math.round(at.recall() * 10000) / 10000.0);
        ModelManifest.updateCalibration(model, fields);
        System.out.printf("written to %s%n", model.resolve("manifest.json"));
    }

    /**
     * The threshold to record: the exact one rounded UP to 4 decimals (rounding down would let through links the
     * exact threshold drops and can cost the precision it was chosen for), or the exact one when the round figure
     * falls below the target precision (or below {@code minRecall}) that the exact threshold reaches.
     *
     * @param targetPrecision the precision the exact threshold reached, or null when it reached none
     */
    static double recordedThreshold(ThresholdSweep sweep, double exact, Double targetPrecision, double minRecall) {
        return recordedThreshold(sweep, exact, targetPrecision, minRecall, Map.of());
    }

    /** As above for the global threshold, the types in {@code fixed} at their own thresholds. */
    static double recordedThreshold(ThresholdSweep sweep, double exact, Double targetPrecision, double minRecall,
            Map<String, Double> fixed) {
        // the epsilon keeps an exact 4-decimal value (0.9958 stored as 0.99580000000001) from moving up a step
        double rounded = Math.ceil(exact * 10000 - 1e-6) / 10000;
        if (rounded == exact) {
            return exact;
        }
        EntityMetrics.Counts atExact = sweep.at(exact, fixed).micro();
        EntityMetrics.Counts atRounded = sweep.at(rounded, fixed).micro();
        boolean keepsRecall = atRounded.recall() >= minRecall || atExact.recall() < minRecall;
        boolean keepsPrecision = targetPrecision == null || atRounded.precision() >= targetPrecision
                || atExact.precision() < targetPrecision;
        return keepsRecall && keepsPrecision ? rounded : exact;
    }

    private void printErrors(Evaluation evaluation) {
        int shown = 0;
        for (Evaluation.Sentence s : evaluation.sentences()) {
            if (shown >= showErrors) {
                return;
            }
            List<String> gold = s.source().tags();
            if (showAll || !s.predictedTags().equals(gold)) {
                shown++;
                StringBuilder sb = new StringBuilder(s.source().id()).append(":");
                for (int i = 0; i < gold.size(); i++) {
                    sb.append(' ').append(s.source().words().get(i)).append('/').append(gold.get(i));
                    if (!s.predictedTags().get(i).equals(gold.get(i))) {
                        sb.append("<>").append(s.predictedTags().get(i));
                    }
                }
                sb.append("\n   predicted:");
                for (Entity e : s.predicted()) {
                    sb.append(String.format(" %s=%s(%.2f)", e.type(), e.value(), e.confidence()));
                }
                System.out.println(sb);
            }
        }
    }
}
