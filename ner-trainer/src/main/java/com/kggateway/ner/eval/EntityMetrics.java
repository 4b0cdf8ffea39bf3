package com.kggateway.ner.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Entity-level precision/recall/F1 by exact span and type match, per type and micro-averaged (like seqeval). */
public final class EntityMetrics {
    /** Counts for one type. */
    public static final class Counts {
        public int truePositives;
        public int predicted;
        public int gold;

        public double precision() { return predicted == 0 ? 0 : (double) truePositives / predicted; }
        public double recall() { return gold == 0 ? 0 : (double) truePositives / gold; }
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final Map<String, Counts> perType = new TreeMap<>();
    private final Counts micro = new Counts();

    /** Adds one sentence's gold and predicted tag sequences (same length). */
    public void add(List<String> goldTags, List<String> predictedTags) {
        if (goldTags.size() != predictedTags.size()) {
            throw new IllegalArgumentException("gold and predicted lengths differ");
        }
        Set<Span> gold = new HashSet<>(BioDecoder.spans(goldTags));
        Set<Span> pred = new HashSet<>(BioDecoder.spans(predictedTags));
        for (Span s : gold) {
            counts(s.type()).gold++;
            micro.gold++;
        }
        for (Span s : pred) {
            counts(s.type()).predicted++;
            micro.predicted++;
            if (gold.contains(s)) {
                counts(s.type()).truePositives++;
                micro.truePositives++;
            }
        }
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

    /** Markdown table for BENCHMARKS. */
    public String markdown() {
        StringBuilder sb = new StringBuilder("| type | precision | recall | F1 | support |\n|---|---|---|---|---|\n");
        perType.forEach((t, c) -> sb.append(String.format("| %s | %.4f | %.4f | %.4f | %d |%n", t, c.precision(), c.recall(), c.f1(), c.gold)));
        sb.append(String.format("| **micro** | %.4f | %.4f | **%.4f** | %d |%n", micro.precision(), micro.recall(), micro.f1(), micro.gold));
        return sb.toString();
    }
}
