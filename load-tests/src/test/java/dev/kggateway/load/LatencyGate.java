package dev.kggateway.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latency half of the pass/fail gate, relative to a baseline measured in the same run.
 *
 * <p>Why: an absolute p95 bound cannot tell a regression from a busy machine. On a shared 2-core
 * box the same build passed once and failed once (p95 6-8.7 s against a 5 s bound) only because
 * other builds were running. A trivial request ({@code { __typename }}, the {@link #BASELINE}
 * scenario) runs at a steady rate during the whole measured phase, through the same HTTP stack,
 * GraphQL engine and CPU as the real scenarios, so it absorbs the machine's contention at that
 * very moment. Each scenario must then satisfy
 *
 * <pre>  p95(scenario) &lt;= factor x p95(baseline) + budget(scenario)</pre>
 *
 * where budget is what the scenario may cost on an idle machine and factor how much a busy
 * machine may multiply the cost of real work relative to a trivial request. Both are in
 * README.md with the figures they were chosen from.
 *
 * <p>Latencies are recorded here (a check on every response, see {@link Scenarios#graphql}),
 * not taken from Gatling's statistics: Gatling's assertions only take constants, and its
 * statistics are not readable from inside the run. The verdict is handed back to Gatling as a
 * single "latency gate" request whose check fails unless the verdict is "pass", so a failed gate
 * fails the run (and the Maven build) like any other assertion and the HTML report is kept; the
 * table with the reasons is printed to the console.
 */
final class LatencyGate {

    /** Report name of the baseline scenario. */
    static final String BASELINE = "baseline";
    /** Report name of the single request that carries the verdict. */
    static final String GATE = "latency gate";
    /** Fewer baseline samples than this and the baseline p95 means nothing: the gate fails. */
    static final int MIN_BASELINE_SAMPLES = 20;

    /** Longest wait for in-flight users before the verdict; the run's maxDuration leaves 120 s. */
    static final long MAX_WAIT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(90);

    private static final Map<String, List<Integer>> SAMPLES = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger IN_FLIGHT = new java.util.concurrent.atomic.AtomicInteger();
    private static volatile long waitDeadline;
    private static final Map<String, Integer> BUDGETS = new LinkedHashMap<>();
    private static volatile double factor;

    private LatencyGate() {
    }

    /** Registers the scenarios the gate judges (measured-phase request names) and the factor. */
    static synchronized void configure(Map<String, Integer> budgetsMs, double gateFactor) {
        BUDGETS.clear();
        BUDGETS.putAll(budgetsMs);
        factor = gateFactor;
    }

    /** A virtual user of a scenario starts (paired with {@link #userDone}). */
    static void userStarted() {
        IN_FLIGHT.incrementAndGet();
    }

    static void userDone() {
        IN_FLIGHT.decrementAndGet();
    }

    /**
     * True while users are still in flight, for at most {@link #MAX_WAIT_NANOS} from the first
     * call: on a slow machine, requests sent at the end of the measured phase answer long after
     * it, and a verdict without them would judge the fastest requests only.
     */
    static boolean stillRunning() {
        long now = System.nanoTime();
        if (waitDeadline == 0) {
            waitDeadline = now + MAX_WAIT_NANOS;
        }
        return IN_FLIGHT.get() > 0 && now < waitDeadline;
    }

    /** Called once per response (OK or KO) by the check in {@link Scenarios#graphql}. */
    static Integer record(String requestName, Integer millis) {
        SAMPLES.computeIfAbsent(requestName, k -> Collections.synchronizedList(new ArrayList<>())).add(millis);
        return millis;
    }

    /** "pass", or "FAIL: ..." naming every scenario over its bound. Prints the full table. */
    static synchronized String verdict() {
        List<Integer> base = snapshot(BASELINE);
        StringBuilder table = new StringBuilder();
        if (IN_FLIGHT.get() > 0) {
            table.append("[latency gate] ").append(IN_FLIGHT.get()).append(" users still in flight after the wait: not judged\n");
        }
        List<String> failures = new ArrayList<>();
        if (base.size() < MIN_BASELINE_SAMPLES) {
            failures.add("only " + base.size() + " baseline samples (need " + MIN_BASELINE_SAMPLES
                    + "; raise -DbaselineRate or -Dduration)");
        }
        int baseP95 = percentile(base, 95);
        table.append(String.format(Locale.ROOT, "%n[latency gate] baseline %s: n=%d p50=%d ms p95=%d ms; bound = %.1f x %d ms + budget%n",
                "{ __typename }", base.size(), percentile(base, 50), baseP95, factor, baseP95));
        table.append(String.format(Locale.ROOT, "[latency gate] %-40s %6s %8s %8s %8s %8s  %s%n",
                "scenario", "n", "p50 ms", "p95 ms", "budget", "bound", "verdict"));
        for (Map.Entry<String, Integer> e : BUDGETS.entrySet()) {
            List<Integer> s = snapshot(e.getKey());
            long bound = Math.round(factor * baseP95) + e.getValue();
            int p95 = percentile(s, 95);
            String v;
            if (s.isEmpty()) {
                v = "FAIL (no responses)";
                failures.add(e.getKey() + ": no responses");
            } else if (p95 > bound) {
                v = "FAIL";
                failures.add(String.format(Locale.ROOT, "%s p95 %d ms > %d ms", e.getKey(), p95, bound));
            } else {
                v = "ok";
            }
            table.append(String.format(Locale.ROOT, "[latency gate] %-40s %6d %8d %8d %8d %8d  %s%n",
                    e.getKey(), s.size(), percentile(s, 50), p95, e.getValue(), bound, v));
        }
        String verdict = failures.isEmpty() ? "pass" : "FAIL: " + String.join("; ", failures);
        table.append("[latency gate] ").append(verdict).append('\n');
        System.out.print(table);
        return verdict;
    }

    private static List<Integer> snapshot(String name) {
        List<Integer> l = SAMPLES.getOrDefault(name, List.of());
        synchronized (l) {
            List<Integer> copy = new ArrayList<>(l);
            Collections.sort(copy);
            return copy;
        }
    }

    /** Nearest-rank percentile of a sorted list; 0 when empty. */
    static int percentile(List<Integer> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }
}
