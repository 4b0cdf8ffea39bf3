package dev.kggateway.tools;

import java.util.Arrays;
import java.util.Locale;

/** Collects per-call latencies of one operation and reports percentiles and throughput. */
final class LatencyRecorder {

    private final String name;
    private long[] nanos = new long[1024];
    private int count;
    private long wallNanos;
    private int errors;
    private String firstError;

    LatencyRecorder(String name) {
        this.name = name;
    }

    synchronized void record(long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    synchronized void error() {
        errors++;
    }

    /** Counts a failed call and keeps the first failure's message for the report. */
    synchronized void error(Exception e) {
        if (errors++ == 0) {
            firstError = String.valueOf(e.getMessage());
        }
    }

    synchronized int errors() {
        return errors;
    }

    synchronized String firstError() {
        return firstError;
    }

    void wall(long elapsed) {
        this.wallNanos = elapsed;
    }

    String name() {
        return name;
    }

    synchronized double percentileMs(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
    }

    synchronized double throughput() {
        return wallNanos == 0 ? Double.NaN : count / (wallNanos / 1e9);
    }

    synchronized String row() {
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.1f | %d |", name, count, percentileMs(50),
                percentileMs(95), percentileMs(99), throughput(), errors);
    }

    static String header() {
        return "| operation | calls | p50 ms | p95 ms | p99 ms | throughput /s | errors |\n|---|---|---|---|---|---|---|";
    }
}
