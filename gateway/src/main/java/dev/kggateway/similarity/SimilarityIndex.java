package dev.kggateway.similarity;

import dev.kggateway.domain.Product;
import dev.kggateway.domain.PropertyNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

/**
 * In-memory postings (property node → products): a similarity ranking becomes a walk over a few int arrays instead
 * of a SPARQL join and group-by over every link of every shared node. Kept in step with the store by
 * {@code store.StoreSimilarityIndex}, which applies every committed write (exactly, under the write lock, on the
 * embedded store; within the change feed's bound on a remote one). Document frequencies come for free.
 * Scores come from the {@link SimilarityMetric}, as on the SPARQL path.
 */
public final class SimilarityIndex {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** False walks every posting (the pre-pruning algorithm): the benchmark's baseline. */
    private final boolean prune;
    // Ordinals in primitive open-addressing maps: a HashMap<String, Integer> costs ~50 bytes an entry (node + boxed
    // ordinal), this ~16, over 100k products and ~500k property nodes at BSBM 100k (BENCHMARKS.md, mem15b).
    private final ObjectIntHashMap<String> productOrdinal = new ObjectIntHashMap<>();
    private final List<String> productIds = new ArrayList<>();
    private final ObjectIntHashMap<String> propertyOrdinal = new ObjectIntHashMap<>();
    private final List<PropertyNode> properties = new ArrayList<>();
    private int[][] productProperties = new int[1024][];
    /**
     * Each product's node count (0: none), beside its row: a ranking's bound checks read it for thousands of
     * candidates, and at BSBM 1M the rows are scattered over a multi-GB heap, two cache misses a candidate (the
     * reference, then the array's length) against one in this dense column (perf22).
     */
    private int[] nodeCounts = new int[1024];
    /**
     * Each product's name as UTF-8 (null: not known), kept beside its nodes and updated by the same writes, so a
     * ranking whose response prints only the hits' ids and names needs no store read for them (perf21: the one
     * store request of a remote similarProducts, 14 % of an embedded one's CPU samples). Bytes, not Strings: the
     * 24-byte String object less per product (43 bytes a product at BSBM 100k).
     */
    private byte[][] names = new byte[1024][];
    /**
     * Each product's price (NaN: none) and currency (one shared String per code; null: none), and whether the write
     * that set its name also gave these two ({@link #put(String, Collection, String, Double, String)}): a ranking
     * whose response prints only the hits' ids, names, prices and currencies (a recommendation widget) then needs
     * no store read for them either (perf24: on a remote store that read was the call's one store request). 13
     * bytes a product.
     */
    private double[] prices = new double[1024];
    private String[] currencies = new String[1024];
    private boolean[] pricesKnown = new boolean[1024];
    /** Currency codes as held: one String per distinct code, not one per product. */
    private final Map<String, String> currencyCodes = new HashMap<>();
    private int[][] postings = new int[1024][];
    private int[] postingSizes = new int[1024];
    /** Posting entries the pruning did not walk (tests and diagnostics: shows that it prunes). */
    final LongAdder postingEntriesSkipped = new LongAdder();
    /** Candidates met but not completed because they could not reach the top k (tests: shows that it prunes). */
    final LongAdder candidatesNotCompleted = new LongAdder();
    /** Posting entries walked, candidates met, candidates completed by binary searches (diagnostics, benchmarks). */
    final LongAdder postingEntriesWalked = new LongAdder();
    final LongAdder candidatesTouched = new LongAdder();
    final LongAdder candidatesCompleted = new LongAdder();

    public SimilarityIndex() {
        this(true);
    }

    SimilarityIndex(boolean prune) {
        this.prune = prune;
    }

    /** Sets a product's property nodes (replacing what it had), its name unknown; empty or null removes it. */
    public void put(String productId, Collection<PropertyNode> nodes) {
        put(productId, nodes, null);
    }

    /**
     * Sets a product's property nodes (replacing what it had) and its name (null: unknown, so {@link #names} does
     * not serve it), its price and currency unknown; null nodes remove all.
     */
    public void put(String productId, Collection<PropertyNode> nodes, String name) {
        put(productId, nodes, name, false, null, null);
    }

    /**
     * Sets a product's property nodes, name, price and currency as one version of it (price and currency null:
     * it has none); a null name leaves all three unknown; null nodes remove all.
     */
    public void put(String productId, Collection<PropertyNode> nodes, String name, Double price, String currency) {
        put(productId, nodes, name, name != null, price, currency);
    }

