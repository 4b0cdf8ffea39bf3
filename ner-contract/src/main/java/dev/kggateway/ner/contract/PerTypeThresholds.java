package dev.kggateway.ner.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses one minimum confidence per entity type on labelled data (a calibration split, never the dev set). One
 * global threshold drops many correct links of the types the model is least sure of (series, brand, material) to buy
 * precision on the others; a threshold per type buys the same overall precision with more recall.
 *
 * <p>Each type with enough gold support starts at the lowest threshold that gives it {@code typePrecision} while
 * keeping {@code minRecall} of it (else at the global threshold); then, while overall precision is below
 * {@code targetPrecision}, the type whose next threshold step drops the largest share of wrong links among the
 * links it drops is raised one step (greedy on marginal precision; types are independent under (type, value)
 * matching, so overall counts are sums of per-type counts). No type is raised past the point where it keeps
 * {@code minRecall} of its gold values: on data where the target cannot be reached otherwise, the choice stops short
 * of it ({@link Choice#micro()} says so) rather than switch types off. Types with less support keep the global
 * threshold: a handful of examples cannot place a threshold.
 */
public final class PerTypeThresholds {

    /** The chosen thresholds: {@code global} for types not in {@code byType}, and the figures they give. */
    public record Choice(double global, Map<String, Double> byType, EntityMetrics.Counts micro,
            Map<String, EntityMetrics.Counts> perType) {

        public double of(String type) {
            return byType.getOrDefault(type, global);
        }
    }

    private PerTypeThresholds() {
    }

    public static Choice choose(ThresholdSweep sweep, double targetPrecision, double typePrecision, double minRecall,
            int minSupport) {
        double global = sweep.lowestThresholdFor(targetPrecision, minRecall)
                .or(() -> sweep.highestPrecisionWithRecall(minRecall)).or(sweep::bestF1)
                .map(ThresholdSweep.Row::threshold).orElse(0.0);
        Map<String, EntityMetrics.Counts> atZero = sweep.at(0).perType();
        Map<String, Curve> curves = new TreeMap<>();
        Map<String, Integer> position = new TreeMap<>();
        Map<String, Double> byType = new TreeMap<>();
        for (String type : sweep.types()) {
            EntityMetrics.Counts zero = atZero.get(type);
            if (zero == null || zero.gold < minSupport) {
                continue;
            }
            Curve curve = Curve.of(sweep, type);
            int start = curve.start(global, typePrecision, minRecall);
            curves.put(type, curve);
            position.put(type, start);
            byType.put(type, curve.thresholds[start]);
        }
        while (true) {
            EntityMetrics.Counts micro = sweep.at(t -> byType.getOrDefault(t, global)).micro();
            if (micro.predicted == 0 || micro.precision() >= targetPrecision) {
                break;
            }
            String best = null;
            double bestShare = -1;
            for (Map.Entry<String, Curve> e : curves.entrySet()) {
                int at = position.get(e.getKey());
                Curve c = e.getValue();
                if (at + 1 >= c.thresholds.length || c.counts[at + 1].recall() < minRecall) {
                    continue; // raising it further would switch the type (nearly) off
                }
                int dropped = c.counts[at].predicted - c.counts[at + 1].predicted;
                int wrongDropped = dropped - (c.counts[at].truePositives - c.counts[at + 1].truePositives);
                double share = dropped == 0 ? 0 : (double) wrongDropped / dropped;
                if (share > bestShare) {
                    bestShare = share;
                    best = e.getKey();
                }
            }
            if (best == null) {
                break;
            }
            position.put(best, position.get(best) + 1);
            byType.put(best, curves.get(best).thresholds[position.get(best)]);
        }
        EntityMetrics at = sweep.at(t -> byType.getOrDefault(t, global));
        return new Choice(global, new LinkedHashMap<>(byType), at.micro(), at.perType());
    }

    /**
     * One type's counts at each of its candidate thresholds (its distinct confidences, at most {@link #STEPS} of
     * them taken at even ranks on larger data, plus one step above the highest where the type writes nothing).
     */
    private record Curve(double[] thresholds, EntityMetrics.Counts[] counts) {
        static final int STEPS = 400;

        static Curve of(ThresholdSweep sweep, String type) {
            double[] all = sweep.confidences(type);
            int n = Math.min(all.length, STEPS);
            double[] thresholds = new double[n + 1];
            for (int i = 0; i < n; i++) {
                thresholds[i] = all[(int) ((long) i * all.length / n)];
            }
            thresholds[n] = Math.nextUp(all.length == 0 ? 1.0 : all[all.length - 1]);
            EntityMetrics.Counts[] counts = new EntityMetrics.Counts[thresholds.length];
            for (int i = 0; i < thresholds.length; i++) {
                double threshold = thresholds[i];
                EntityMetrics.Counts c = sweep.at(t -> t.equals(type) ? threshold : 2.0).perType().get(type);
                counts[i] = c == null ? new EntityMetrics.Counts() : c;
            }
            return new Curve(thresholds, counts);
        }

        /** The lowest threshold giving the type this precision and recall, else the first at or above global. */
        int start(double global, double typePrecision, double minRecall) {
            for (int i = 0; i < thresholds.length; i++) {
                EntityMetrics.Counts c = counts[i];
                if (c.predicted > 0 && c.precision() >= typePrecision && c.recall() >= minRecall) {
                    return i;
                }
            }
            for (int i = 0; i < thresholds.length; i++) {
                if (thresholds[i] >= global) {
                    return i;
                }
            }
            return thresholds.length - 1;
        }
    }
}
