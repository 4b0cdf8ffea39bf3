package dev.kggateway.ner.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Precision/recall/F1 when only entities with confidence ≥ t are kept, for a range of t, and the recommended
 * minimum confidence: the lowest t whose precision reaches a target (the most recall at that precision).
 * Sentences are added once; matching is {@link EntityMetrics#addSpans} or {@link EntityMetrics#addValues}.
 */
public final class ThresholdSweep {
    public static final double[] DEFAULT_THRESHOLDS = {0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.925, 0.95,
            0.96, 0.97, 0.98, 0.99};

    private final boolean byValue;
    private final List<List<Entity>> gold = new ArrayList<>();
    private final List<List<Entity>> predicted = new ArrayList<>();

    /** @param byValue match (type, value) per sentence instead of (type, word range) */
    public ThresholdSweep(boolean byValue) {
        this.byValue = byValue;
    }

    public void add(Collection<Entity> goldEntities, Collection<Entity> predictedEntities) {
        gold.add(List.copyOf(goldEntities));
        predicted.add(List.copyOf(predictedEntities));
    }

    /** Metrics keeping predictions with confidence ≥ t. */
    public EntityMetrics at(double t) {
        return at(type -> t);
    }

    /**
     * Metrics keeping predictions of the types in {@code fixed} at their own threshold and every other prediction at
     * confidence ≥ {@code global}.
     */
    public EntityMetrics at(double global, Map<String, Double> fixed) {
        return at(type -> fixed.getOrDefault(type, global));
    }

    /** Metrics keeping predictions with confidence ≥ the threshold of their type (per-type thresholds). */
    public EntityMetrics at(ToDoubleFunction<String> thresholdOfType) {
        EntityMetrics m = new EntityMetrics();
        for (int i = 0; i < gold.size(); i++) {
            List<Entity> kept = predicted.get(i).stream()
                    .filter(e -> e.confidence() >= thresholdOfType.applyAsDouble(e.type())).toList();
            if (byValue) {
                m.addValues(gold.get(i), kept);
            } else {
                m.addSpans(gold.get(i), kept);
            }
        }
        return m;
    }

    /** One row per threshold. */
    public record Row(double threshold, double precision, double recall, double f1, int predicted) {
    }

    public List<Row> rows(double[] thresholds) {
        return rows(thresholds, Map.of());
    }

    /** One row per global threshold, the types in {@code fixed} kept at their own threshold. */
    public List<Row> rows(double[] thresholds, Map<String, Double> fixed) {
        List<Row> rows = new ArrayList<>();
        for (double t : thresholds) {
            EntityMetrics.Counts c = at(t, fixed).micro();
            rows.add(new Row(t, c.precision(), c.recall(), c.f1(), c.predicted));
        }
        return rows;
    }

    /** One type's counts when only its predictions with confidence ≥ t are kept, for each t (other types do not matter). */
    public List<EntityMetrics.Counts> typeCounts(String type, double[] thresholds) {
        List<EntityMetrics.Counts> counts = new ArrayList<>();
        for (double t : thresholds) {
            EntityMetrics.Counts c = at(t).perType().get(type);
            counts.add(c == null ? new EntityMetrics.Counts() : c);
        }
        return counts;
    }

    /** Markdown sweep table of one type. */
    public String typeMarkdown(String type, double[] thresholds) {
        StringBuilder sb = new StringBuilder("| " + type + " min confidence | precision | recall | F1 | kept | right | gold |\n"
                + "|---|---|---|---|---|---|---|\n");
        List<EntityMetrics.Counts> counts = typeCounts(type, thresholds);
        for (int i = 0; i < thresholds.length; i++) {
            EntityMetrics.Counts c = counts.get(i);
            sb.append(String.format("| %.3f | %.4f | %.4f | %.4f | %d | %d | %d |%n", thresholds[i], c.precision(),
                    c.recall(), c.f1(), c.predicted, c.truePositives, c.gold));
        }
        return sb.toString();
    }

    /**
     * Lowest threshold (searched over the distinct confidences seen, so it is exact) whose micro precision is at
     * least {@code targetPrecision}; empty if none reaches it.
     */
    public Optional<Row> lowestThresholdFor(double targetPrecision) {
        return lowestThresholdFor(targetPrecision, 0);
    }

    /** As {@link #lowestThresholdFor(double)}, but only thresholds that keep recall ≥ {@code minRecall} count. */
    public Optional<Row> lowestThresholdFor(double targetPrecision, double minRecall) {
        return lowestThresholdFor(targetPrecision, minRecall, Map.of());
    }

    /**
     * As {@link #lowestThresholdFor(double, double)} for the global threshold only: the types in {@code fixed} keep
     * their own thresholds (chosen elsewhere) while the global one, for every other type, is searched; precision and
     * recall are micro figures over all types, the fixed ones at their thresholds.
     */
    public Optional<Row> lowestThresholdFor(double targetPrecision, double minRecall, Map<String, Double> fixed) {
        for (Row r : exactRows(fixed)) {
            if (r.predicted() > 0 && r.precision() >= targetPrecision && r.recall() >= minRecall) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The threshold (over the distinct confidences seen) with the best micro F1; empty without predictions. */
    public Optional<Row> bestF1() {
        return bestF1(Map.of());
    }

    /** As {@link #bestF1()} over the global threshold, the types in {@code fixed} at their own thresholds. */
    public Optional<Row> bestF1(Map<String, Double> fixed) {
        Row best = null;
        for (Row r : exactRows(fixed)) {
            if (best == null || r.f1() > best.f1()) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The threshold with the highest micro precision among those keeping recall ≥ {@code minRecall} (ties: the
     * lower threshold, more recall); empty if none does.
     */
    public Optional<Row> highestPrecisionWithRecall(double minRecall) {
        return highestPrecisionWithRecall(minRecall, Map.of());
    }

    /** As {@link #highestPrecisionWithRecall(double)} over the global threshold, {@code fixed} types at their own. */
    public Optional<Row> highestPrecisionWithRecall(double minRecall, Map<String, Double> fixed) {
        Row best = null;
        for (Row r : exactRows(fixed)) {
            if (r.recall() >= minRecall && (best == null || r.precision() > best.precision())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * One row per distinct confidence seen among the types not in {@code fixed}, ascending: the micro figures change
     * only at those, so the search is exact.
     */
    private List<Row> exactRows(Map<String, Double> fixed) {
        return rows(confidencesOf(type -> !fixed.containsKey(type)), fixed);
    }

    /** The distinct confidences of the predictions (of one type, or of all when {@code type} is null), ascending. */
    double[] confidences(String type) {
        return confidencesOf(t -> type == null || t.equals(type));
    }

    /** The distinct confidences of the predictions whose type passes {@code types}, ascending. */
    private double[] confidencesOf(Predicate<String> types) {
        return predicted.stream().flatMap(List::stream).filter(e -> types.test(e.type()))
                .mapToDouble(Entity::confidence).distinct().sorted().toArray();
    }

    /** Entity types that occur in the gold or predicted entities. */
    SortedSet<String> types() {
        SortedSet<String> types = new TreeSet<>();
        gold.forEach(g -> g.forEach(e -> types.add(e.type())));
        predicted.forEach(p -> p.forEach(e -> types.add(e.type())));
        return types;
    }

    /**
     * How well confidence separates right from wrong predictions: the probability that a random correct prediction
     * has a higher confidence than a random wrong one (ROC AUC; 0.5 = no separation).
     */
    public double separation() {
        List<Double> right = new ArrayList<>();
        List<Double> wrong = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            EntityMetrics m = new EntityMetrics();
            List<Entity> matched = byValue ? m.addValues(gold.get(i), predicted.get(i)) : m.addSpans(gold.get(i), predicted.get(i));
            List<Entity> unmatched = new ArrayList<>(predicted.get(i));
            for (Entity e : matched) {
                unmatched.remove(e);
                right.add(e.confidence());
            }
            unmatched.forEach(e -> wrong.add(e.confidence()));
        }
        if (right.isEmpty() || wrong.isEmpty()) {
            return Double.NaN;
        }
        double wins = 0;
        for (double r : right) {
            for (double w : wrong) {
                wins += r > w ? 1 : r == w ? 0.5 : 0;
            }
        }
        return wins / ((double) right.size() * wrong.size());
    }

    /** Markdown sweep table. */
    public String markdown(double[] thresholds) {
        return markdown(thresholds, Map.of());
    }

    /** Markdown sweep table over the global threshold, the types in {@code fixed} at their own thresholds. */
    public String markdown(double[] thresholds, Map<String, Double> fixed) {
        StringBuilder sb = new StringBuilder("| min confidence | precision | recall | F1 | kept |\n|---|---|---|---|---|\n");
        for (Row r : rows(thresholds, fixed)) {
            sb.append(String.format("| %.3f | %.4f | %.4f | %.4f | %d |%n", r.threshold(), r.precision(), r.recall(), r.f1(), r.predicted()));
        }
        return sb.toString();
    }
}
