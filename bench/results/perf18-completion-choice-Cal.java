// perf18: the in-process harness of bench/results/perf18-completion-choice-cpu.txt (bench/SimilarityRankingCpu.java, one JVM per
// metric, the completion's factor SCAN_PER_SEARCH_STEP of perf18-completion-choice-experiment.patch alternated round by round, set by reflection).
//   java -Xmx2g -cp "DIR:$CP" Cal bsbm.tsv ids.txt SHARED_COUNT 2 4 0,0.4,1.6,1e9
// In-process CPU of similarity rankings at BSBM 100k, without the gateway (branch perf17): builds a SimilarityIndex from
// a TSV of the products' property nodes and ranks 3,000 products (ids.txt lines 20,000-22,999) per round with the
// metric's weights, printing wall and thread CPU time per ranking and a checksum of the hits (equal checksums: equal
// rankings between two builds of the index). The TSV, from bench/bsbm.sh's products.jsonl:
//   python3 -c "import json,sys; [print(p['id']+'\t'+'\t'.join(x['type']+'\x01'+x['value'] for x in p.get('properties') or [])) for p in map(json.loads, open(sys.argv[1]))]" DIR/products.jsonl > bsbm.tsv
//   CP="gateway/target/classes:$(ls gateway/target/quarkus-app/lib/main/*.jar | tr '\n' ':')"
//   javac -cp "$CP" -d /tmp/rc bench/SimilarityRankingCpu.java && java -Xmx2g -cp "/tmp/rc:$CP" SimilarityRankingCpu bsbm.tsv DIR/ids.txt SHARED_COUNT 2 8
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.similarity.*;
import java.nio.file.*;
import java.util.*;

public class Cal {
    public static void main(String[] a) throws Exception {
        SimilarityIndex index = new SimilarityIndex();
        Map<String, PropertyNode> nodes = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(a[0]))) {
            String[] f = line.split("\t");
            List<PropertyNode> ns = new ArrayList<>();
            for (int i = 1; i < f.length; i++) {
                String[] tv = f[i].split("\u0001");
                ns.add(nodes.computeIfAbsent(tv[0] + "/" + tv[1], id -> new PropertyNode(id, tv[0], tv[1])));
            }
            index.put(f[0], ns);
        }
        List<String> ids = Files.readAllLines(Path.of(a[1]));
        SimilarityMetric metric = SimilarityMetric.valueOf(a.length > 2 ? a[2] : "SHARED_COUNT");
        int minShared = a.length > 3 ? Integer.parseInt(a[3]) : 2;
        int rounds = a.length > 4 ? Integer.parseInt(a[4]) : 5;
        double[] factors = Arrays.stream(a[5].split(",")).mapToDouble(Double::parseDouble).toArray();
        java.lang.reflect.Field f = SimilarityIndex.class.getDeclaredField("SCAN_PER_SEARCH_STEP"); f.setAccessible(true);
        long[] sums = new long[factors.length];
        for (int r = 0; r < rounds; r++) for (int k = 0; k < factors.length; k++) {
            f.setDouble(null, factors[k]);
            long checksum = 0;
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean(); long c0 = mx.getCurrentThreadCpuTime(); long t = System.nanoTime();
            for (int i = 0; i < 3000; i++) {
                String id = ids.get(20000 + i);
                List<PropertyNode> src = index.nodesOf(id);
                Map<String, Integer> df = index.documentFrequencies(src);
                Map<PropertyNode, Double> w = new LinkedHashMap<>();
                src.forEach(n -> w.put(n, metric.weight(100000, df.getOrDefault(n.id(), 1))));
                List<SimilarityHit> hits = index.similar(id, w, minShared, 10, metric, src.size());
                for (SimilarityHit h : hits) checksum = checksum * 31 + h.productId().hashCode() + Double.hashCode(h.score());
            }
            System.out.printf("%s ms%d round %d factor %s: %.1f us wall, %.1f us cpu per ranking, checksum %d, load %s%n", metric, minShared, r, factors[k], (System.nanoTime() - t) / 3000 / 1000.0, (mx.getCurrentThreadCpuTime() - c0) / 3000 / 1000.0, checksum, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        }
    }
}
