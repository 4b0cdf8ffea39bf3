// In-process similarity rankings over a BSBM store's links (perf22): builds a SimilarityIndex from the TSV of
// bench/SimilarityLinksDump.java (or bench/SimilarityRankingCpu.java's header), ranks COUNT ids of ids.txt from line
// START per round, as similarProducts asks (metric weights from document frequencies, top 10), and prints per round wall
// and thread CPU per ranking, then per ranking: posting entries walked and left unwalked, candidates touched,
// completed (binary searches) and left uncompleted; and writes every answer (ids, scores, shared counts) to OUT, so two
// builds of the index are compared byte for byte with cmp. In the package, for the index's package-private counters.
//   CP="gateway/target/classes:$(ls gateway/target/quarkus-app/lib/main/*.jar | tr '\n' ':')"
//   javac -cp "$CP" -d /tmp/rc bench/SimilarityTopKCounters.java
//   java -Xmx6g -cp "/tmp/rc:$CP" dev.kggateway.similarity.SimilarityTopKCounters links.tsv ids.txt 20000 1000 ROUNDS SHARED_COUNT 2 OUT
package dev.kggateway.similarity;

import dev.kggateway.domain.PropertyNode;
import java.io.*;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;

public class SimilarityTopKCounters {
    public static void main(String[] a) throws Exception {
        SimilarityIndex index = new SimilarityIndex();
        Map<String, PropertyNode> nodes = new HashMap<>();
        long t0 = System.nanoTime();
        int products = 0;
        try (BufferedReader r = Files.newBufferedReader(Path.of(a[0]), StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t");
                List<PropertyNode> ns = new ArrayList<>();
                for (int i = 1; i < f.length; i++) {
                    String[] tv = f[i].split("\u0001");
                    ns.add(nodes.computeIfAbsent(f[i], id -> new PropertyNode(tv[0] + "/" + tv[1], tv[0], tv[1])));
                }
                index.put(f[0], ns);
                products++;
            }
        }
        System.out.printf("index: %d products, %d nodes, built in %.1f s%n", products, nodes.size(), (System.nanoTime() - t0) / 1e9);
        int catalogue = products;
        List<String> all = Files.readAllLines(Path.of(a[1]));
        int start = Integer.parseInt(a[2]), count = Integer.parseInt(a[3]), rounds = Integer.parseInt(a[4]);
        SimilarityMetric metric = SimilarityMetric.valueOf(a[5]);
        int minShared = Integer.parseInt(a[6]);
        List<String> ids = all.subList(start, start + count);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        StringBuilder out = new StringBuilder();
        for (int round = 0; round < rounds; round++) {
            long[] before = counters(index);
            long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            out.setLength(0);
            for (String id : ids) {
                List<PropertyNode> src = index.nodesOf(id);
                if (src == null) {
                    out.append(id).append(" -\n");
                    continue;
                }
                Map<String, Integer> df = index.documentFrequencies(src);
                Map<PropertyNode, Double> w = new LinkedHashMap<>();
                src.forEach(n -> w.put(n, metric.weight(catalogue, df.getOrDefault(n.id(), 1))));
                List<SimilarityHit> hits = index.similar(id, w, minShared, 10, metric, src.size());
                out.append(id);
                for (SimilarityHit h : hits) {
                    out.append(' ').append(h.productId()).append(':').append(h.score()).append(':').append(h.sharedCount())
                            .append(':').append(h.shared().size());
                }
                out.append('\n');
            }
            double wall = (System.nanoTime() - w0) / 1e3 / count, cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / count;
            long[] after = counters(index);
            System.out.printf("round %d: %.1f us wall, %.1f us cpu per ranking; per ranking: entries walked %.0f, not walked %.0f,"
                    + " candidates touched %.0f, completed %.0f, not completed %.0f%n", round, wall, cpu,
                    (after[0] - before[0]) / (double) count, (after[1] - before[1]) / (double) count,
                    (after[2] - before[2]) / (double) count, (after[3] - before[3]) / (double) count,
                    (after[4] - before[4]) / (double) count);
        }
        Files.writeString(Path.of(a[7]), out.toString());
        System.out.println("answers: " + a[7] + " checksum " + out.toString().hashCode());
    }

    private static long[] counters(SimilarityIndex i) {
        return new long[] {i.postingEntriesWalked.sum(), i.postingEntriesSkipped.sum(), i.candidatesTouched.sum(),
                i.candidatesCompleted.sum(), i.candidatesNotCompleted.sum()};
    }
}
