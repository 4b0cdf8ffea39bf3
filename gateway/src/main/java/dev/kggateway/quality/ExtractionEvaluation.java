package dev.kggateway.quality;

import dev.kggateway.ingest.EnrichmentThreshold;
import dev.kggateway.ingest.IngestService;
import dev.kggateway.ner.contract.BioDecoder;
import dev.kggateway.ner.contract.Entity;
import dev.kggateway.ner.contract.LabelledText;
import dev.kggateway.ner.contract.ThresholdSweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores what users get: each labelled sentence (its words joined by single spaces) goes through the same path as
 * {@code extractProperties} ({@link IngestService#preview(List)}), and its (type, value) properties are matched per
 * sentence against the gold values of its BIO tags (ner-contract's value matcher), at every threshold.
 */
@ApplicationScoped
public class ExtractionEvaluation {

    private static final int BATCH = 64;

    @Inject
    IngestService ingest;

    /** Matching results for every threshold, the threshold ingest uses, and the time spent in extraction. */
    public record Result(ThresholdSweep sweep, EnrichmentThreshold.Threshold threshold, int sentences, double extractMs,
            List<Miss> misses) {
    }

    /** A sentence whose extraction differs from its gold values (kept for --show-errors). */
    public record Miss(String text, List<Entity.TypedValue> gold, List<Entity.TypedValue> predicted) {
    }

    /** Where the extractions come from: this process's extraction path, or a gateway's extractProperties. */
    public interface Extraction {
        List<IngestService.Preview> extract(List<String> texts) throws Exception;
    }

    /** The in-process path: {@link IngestService#preview(List)}, the code behind extractProperties. */
    public Result run(List<LabelledText> data, Double minConfidence) throws Exception {
        return run(data, minConfidence, ingest::preview, ingest.threshold());
    }

    /**
     * @param minConfidence the threshold misses are listed at; null for the one the extraction reports
     * @param fallback threshold when the extraction reports none (it found nothing)
     */
    public static Result run(List<LabelledText> data, Double minConfidence, Extraction extraction,
            EnrichmentThreshold.Threshold fallback) throws Exception {
        ThresholdSweep sweep = new ThresholdSweep(true);
        List<List<Entity>> golds = new ArrayList<>();
        List<List<Entity>> predictions = new ArrayList<>();
        EnrichmentThreshold.Threshold used = null;
        long nanos = 0;
        for (int from = 0; from < data.size(); from += BATCH) {
            List<LabelledText> batch = data.subList(from, Math.min(data.size(), from + BATCH));
            long start = System.nanoTime();
            List<IngestService.Preview> previews = extraction.extract(batch.stream().map(LabelledText::text).toList());
            nanos += System.nanoTime() - start;
            for (int i = 0; i < batch.size(); i++) {
                if (previews.get(i).threshold() != null) {
                    used = union(used, previews.get(i).threshold());
                }
                List<Entity> gold = BioDecoder.gold(batch.get(i));
                List<Entity> predicted = previews.get(i).properties().stream()
                        .map(e -> new Entity(e.type(), -1, -1, e.start(), e.end(), e.value(), e.confidence())).toList();
                sweep.add(gold, predicted);
                golds.add(gold);
                predictions.add(predicted);
            }
        }
        if (used == null) {
            used = fallback;
        }
        EnrichmentThreshold.Threshold t = minConfidence != null
                ? new EnrichmentThreshold.Threshold(minConfidence, "--min-confidence") : used;
        List<Miss> misses = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            List<Entity.TypedValue> g = golds.get(i).stream().map(Entity::typedValue).sorted(ORDER).toList();
            List<Entity.TypedValue> k = predictions.get(i).stream().filter(e -> t.keeps(e.type(), e.confidence()))
                    .map(Entity::typedValue).sorted(ORDER).toList();
            if (!g.equals(k)) {
                misses.add(new Miss(data.get(i).text(), g, k));
            }
        }
        return new Result(sweep, used, data.size(), nanos / 1e6, misses);
    }

    /** Per-type thresholds reported by several extractions (a remote gateway reports those of the types it found). */
    private static EnrichmentThreshold.Threshold union(EnrichmentThreshold.Threshold a, EnrichmentThreshold.Threshold b) {
        if (a == null) {
            return b;
        }
        Map<String, Double> byType = new TreeMap<>(a.byType());
        byType.putAll(b.byType());
        return new EnrichmentThreshold.Threshold(b.value(), b.source(), byType);
    }

    private static final Comparator<Entity.TypedValue> ORDER = Comparator
            .comparing(Entity.TypedValue::type).thenComparing(Entity.TypedValue::value);
}
