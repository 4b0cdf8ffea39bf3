package dev.kggateway.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The bulk-load committer: batches committed in order on its thread, bounded, and stopped by the first failure. */
class BatchCommitterTest {

    private static final SimpleValueFactory VF = SimpleValueFactory.getInstance();

    private static List<Statement> batch(int n) {
        return List.of(VF.createStatement(VF.createIRI("urn:b:" + n), VF.createIRI("urn:p"), VF.createLiteral(n)));
    }

    private static int number(List<Statement> batch) {
        return Integer.parseInt(batch.get(0).getSubject().stringValue().substring("urn:b:".length()));
    }

    @Test
    void commitsEveryBatchInOrderOnItsOwnThread() throws Exception {
        List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        try (BatchCommitter committer = new BatchCommitter(b -> {
            committed.add(number(b));
            threads.add(Thread.currentThread().getName());
        }, 2)) {
            for (int i = 0; i < 50; i++) {
                committer.submit(batch(i));
            }
            committer.finish();
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add(i);
        }
        assertEquals(expected, committed);
        assertTrue(threads.stream().allMatch("bulk-load-commit"::equals), threads.toString());
    }

    /** Linux: the niceness of the calling thread, from /proc (field 19 of its stat line). */
    private static int niceOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void commitThreadLowersOnlyItsOwnPriority() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/thread-self/stat")), "Linux");
        int before = niceOfThisThread();
        Assumptions.assumeTrue(before < 7, "this JVM already runs at nice " + before);
        List<Integer> nices = Collections.synchronizedList(new ArrayList<>());
        try (BatchCommitter committer = new BatchCommitter(b -> nices.add(niceOfThisThread()), 2, 7)) {
            committer.submit(batch(1));
            committer.submit(batch(2));
            committer.finish();
        }
        assertEquals(List.of(7, 7), nices, "every batch committed at the niceness asked");
        assertEquals(before, niceOfThisThread(), "the loading thread keeps its priority");
    }

    @Test
    void holdsAtMostInFlightBatches() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        try (BatchCommitter committer = new BatchCommitter(b -> {
            started.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 2)) {
            committer.submit(batch(0));
            committer.submit(batch(1));
            Thread third = new Thread(() -> {
                try {
                    committer.submit(batch(2));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            third.start();
            third.join(300);
            assertTrue(third.isAlive(), "a third batch waits while two are in flight");
            release.countDown();
            third.join(TimeUnit.SECONDS.toMillis(10));
            committer.finish();
        }
        assertEquals(3, started.get());
    }

    @Test
    void theFirstFailureStopsLaterBatchesAndIsThrown() throws Exception {
        List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
        IllegalStateException broken = new IllegalStateException("disk full");
        BatchCommitter committer = new BatchCommitter(b -> {
            if (number(b) == 3) {
                throw broken;
            }
            committed.add(number(b));
        }, 1);
        try (committer) {
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> {
                for (int i = 0; i < 20; i++) {
                    committer.submit(batch(i));
                }
                committer.finish();
            });
            assertSame(broken, thrown);
        }
        assertEquals(List.of(0, 1, 2), committed, "nothing after the failed batch is committed");
    }
}
