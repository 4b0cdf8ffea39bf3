package dev.kggateway.ner.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Entity-level precision, recall and F1, per type and micro-averaged, added one sentence at a time. Two matchers:
 * <ul>
 * <li>{@link #addSpans}: exact word range and type (seqeval's default), for tagged data;</li>
 * <li>{@link #addValues}: per sentence, the multiset of (type, value) pairs — what the gateway stores, so a check
 * through {@code extractProperties} can be compared with the trainer's figure on the same data.</li>
 * </ul>
 */
public final class EntityMetrics {

    /** Counts for one type (or micro). */
    public static final class Counts {
        public int truePositives;
        public int predicted;
        public int gold;

        public double precision() {
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) truePositives / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final Map<String, Counts> perType = new TreeMap<>();
    private final Counts micro = new Counts();

    /** Exact (type, word range) match; returns the predicted entities that matched. */
    public List<Entity> addSpans(Collection<Entity> gold, Collection<Entity> predicted) {
        return add(gold, predicted, e -> e.type() + "\u0000" + e.firstWord() + "\u0000" + e.endWord());
    }

    /** (type, value) multiset match within one sentence; returns the predicted entities that matched. */
    public List<Entity> addValues(Collection<Entity> gold, Collection<Entity> predicted) {
        return add(gold, predicted, e -> e.type() + "\u0000" + e.value());
    }

    /** (type, value) multiset match for callers that only have pairs (the gateway's extracted properties). */
    public void addTypedValues(Collection<Entity.TypedValue> gold, Collection<Entity.TypedValue> predicted) {
        List<Entity> g = new ArrayList<>();
        gold.forEach(t -> g.add(new Entity(t.type(), 0, 0, 0, 0, t.value(), 1)));
        List<Entity> p = new ArrayList<>();
        predicted.forEach(t -> p.add(new Entity(t.type(), 0, 0, 0, 0, t.value(), 1)));
        addValues(g, p);
    }

    private List<Entity> add(Collection<Entity> gold, Collection<Entity> predicted, Function<Entity, String> key) {
        Map<String, Integer> remaining = new HashMap<>();
        for (Entity e : gold) {
            counts(e.type()).gold++;
            micro.gold++;
            remaining.merge(key.apply(e), 1, Integer::sum);
        }
        List<Entity> matched = new ArrayList<>();
        for (Entity e : predicted) {
            counts(e.type()).predicted++;
            micro.predicted++;
            Integer left = remaining.get(key.apply(e));
            if (left != null && left > 0) {
                remaining.put(key.apply(e), left - 1);
                counts(e.type()).truePositives++;
                micro.truePositives++;
                matched.add(e);
            }
        }
        return matched;
    }

    private Counts counts(String type) {
        return perType.computeIfAbsent(type, t -> new Counts());
    }

    public Map<String, Counts> perType() {
        return perType;
    }

    public Counts micro() {
        return micro;
    }

    /** Plain-text table like seqeval's classification_report. */
    public String report() {
        StringBuilder sb = new StringBuilder(String.format("%-10s %9s %9s %9s %8s%n", "type", "precision", "recall", "f1", "support"));
        perType.forEach((t, c) -> sb.append(String.format("%-10s %9.4f %9.4f %9.4f %8d%n", t, c.precision(), c.recall(), c.f1(), c.gold)));
        sb.append(String.format("%-10s %9.4f %9.4f %9.4f %8d%n", "micro", micro.precision(), micro.recall(), micro.f1(), micro.gold));
        return sb.toString();
    }

    /** Markdown table. */
    public String markdown() {
        StringBuilder sb = new StringBuilder("| type | precision | recall | F1 | support |\n|---|---|---|---|---|\n");
        perType.forEach((t, c) -> sb.append(String.format("| %s | %.4f | %.4f | %.4f | %d |%n", t, c.precision(), c.recall(), c.f1(), c.gold)));
        sb.append(String.format("| **micro** | %.4f | %.4f | **%.4f** | %d |%n", micro.precision(), micro.recall(), micro.f1(), micro.gold));
        return sb.toString();
    }

    /** JSON-friendly figures (manifest.json). */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("micro", counts(micro));
        Map<String, Object> per = new LinkedHashMap<>();
        perType.forEach((t, c) -> per.put(t, counts(c)));
        out.put("perType", per);
        return out;
    }

    private static Map<String, Object> counts(Counts c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("precision", round(c.precision()));
        out.put("recall", round(c.recall()));
        out.put("f1", round(c.f1()));
        out.put("support", c.gold);
        return out;
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