    private void put(String productId, Collection<PropertyNode> nodes, String name, boolean priced, Double price,
            String currency) {
        lock.writeLock().lock();
        try {
            int p = productOrdinal.getIfAbsent(productId, -1);
            if (p >= 0 && productProperties[p] != null) {
                for (int prop : productProperties[p]) {
                    removePosting(prop, p);
                }
                productProperties[p] = null;
                nodeCounts[p] = 0;
            }
            if (p >= 0) {
                names[p] = null;
                pricesKnown[p] = false;
                currencies[p] = null;
            }
            if (nodes == null) {
                return;
            }
            if (p < 0) {
                p = productIds.size();
                productIds.add(productId);
                productOrdinal.put(productId, p);
                if (p >= productProperties.length) {
                    productProperties = Arrays.copyOf(productProperties, p * 2);
                    nodeCounts = Arrays.copyOf(nodeCounts, p * 2);
                    names = Arrays.copyOf(names, p * 2);
                    prices = Arrays.copyOf(prices, p * 2);
                    currencies = Arrays.copyOf(currencies, p * 2);
                    pricesKnown = Arrays.copyOf(pricesKnown, p * 2);
                }
            }
            names[p] = name == null ? null : name.getBytes(StandardCharsets.UTF_8);
            pricesKnown[p] = priced;
            prices[p] = priced && price != null ? price : Double.NaN;
            currencies[p] = priced && currency != null ? currencyCodes.computeIfAbsent(currency, c -> c) : null;
            // Sorted, so a candidate's membership in a node is a binary search (the top-k pruning below).
            int[] props = nodes.stream().mapToInt(this::propertyOrdinal).distinct().sorted().toArray();
            productProperties[p] = props;
            nodeCounts[p] = props.length;
            for (int prop : props) {
                addPosting(prop, p);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int propertyOrdinal(PropertyNode node) {
        int ordinal = propertyOrdinal.getIfAbsent(node.id(), -1);
        if (ordinal < 0) {
            ordinal = properties.size();
            properties.add(node);
            propertyOrdinal.put(node.id(), ordinal);
            if (ordinal >= postings.length) {
                postings = Arrays.copyOf(postings, ordinal * 2);
                postingSizes = Arrays.copyOf(postingSizes, ordinal * 2);
            }
            postings[ordinal] = new int[4];
        }
        return ordinal;
    }

    private void addPosting(int prop, int product) {
        int[] list = postings[prop];
        if (postingSizes[prop] == list.length) {
            list = postings[prop] = Arrays.copyOf(list, list.length * 2);
        }
        list[postingSizes[prop]++] = product;
    }

    private void removePosting(int prop, int product) {
        int[] list = postings[prop];
        int size = postingSizes[prop];
        for (int i = 0; i < size; i++) {
            if (list[i] == product) {
                list[i] = list[size - 1];
                postingSizes[prop] = size - 1;
                return;
            }
        }
    }

    /**
     * Links held and bytes of the int arrays holding them (postings with their spare capacity, product rows, the
     * node-count column).
     */
    public long[] linksAndArrayBytes() {
        lock.readLock().lock();
        try {
            long links = 0;
            long bytes = 0;
            for (int p = 0; p < productIds.size(); p++) {
                if (productProperties[p] != null) {
                    links += productProperties[p].length;
                    bytes += 16 + 4L * productProperties[p].length;
                }
            }
            for (int prop = 0; prop < properties.size(); prop++) {
                bytes += 16 + 4L * postings[prop].length;
            }
            bytes += 16 + 4L * nodeCounts.length;
            return new long[] {links, bytes};
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The products these ids name as the index holds them (id, name, price, currency; no other field, no links), in
     * one read of the index (so all of one version); null when it lacks any of them (unknown, removed, its name not
     * known, or its price and currency not known when {@code withPrices}): then the caller reads them all elsewhere.
     */
    public Map<String, Product> products(Collection<String> productIds, boolean withPrices) {
        lock.readLock().lock();
        try {
            Map<String, Product> found = new HashMap<>(productIds.size() * 2);
            for (String id : productIds) {
                int p = productOrdinal.getIfAbsent(id, -1);
                byte[] name = p < 0 || productProperties[p] == null ? null : names[p];
                if (name == null || withPrices && !pricesKnown[p]) {
                    return null;
                }
                Double price = withPrices && !Double.isNaN(prices[p]) ? prices[p] : null;
                found.put(id, new Product(id, new String(name, StandardCharsets.UTF_8), null, price,
                        withPrices ? currencies[p] : null, null));
            }
            return found;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Names held and the bytes holding them (arrays with their headers, and the reference column) with the price,
     * currency and known-flag columns, for the logs.
     */
    public long[] namesAndBytes() {
        lock.readLock().lock();
        try {
            long held = 0;
            long bytes = 16 + 4L * names.length + 16 + 8L * prices.length + 16 + 4L * currencies.length
                    + 16 + pricesKnown.length;
            for (int p = 0; p < productIds.size(); p++) {
                if (names[p] != null) {
                    held++;
                    bytes += (16 + names[p].length + 7) / 8 * 8;
                }
            }
            return new long[] {held, bytes};
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The property nodes the index holds for a product, by type then value; null when it holds none (unknown, removed,
     * or without links). What a ranking weighs for its source when the index serves it (no store read).
     */
    public List<PropertyNode> nodesOf(String productId) {
        lock.readLock().lock();
        try {
            int p = productOrdinal.getIfAbsent(productId, -1);
            if (p < 0 || productProperties[p] == null) {
                return null;
            }
            List<PropertyNode> nodes = new ArrayList<>(productProperties[p].length);
            for (int prop : productProperties[p]) {
                nodes.add(properties.get(prop));
            }
            nodes.sort(BY_TYPE_AND_VALUE);
            return nodes;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The node object the index holds for this id, or null. Lets another index built from the same store take the
     * same objects instead of parsing its own copies (BSBM 100k: 485k nodes; BENCHMARKS.md, mem15b).
     */
    public PropertyNode node(String id) {
        lock.readLock().lock();
        try {
            int ordinal = propertyOrdinal.getIfAbsent(id, -1);
            return ordinal < 0 ? null : properties.get(ordinal);
        } finally {
            lock.readLock().unlock();
        }
    }

    private static final Comparator<PropertyNode> BY_TYPE_AND_VALUE =
            Comparator.comparing(PropertyNode::type).thenComparing(PropertyNode::value);

    /** Number of products carrying each node (0 for unknown nodes). */
    public Map<String, Integer> documentFrequencies(Collection<PropertyNode> nodes) {
        lock.readLock().lock();
        try {
            Map<String, Integer> df = new HashMap<>();
            for (PropertyNode node : nodes) {
                int ordinal = propertyOrdinal.getIfAbsent(node.id(), -1);
                df.put(node.id(), ordinal < 0 ? 0 : postingSizes[ordinal]);
            }
            return df;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The same ranking as {@code similar-products.rq}: products sharing at least {@code minShared} of the weighted
     * nodes, scored by the metric (the source having {@code sourceCount} nodes), rounded by
     * {@link SimilarityMetric#rankScore(double)}; ties by id.
     *
     * <p>Exact top-k without walking every posting (MaxScore): the product's nodes are expanded from the rarest to
     * the most common, and before each further posting the best score a product not met so far could still reach
     * ({@link SimilarityMetric#bound}: the remaining weight, or remaining nodes / |A| for Jaccard) is compared with
     * the k-th best score already guaranteed (partial scores only grow). Once no newcomer can enter the top k, the remaining — most popular —
     * postings are not walked; the candidates met so far are completed by binary searches in their sorted node
     * arrays. Scores are summed in that rarest-first order for every candidate, so equal sets give equal scores.
     */
    public List<SimilarityHit> similar(String productId, Map<PropertyNode, Double> weights, int minShared, int first,
            SimilarityMetric metric, int sourceCount) {
        lock.readLock().lock();
        try {
            int self = productOrdinal.getIfAbsent(productId, -1);
            int[] nodes = new int[weights.size()];
            double[] nodeWeight = new double[weights.size()];
            int m = 0;
            boolean prunable = prune;
            for (Map.Entry<PropertyNode, Double> e : weights.entrySet()) {
                int prop = propertyOrdinal.getIfAbsent(e.getKey().id(), -1);
                if (prop < 0) {
                    continue;
                }
                nodes[m] = prop;
                nodeWeight[m] = e.getValue();
                // Bounds assume scores only grow as nodes are added: a negative or NaN weight walks everything.
                prunable &= nodeWeight[m] >= 0;
                m++;
            }
            Integer[] order = new Integer[m];
            for (int i = 0; i < m; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.<Integer>comparingInt(i -> postingSizes[nodes[i]]).thenComparingInt(i -> i));
            // remaining[i]: the most a product met only in postings i.. can score.
            double[] remaining = new double[m + 1];
            double weightLeft = 0;
            for (int i = m - 1; i >= 0; i--) {
                weightLeft += nodeWeight[order[i]];
                remaining[i] = metric.bound(weightLeft, m - i, sourceCount);
            }
            int firstPosting = m == 0 ? 0 : postingSizes[nodes[order[0]]];
            Scratch scratch = new Scratch(Math.min(productIds.size(), Math.max(64, firstPosting * 2)));
            int expanded = 0;
            long walked = 0;
            for (; expanded < m; expanded++) {
                int prop = nodes[order[expanded]];
                // Cheap postings are walked anyway; before a costly one (long, and at least half as long as the
                // candidate list the check scans), check whether newcomers are still possible.
                if (prunable && expanded > 0 && postingSizes[prop] > 64 && 2L * postingSizes[prop] > scratch.touchedCount
                        && (m - expanded < minShared
                                || kthExact(scratch, self, minShared, first, metric, sourceCount, nodes, nodeWeight,
                                        order, expanded, m) > remaining[expanded] + BOUND_SLACK)) {
                    break;
                }
                double w = nodeWeight[order[expanded]];
                int[] list = postings[prop];
                for (int i = 0, size = postingSizes[prop]; i < size; i++) {
                    scratch.add(list[i], w);
                }
                walked += postingSizes[prop];
            }
            postingEntriesWalked.add(walked);
            candidatesTouched.add(scratch.touchedCount);
            // Complete the candidates with the postings not walked.
            for (int i = expanded; i < m; i++) {
                postingEntriesSkipped.add(postingSizes[nodes[order[i]]]);
            }
            // A candidate whose best reachable score (every node not walked added) stays below the k-th score
            // already guaranteed cannot enter the top k: it is neither completed nor ranked. Strictly below, after
            // rounding as ranked, so a candidate that could tie (and win by id) is always completed.
            boolean[] cannotEnter = null;
            double kth = -1;
            double weightNotWalked = 0;
            if (prunable && expanded < m) {
                kth = SimilarityMetric.rankScore(kthExact(scratch, self, minShared, first, metric, sourceCount, nodes,
                        nodeWeight, order, expanded, m));
                for (int i = expanded; i < m; i++) {
                    weightNotWalked += nodeWeight[order[i]];
                }
                cannotEnter = new boolean[scratch.touchedCount];
            }
            int completed = 0;
            for (int t = 0; expanded < m && t < scratch.touchedCount; t++) {
                if (kth >= 0) {
                    // Not read when the metric ignores it: the uncapped shared count is still an upper bound.
                    int theirCount = metric.usesOtherCount() ? nodeCounts[scratch.touched[t]] : Integer.MAX_VALUE;
                    int mostShared = Math.min(scratch.shared(t) + m - expanded, theirCount);
                    double reachable = metric.score(scratch.weight(t) + weightNotWalked, mostShared, sourceCount, theirCount);
                    // (the slack: kth may be a completed candidate's exact score, summed in another order than this bound)
                    if (SimilarityMetric.rankScore(reachable + BOUND_SLACK) < kth) {
                        cannotEnter[t] = true;
                        candidatesNotCompleted.increment();
                        continue;
                    }
                }
                completed++;
                int[] theirs = productProperties[scratch.touched[t]];
                for (int i = expanded; i < m; i++) {
                    if (Arrays.binarySearch(theirs, nodes[order[i]]) >= 0) {
                        scratch.addTouched(t, nodeWeight[order[i]]);
                    }
                }
            }
            candidatesCompleted.add(completed);
            Comparator<Candidate> worstFirst = (a, b) -> Candidate.rankOrder(a.score(), a.id(), b.score(), b.id());
            PriorityQueue<Candidate> best = new PriorityQueue<>(worstFirst);
            for (int t = 0; t < scratch.touchedCount; t++) {
                int other = scratch.touched[t];
                int shared = scratch.shared(t);
                if (other == self || shared < minShared || (cannotEnter != null && cannotEnter[t])) {
                    continue;
                }
                double score = SimilarityMetric.rankScore(score(scratch, t, metric, sourceCount));
                if (best.size() == first && score < best.peek().score()) {
                    continue; // below the k-th kept: its id (a String elsewhere in the heap) is not needed to tell
                }
                String id = productIds.get(other);
                if (best.size() < first) {
                    best.add(new Candidate(other, id, score, shared));
                } else if (Candidate.rankOrder(score, id, best.peek().score(), best.peek().id()) > 0) {
                    // a candidate object only for one that beats the k-th kept
                    best.poll();
                    best.add(new Candidate(other, id, score, shared));
                }
            }
            List<Candidate> ranked = new ArrayList<>(best);
            ranked.sort(worstFirst.reversed());
            List<SimilarityHit> hits = new ArrayList<>(ranked.size());
            for (Candidate c : ranked) {
                List<PropertyNode> common = new ArrayList<>();
                int[] theirs = productProperties[c.ordinal()];
                for (int i = 0; i < m; i++) {
                    if (Arrays.binarySearch(theirs, nodes[i]) >= 0) {
                        common.add(properties.get(nodes[i]));
                    }
                }
                common.sort(BY_TYPE_AND_VALUE);
                hits.add(new SimilarityHit(c.id(), c.score(), c.shared(), common));
            }
            return hits;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The score of the t-th touched product from what has been added so far. */
    private double score(Scratch scratch, int t, SimilarityMetric metric, int sourceCount) {
        return metric.score(scratch.weight(t), scratch.shared(t), sourceCount,
                metric.usesOtherCount() ? nodeCounts[scratch.touched[t]] : 0);
    }

    /**
     * Raw scores closer than this are not trusted to order the same after rounding: the bound of the nodes left is
     * summed from the other end than a candidate's score (IDF weights differ in the last bits), so a newcomer is
     * ruled out only when its bound is below the k-th score by more than rounding noise and the rank rounding (1e-9).
     */
    private static final double BOUND_SLACK = 1e-6;

    /**
     * A lower bound of the final k-th score, tighter than {@link #kthGuaranteed}'s partial scores: the 2k candidates
     * with the best partial scores are completed exactly now (binary searches for the nodes not walked, summed in the
     * same rarest-first order as the final completion, so each equals its final score bit for bit), and the k-th best
     * of those that qualify is a score that k real products reach; -1 when fewer than k qualify. The best candidates
     * of a BSBM product share ~10 of its ~28 nodes while their partial scores after the rarer half count a few, so
     * the walk stops several of the longer postings earlier (BENCHMARKS.md, perf22).
     */
    private double kthExact(Scratch scratch, int self, int minShared, int k, SimilarityMetric metric, int sourceCount,
            int[] nodes, double[] nodeWeight, Integer[] order, int expanded, int m) {
        double partial = kthGuaranteed(scratch, self, minShared, k, metric, sourceCount);
        if (scratch.touchedCount < k) {
            return partial;
        }
        int c = Math.min(2 * k, scratch.touchedCount);
        // min-heap of touched indices by partial weight (then shared), the c best kept
        int[] heap = new int[c];
        int size = 0;
        for (int t = 0; t < scratch.touchedCount; t++) {
            if (scratch.touched[t] == self) {
                continue;
            }
            if (size < c) {
                heap[size] = t;
                siftUp(heap, size++, scratch);
            } else if (partialOrder(scratch, t, heap[0]) > 0) {
                heap[0] = t;
                siftDown(heap, size, scratch);
            }
        }
        double[] exact = new double[size];
        int qualified = 0;
        for (int h = 0; h < size; h++) {
            int t = heap[h];
            int[] theirs = productProperties[scratch.touched[t]];
            double w = scratch.weight(t);
            int shared = scratch.shared(t);
            for (int i = expanded; i < m; i++) {
                if (Arrays.binarySearch(theirs, nodes[order[i]]) >= 0) {
                    w += nodeWeight[order[i]];
                    shared++;
                }
            }
            if (shared >= minShared) {
                exact[qualified++] = metric.score(w, shared, sourceCount, theirs.length);
            }
        }
        if (qualified < k) {
            return partial;
        }
        Arrays.sort(exact, 0, qualified);
        return Math.max(partial, exact[qualified - k]);
    }

    private static int partialOrder(Scratch scratch, int a, int b) {
        int byWeight = Double.compare(scratch.weight(a), scratch.weight(b));
        return byWeight != 0 ? byWeight : Integer.compare(scratch.shared(a), scratch.shared(b));
    }

    private static void siftUp(int[] heap, int i, Scratch scratch) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (partialOrder(scratch, heap[i], heap[parent]) >= 0) {
                return;
            }
            int x = heap[i];
            heap[i] = heap[parent];
            heap[parent] = x;
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, Scratch scratch) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int least = i;
            if (l < size && partialOrder(scratch, heap[l], heap[least]) < 0) {
                least = l;
            }
            if (r < size && partialOrder(scratch, heap[r], heap[least]) < 0) {
                least = r;
            }
            if (least == i) {
                return;
            }
            int x = heap[i];
            heap[i] = heap[least];
            heap[least] = x;
            i = least;
        }
    }

    /**
     * The k-th best score among candidates already sure to qualify (minShared reached), counting only what they
     * have so far — a lower bound of their final score; -1 when fewer than k qualify.
     */
    private double kthGuaranteed(Scratch scratch, int self, int minShared, int k, SimilarityMetric metric,
            int sourceCount) {
        if (scratch.touchedCount < k) {
            return -1;
        }
        PriorityQueue<Double> top = new PriorityQueue<>(k + 1);
        for (int t = 0; t < scratch.touchedCount; t++) {
            if (scratch.touched[t] == self || scratch.shared(t) < minShared) {
                continue;
            }
            double lower = score(scratch, t, metric, sourceCount);
            if (top.size() < k) {
                top.add(lower);
            } else if (lower > top.peek()) {
                top.poll();
                top.add(lower);
            }
        }
        return top.size() < k ? -1 : top.peek();
    }

    /**
     * Accumulators of the products met by a ranking: an open-addressing map from product ordinal to shared count and
     * summed weight, sized by what the ranking touches (not by the catalogue), walked through its insertion list.
     */
    private static final class Scratch {
        private int[] slots; // product ordinal + 1, 0 = empty
        private int[] sharedBySlot;
        private double[] weightBySlot;
        private int mask;
        int[] touched = new int[64];
        int[] touchedSlot = new int[64];
        int touchedCount;

        Scratch(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            slots = new int[capacity];
            sharedBySlot = new int[capacity];
            weightBySlot = new double[capacity];
            mask = capacity - 1;
        }

        private int slot(int product) {
            int h = (product * 0x9E3779B9) >>> 1;
            int i = h & mask;
            while (slots[i] != 0 && slots[i] != product + 1) {
                i = (i + 1) & mask;
            }
            return i;
        }

        void add(int product, double w) {
            int i = slot(product);
            if (slots[i] == 0) {
                if ((touchedCount + 1) * 2 > slots.length) {
                    grow();
                    i = slot(product);
                }
                slots[i] = product + 1;
                if (touchedCount == touched.length) {
                    touched = Arrays.copyOf(touched, touchedCount * 2);
                    touchedSlot = Arrays.copyOf(touchedSlot, touchedCount * 2);
                }
                touched[touchedCount] = product;
                touchedSlot[touchedCount++] = i;
            }
            sharedBySlot[i]++;
            weightBySlot[i] += w;
        }

        /** Adds to a product already met (the t-th touched). */
        void addTouched(int t, double w) {
            sharedBySlot[touchedSlot[t]]++;
            weightBySlot[touchedSlot[t]] += w;
        }

        int shared(int t) {
            return sharedBySlot[touchedSlot[t]];
        }

        double weight(int t) {
            return weightBySlot[touchedSlot[t]];
        }

        private void grow() {
            int[] oldSlots = slots;
            int[] oldShared = sharedBySlot;
            double[] oldWeight = weightBySlot;
            slots = new int[oldSlots.length * 2];
            sharedBySlot = new int[slots.length];
            weightBySlot = new double[slots.length];
            mask = slots.length - 1;
            for (int t = 0; t < touchedCount; t++) {
                int from = touchedSlot[t];
                int to = slot(oldSlots[from] - 1);
                slots[to] = oldSlots[from];
                sharedBySlot[to] = oldShared[from];
                weightBySlot[to] = oldWeight[from];
                touchedSlot[t] = to;
            }
        }
    }

    private record Candidate(int ordinal, String id, double score, int shared) {

        /** The ranking's one order: higher score first, then smaller id. Positive when (a) ranks above (b). */
        static int rankOrder(double scoreA, String idA, double scoreB, String idB) {
            int byScore = Double.compare(scoreA, scoreB);
            return byScore != 0 ? byScore : idB.compareTo(idA);
        }
    }
}
