package dev.kggateway.cli;

import dev.kggateway.ner.contract.EntityMetrics;
import dev.kggateway.ner.contract.LabelledText;
import dev.kggateway.ner.contract.ThresholdSweep;
import dev.kggateway.ingest.EnrichmentThreshold;
import dev.kggateway.quality.ExtractionEvaluation;
import dev.kggateway.quality.GraphQlExtraction;
import java.net.URI;
import dev.kggateway.quality.SeedCsv;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code evaluate-ner --data FILE.csv [--min-confidence X] [--show-errors N] [--url URL]}: entity P/R/F1 per type and
 * micro, at the threshold ingest applies (or X), plus a threshold sweep, of the loaded model through the gateway's
 * own extraction path (the one {@code extractProperties} uses) — or, with {@code --url}, of a running gateway
 * through HTTP {@code extractProperties} requests, with their latency. Runs without the HTTP listener (and, with
 * {@code --url}, without loading a model).
 */
@ApplicationScoped
public class EvaluateNerCommand implements KgCommand {

    @Inject
    ExtractionEvaluation evaluation;

    @Override
    public String name() {
        return "evaluate-ner";
    }

    @Override
    public String summary() {
        return "--data FILE.csv [--min-confidence X] [--show-errors N] [--url http://host:port/graphql [--api-key K]]"
                + "  P/R/F1 of extractProperties on labelled CSV";
    }

    /** With {@code --url} it scores another gateway over HTTP: no store, no model needed. */
    @Override
    public boolean runsWithoutApplication(String[] args) {
        return Arrays.asList(args).contains("--url");
    }

    @Override
    public int run(String[] args) throws Exception {
        Path data = null;
        Double min = null;
        int showErrors = 0;
        String url = null;
        String apiKey = System.getenv("KG_API_KEY");
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data" -> data = Path.of(args[++i]);
                    case "--min-confidence" -> min = Double.parseDouble(args[++i]);
                    case "--show-errors" -> showErrors = Integer.parseInt(args[++i]);
                    case "--url" -> url = args[++i];
                    case "--api-key" -> apiKey = args[++i];
                    default -> {
                        return usage("unexpected argument " + args[i]);
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            return usage("bad arguments: " + String.join(" ", args));
        }
        if (data == null || !Files.isRegularFile(data)) {
            return usage(data == null ? "missing --data FILE.csv" : "no such file: " + data);
        }
        if (min != null && !(min >= 0 && min <= 1)) {
            return usage("--min-confidence must be between 0 and 1");
        }
        List<LabelledText> sentences = SeedCsv.read(data);
        if (sentences.isEmpty()) {
            return usage("no sentences in " + data);
        }
        GraphQlExtraction remote = url == null ? null : new GraphQlExtraction(URI.create(url), apiKey);
        ExtractionEvaluation.Result r = remote == null ? evaluation.run(sentences, min)
                : ExtractionEvaluation.run(sentences, min, remote,
                        new EnrichmentThreshold.Threshold(EnrichmentThreshold.DEFAULT, "default (the gateway returned no property)"));
        EnrichmentThreshold.Threshold threshold = min != null
                ? new EnrichmentThreshold.Threshold(min, "--min-confidence") : r.threshold();
        // config (kg.ner.min-confidence), model (its manifest), default, or gateway (as extractProperties reported it)
        String source = threshold.source();
        EntityMetrics at = r.sweep().at(threshold::of);
        System.out.printf(Locale.ROOT, "%s: %d sentences, (type, value) per sentence, through %s%n", data, r.sentences(),
                remote == null ? "extractProperties' code path in this process" : "extractProperties at " + url);
        System.out.printf(Locale.ROOT, "min confidence %.3f (from %s)%s%n%n%s%n", threshold.value(), source,
                threshold.byType().isEmpty() ? "" : ", per type " + threshold.byType(), at.report());
        System.out.printf(Locale.ROOT, "micro: precision %.4f recall %.4f F1 %.4f%n", at.micro().precision(),
                at.micro().recall(), at.micro().f1());
        System.out.printf(Locale.ROOT, "%nthreshold sweep (micro):%n%s", r.sweep().markdown(ThresholdSweep.DEFAULT_THRESHOLDS));
        r.sweep().lowestThresholdFor(0.85).ifPresentOrElse(
                row -> System.out.printf(Locale.ROOT, "lowest threshold with precision >= 0.85: %.4f (recall %.4f, F1 %.4f)%n",
                        row.threshold(), row.recall(), row.f1()),
                () -> System.out.println("no threshold reaches precision 0.85"));
        System.out.printf(Locale.ROOT, "confidence separation (ROC AUC right vs wrong): %.3f%n", r.sweep().separation());
        if (remote == null) {
            System.out.printf(Locale.ROOT, "extraction: %.1f ms for %d sentences (%.0f sentences/s, batches of 64, in process)%n",
                    r.extractMs(), r.sentences(), r.sentences() / (r.extractMs() / 1000));
        } else {
            System.out.printf(Locale.ROOT, "extractProperties over HTTP, one description per request, %d requests in sequence: "
                    + "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n", remote.requests(), remote.latencyMs(50),
                    remote.latencyMs(95), remote.latencyMs(99));
        }
        r.misses().stream().limit(showErrors).forEach(m -> System.out.printf("%n%s%n  gold:      %s%n  predicted: %s%n",
                m.text(), m.gold(), m.predicted()));
        return 0;
    }

    private int usage(String problem) {
        System.err.println("evaluate-ner: " + problem);
        System.err.println("usage: evaluate-ner " + summary());
        return 2;
    }
}
