package dev.kggateway.store;

import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.SimilarityHit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * In-memory postings (property node → products) for the embedded store, where this process is the only writer: a
 * similarity ranking becomes a walk over a few int arrays instead of a SPARQL join and group-by over every link of
 * every shared node. Kept exactly in step with the store by {@link ProductRepository}, which applies each write here
 * while it holds the write lock, after the store transaction committed. Document frequencies come for free.
 */
final class SimilarityIndex {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> productOrdinal = new HashMap<>();
    private final List<String> productIds = new ArrayList<>();
    private final Map<String, Integer> propertyOrdinal = new HashMap<>();
    private final List<PropertyNode> properties = new ArrayList<>();
    private int[][] productProperties = new int[1024][];
    private int[][] postings = new int[1024][];
    private int[] postingSizes = new int[1024];

    /** Sets a product's property nodes (replacing what it had); empty or null removes it. */
    void put(String productId, Collection<PropertyNode> nodes) {
        lock.writeLock().lock();
        try {
            Integer p = productOrdinal.get(productId);
            if (p != null && productProperties[p] != null) {
                for (int prop : productProperties[p]) {
                    removePosting(prop, p);
                }
                productProperties[p] = null;
            }
            if (nodes == null) {
                return;
            }
            if (p == null) {
                p = productIds.size();
                productIds.add(productId);
                productOrdinal.put(productId, p);
                if (p >= productProperties.length) {
                    productProperties = Arrays.copyOf(productProperties, p * 2);
                }
            }
            int[] props = nodes.stream().mapToInt(this::propertyOrdinal).distinct().toArray();
            productProperties[p] = props;
            for (int prop : props) {
                addPosting(prop, p);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int propertyOrdinal(PropertyNode node) {
        Integer ordinal = propertyOrdinal.get(node.id());
        if (ordinal == null) {
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

    /** Number of products carrying each node (0 for unknown nodes). */
    Map<String, Integer> documentFrequencies(Collection<PropertyNode> nodes) {
        lock.readLock().lock();
        try {
            Map<String, Integer> df = new HashMap<>();
            for (PropertyNode node : nodes) {
                Integer ordinal = propertyOrdinal.get(node.id());
                df.put(node.id(), ordinal == null ? 0 : postingSizes[ordinal]);
            }
            return df;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The same ranking as {@code similar-products.rq}: products sharing at least {@code minShared} of the weighted
     * nodes, scored by summed weight or, with {@code jaccardOf}, by |A∩B| / |A∪B|; ties by id.
     */
    List<SimilarityHit> similar(String productId, Map<PropertyNode, Double> weights, int minShared, int first,
            Integer jaccardOf) {
        lock.readLock().lock();
        try {
            Integer self = productOrdinal.get(productId);
            int n = productIds.size();
            int[] shared = new int[n];
            double[] weight = new double[n];
            int[] touched = new int[Math.min(n, 1 << 16)];
            int touchedCount = 0;
            List<Integer> usedProps = new ArrayList<>();
            for (Map.Entry<PropertyNode, Double> e : weights.entrySet()) {
                Integer prop = propertyOrdinal.get(e.getKey().id());
                if (prop == null) {
                    continue;
                }
                usedProps.add(prop);
                int[] list = postings[prop];
                double w = e.getValue();
                for (int i = 0, size = postingSizes[prop]; i < size; i++) {
                    int other = list[i];
                    if (shared[other]++ == 0) {
                        if (touchedCount == touched.length) {
                            touched = Arrays.copyOf(touched, Math.min(n, touched.length * 2));
                        }
                        touched[touchedCount++] = other;
                    }
                    weight[other] += w;
                }
            }
            Comparator<Candidate> worstFirst = Comparator.comparingDouble(Candidate::score)
                    .thenComparing(Candidate::id, Comparator.reverseOrder());
            PriorityQueue<Candidate> best = new PriorityQueue<>(worstFirst);
            for (int t = 0; t < touchedCount; t++) {
                int other = touched[t];
                if ((self != null && other == self) || shared[other] < minShared) {
                    continue;
                }
                double score = jaccardOf == null ? weight[other]
                        : (double) shared[other] / (jaccardOf + productProperties[other].length - shared[other]);
                Candidate c = new Candidate(other, productIds.get(other), score, shared[other]);
                if (best.size() < first) {
                    best.add(c);
                } else if (worstFirst.compare(c, best.peek()) > 0) {
                    best.poll();
                    best.add(c);
                }
            }
            List<Candidate> ranked = new ArrayList<>(best);
            ranked.sort(worstFirst.reversed());
            List<SimilarityHit> hits = new ArrayList<>(ranked.size());
            for (Candidate c : ranked) {
                List<PropertyNode> common = new ArrayList<>();
                int[] theirs = productProperties[c.ordinal()];
                for (int prop : usedProps) {
                    for (int x : theirs) {
                        if (x == prop) {
                            common.add(properties.get(prop));
                            break;
                        }
                    }
                }
                common.sort(Comparator.comparing(PropertyNode::type).thenComparing(PropertyNode::value));
                hits.add(new SimilarityHit(c.id(), c.score(), c.shared(), common));
            }
            return hits;
        } finally {
            lock.readLock().unlock();
        }
    }

    private record Candidate(int ordinal, String id, double score, int shared) {
    }
}
