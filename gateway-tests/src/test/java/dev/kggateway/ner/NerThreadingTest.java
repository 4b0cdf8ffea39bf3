package dev.kggateway.ner;

import dev.kggateway.support.ModelProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the model's work runs, read from the kernel's per-thread CPU counters (/proc/self/task): with the default
 * {@code kg.ner.inter-op-threads=-1} one description's graph runs on the calling thread, and a call of several
 * batches also runs on the batch helper. With a TensorFlow inter-op pool (e.g. -Dkg.ner.inter-op-threads=2) the
 * first test fails: the caller then only waits while pool threads compute.
 */
@QuarkusTest
@TestProfile(ModelProfile.class)
class NerThreadingTest {

    static final List<String> TEXTS = List.of(
            "General Purpose Couplings with valve, PMC Series, Acetal, 1/4 in. hose barb",
            "Conical centrifuge tubes, polypropylene, 50 mL, sterile, 25 per bag",
            "Nitrile examination gloves, powder-free, blue, size M, 100 per box",
            "Hydrochloric acid, ACS reagent, 37%, 2.5 L glass bottle");

    /** JVM threads that run beside any work (compilers, GC): not the model's. */
    static final List<String> JVM_INTERNAL = List.of("C1 CompilerThre", "C2 CompilerThre", "GC Thread", "G1 ", "VM ",
            "Sweeper", "Monitor Deflati", "Service Thread", "Common-Cleaner");

    @Inject
    DjlPropertyExtractor extractor;

    @Test
    void oneDescriptionRunsOnTheCallingThread() {
        for (int i = 0; i < 50; i++) { // JIT and the engine's lazy set-up first
            extractor.extract(List.of(TEXTS.get(i % TEXTS.size())));
        }
        String self = self();
        Map<String, Long> before = cpuTicks();
        long started = System.nanoTime();
        for (int i = 0; i < 400; i++) {
            extractor.extract(List.of(TEXTS.get(i % TEXTS.size())));
        }
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        Map<String, Long> after = cpuTicks();
        long caller = delta(before, after, self);
        Map<String, Long> others = otherThreads(before, after, self);
        // What the application's other threads do anyway (start-up jobs still running, Vert.x, the store) over as
        // long a time with no extraction: not the model's work, so it is taken off before comparing.
        Map<String, Long> idleBefore = cpuTicks();
        sleep(wallMillis);
        Map<String, Long> background = otherThreads(idleBefore, cpuTicks(), self);
        long modelElsewhere = Math.max(0, sum(others) - sum(background));
        assertTrue(caller > 0, "the caller used CPU");
        // More than the rest, not "twice the rest": TensorFlow's intra-op pool (kg.ner.intra-op-threads, 2 by
        // default) may run a shard of a large op on its own native thread (named "java" in /proc) while the caller
        // runs the other shard, so a caller doing all the graph's work still shows about half to two thirds of the
        // ticks (CI once: caller 47, "java" 24). With an inter-op pool the caller only waits: a small share.
        assertTrue(caller > modelElsewhere, "the model ran on the calling thread: caller " + caller
                + " ticks, other threads " + others + " during the calls, " + background + " in as long without");
    }

    /** CPU ticks of the process's threads other than {@code self} and the JVM's own, by thread name. */
    static Map<String, Long> otherThreads(Map<String, Long> before, Map<String, Long> after, String self) {
        Map<String, Long> byName = new HashMap<>();
        for (String task : after.keySet()) {
            if (!task.equals(self) && JVM_INTERNAL.stream().noneMatch(name(task)::startsWith)) {
                long d = delta(before, after, task);
                if (d > 0) {
                    byName.merge(name(task), d, Long::sum);
                }
            }
        }
        return byName;
    }

    static long sum(Map<String, Long> ticks) {
        return ticks.values().stream().mapToLong(Long::longValue).sum();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void severalBatchesRunOnTheHelperTooAndGiveEachTextsOwnResult() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) { // the default batch size is 64 windows: several batches
            many.add(TEXTS.get(i % TEXTS.size()) + " lot " + i);
        }
        Map<String, Long> before = cpuTicks();
        List<List<ExtractedProperty>> together = extractor.extract(many);
        Map<String, Long> after = cpuTicks();
        long helper = after.keySet().stream().filter(t -> name(t).startsWith("ner-batch-"))
                .mapToLong(t -> delta(before, after, t)).sum();
        assertTrue(helper > 0, "a batch ran on the helper thread");
        for (int i = 0; i < many.size(); i += 37) {
            List<ExtractedProperty> alone = extractor.extract(List.of(many.get(i))).get(0);
            assertEquals(spans(alone), spans(together.get(i)), many.get(i));
            for (int k = 0; k < alone.size(); k++) { // a batch's matrix products may round differently
                assertEquals(alone.get(k).confidence(), together.get(i).get(k).confidence(), 1e-4, many.get(i));
            }
        }
    }

    static List<String> spans(List<ExtractedProperty> found) {
        return found.stream().map(p -> p.type() + "=" + p.value() + "@" + p.start() + "-" + p.end()).toList();
    }

    static String self() {
        try {
            return Path.of("/proc/thread-self").toRealPath().getFileName().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(String task) {
        try {
            return Files.readString(Path.of("/proc/self/task", task, "comm")).strip();
        } catch (IOException gone) {
            return "";
        }
    }

    static long delta(Map<String, Long> before, Map<String, Long> after, String task) {
        return after.getOrDefault(task, 0L) - before.getOrDefault(task, 0L);
    }

    /** utime + stime of every thread of this process, in clock ticks. */
    static Map<String, Long> cpuTicks() {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(task.getFileName().toString(), Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException gone) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks;
    }
}
