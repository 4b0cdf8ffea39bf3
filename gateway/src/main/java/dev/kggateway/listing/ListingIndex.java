package dev.kggateway.listing;

import dev.kggateway.domain.FacetValue;
import dev.kggateway.domain.Page;
import dev.kggateway.domain.PriceStats;
import dev.kggateway.domain.ProductOrdering;
import dev.kggateway.domain.ProductPosition;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.ProductSortField;
import dev.kggateway.domain.PropertyNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * In-memory listing index of the embedded store, where this process is the only writer: a product listing (filter,
 * order, keyset page, totalCount, facets, priceStats) becomes bitmap algebra and a top-k scan over columns instead of
 * SPARQL scans of every filtered product. Products get dense int ordinals; each property type and (lower-cased)
 * manufacturer has a {@link RoaringBitmap} of its products, each property node a set of its products
 * ({@link NodeProducts}: small ones as sorted arrays); names (lower-cased), prices, ids and
 * property counts are columns indexed by ordinal. Kept exactly in step with the store by {@code store}'s write path.
 *
 * <p>Every answer equals the SPARQL path's ({@code products-page.rq}, {@code products-sorted.rq},
 * {@code products-count.rq}, {@code product-facets.rq}, {@code product-price-stats.rq} on RDF4J): strings compare
 * with {@link String#compareTo} as RDF4J compares plain literals, names lower-case with {@link String#toLowerCase()}
 * as RDF4J's LCASE does, and prices are decimals whose text is {@code BigDecimal.valueOf(double)} (the store adapter
 * checks that and reports {@link #exact()} false otherwise), so comparing the doubles orders them as the decimals.
 * Filter text ({@code text}, RELEVANCE) is not indexed: {@link #answers} is false and the caller uses SPARQL.
 *
 * <p>Thread-safe: reads share a read lock, writes take the write lock.
 */
public final class ListingIndex {

    /** One product as the listing sees it; {@code price} null when it has none, {@code manufacturer} as stored. */
    public record Entry(String id, String name, Double price, String manufacturer, Collection<PropertyNode> nodes) {
    }

    /** Fixed scale of the exact price sums (cents and below); a price with more decimals is summed as a BigDecimal. */
    private static final int UNITS_SCALE = 4;
    /** Scale of a decimal division that does not terminate, as RDF4J's MathUtil (DEFAULT_DECIMAL_EXPANSION_SCALE). */
    private static final int DECIMAL_EXPANSION_SCALE = 24;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    // Ordinals in primitive open-addressing maps and lists: a HashMap entry with a boxed Integer costs ~50 bytes,
    // these ~16, over 100k products and ~500k property nodes at BSBM 100k (BENCHMARKS.md, mem15b).
    private final ObjectIntHashMap<String> ordinals = new ObjectIntHashMap<>();
    private String[] ids = new String[1024];
    private String[] nameKeys = new String[1024];
    /** NaN: no price. */
    private double[] prices = new double[1024];
    private long[] priceUnits = new long[1024];
    private int[][] productNodes = new int[1024][];
    private int[] manufacturers = new int[1024];
    private final RoaringBitmap alive = new RoaringBitmap();
    /** Priced products whose price does not fit {@link #priceUnits}. */
    private final RoaringBitmap irregularPrices = new RoaringBitmap();

    /** By node id, which is canonical for its (type, value). */
    private final ObjectIntHashMap<String> nodeOrdinals = new ObjectIntHashMap<>();
    private final List<PropertyNode> nodes = new ArrayList<>();
    private final NodeProducts nodeProducts = new NodeProducts();
    private final Map<String, IntArrayList> nodesOfType = new HashMap<>();
    private final Map<String, RoaringBitmap> typeProducts = new HashMap<>();
    private final Map<String, Integer> manufacturerOrdinals = new HashMap<>();
    private final List<RoaringBitmap> manufacturerProducts = new ArrayList<>();
    private long links;
    private volatile String inexact;
    private final SortedColumns sortedColumns = new SortedColumns(System::nanoTime);
    /**
     * The last few filters' matching products: one listing request asks for its page, totalCount, facets and
     * priceStats separately, over the same filter. Exact (cleared by every write, under the write lock); results are
     * never mutated.
     */
    private final Map<ProductQuery, RoaringBitmap> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ProductQuery, RoaringBitmap> eldest) {
            return size() > 8;
        }
    };

    /** False when the store holds data this index cannot mirror exactly (see {@link #markInexact}). */
    public boolean exact() {
        return inexact == null;
    }

    /** Why the index is not exact, or null. */
    public String inexactReason() {
        return inexact;
    }

    /** Marks the index unusable: the store holds a shape it cannot mirror (the caller then uses SPARQL throughout). */
    public void markInexact(String reason) {
        if (inexact == null) {
            inexact = reason;
        }
    }

    /** Whether this index answers the listing exactly: no filter text anywhere, no RELEVANCE order. */
    public boolean answers(ProductQuery query, ProductOrdering ordering) {
        return exact() && !hasText(query) && (ordering == null || !ordering.uses(ProductSortField.RELEVANCE));
    }

    private static boolean hasText(ProductQuery q) {
        if (q == null) {
            return false;
        }
        if (q.text() != null || hasText(q.not())) {
            return true;
        }
        return q.anyOf().stream().anyMatch(ListingIndex::hasText) || q.allOf().stream().anyMatch(ListingIndex::hasText);
    }

    // ---------------------------------------------------------------------------------------------------- writes

    /** Sets a product (replacing what it had). */
    public void put(Entry entry) {
        lock.writeLock().lock();
        try {
            int p = ordinals.getIfAbsent(entry.id(), -1);
            if (p >= 0) {
                unlink(p);
            } else {
                p = ordinals.size();
                ordinals.put(entry.id(), p);
                grow(p + 1);
                ids[p] = entry.id();
            }
            nameKeys[p] = entry.name().toLowerCase();
            setPrice(p, entry.price());
            manufacturers[p] = -1;
            if (entry.manufacturer() != null) {
                String key = entry.manufacturer().toLowerCase();
                int m = manufacturerOrdinals.computeIfAbsent(key, k -> {
                    manufacturerProducts.add(new RoaringBitmap());
                    return manufacturerProducts.size() - 1;
                });
                manufacturers[p] = m;
                manufacturerProducts.get(m).add(p);
            }
            LinkedHashSet<PropertyNode> distinct = new LinkedHashSet<>(entry.nodes());
            int[] own = new int[distinct.size()];
            int i = 0;
            for (PropertyNode node : distinct) {
                int n = nodeOrdinals.getIfAbsent(node.id(), -1);
                if (n < 0) {
                    n = nodeProducts.addNode();
                    nodes.add(node);
                    nodesOfType.computeIfAbsent(node.type(), t -> new IntArrayList()).add(n);
                    nodeOrdinals.put(node.id(), n);
                }
                nodeProducts.add(n, p);
                typeProducts.computeIfAbsent(node.type(), t -> new RoaringBitmap()).add(p);
                own[i++] = n;
            }
            productNodes[p] = own;
            links += own.length;
            alive.add(p);
            forgetMatches();
            sortedColumns.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes a product; unknown ids are ignored. */
    public void remove(String id) {
        lock.writeLock().lock();
        try {
            int p = ordinals.getIfAbsent(id, -1);
            if (p >= 0 && alive.contains(p)) {
                unlink(p);
                alive.remove(p);
                forgetMatches();
                // The sorted columns hold it with its old values, which unlink cleared: walks need them monotone.
                sortedColumns.clear();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void unlink(int p) {
        if (productNodes[p] != null) {
            for (int n : productNodes[p]) {
                nodeProducts.remove(n, p);
                typeProducts.get(nodes.get(n).type()).remove(p);
            }
            links -= productNodes[p].length;
            productNodes[p] = null;
        }
        if (manufacturers[p] >= 0) {
            manufacturerProducts.get(manufacturers[p]).remove(p);
            manufacturers[p] = -1;
        }
        irregularPrices.remove(p);
        prices[p] = Double.NaN;
    }

    private void setPrice(int p, Double price) {
        prices[p] = price == null ? Double.NaN : price;
        priceUnits[p] = 0;
        if (price != null) {
            BigDecimal units = BigDecimal.valueOf(price).movePointRight(UNITS_SCALE);
            if (units.signum() >= 0 && units.stripTrailingZeros().scale() <= 0 && units.compareTo(MAX_UNITS) <= 0) {
                priceUnits[p] = units.longValueExact();
            } else {
                irregularPrices.add(p);
            }
        }
    }

    /** Prices up to this many units sum without overflow over 2^31 products (a sum is checked anyway). */
    private static final BigDecimal MAX_UNITS = BigDecimal.valueOf(Long.MAX_VALUE >> 32);

    private void grow(int size) {
        if (size <= ids.length) {
            return;
        }
        int capacity = Math.max(size, ids.length * 2);
        ids = Arrays.copyOf(ids, capacity);
        nameKeys = Arrays.copyOf(nameKeys, capacity);
        prices = Arrays.copyOf(prices, capacity);
        priceUnits = Arrays.copyOf(priceUnits, capacity);
        productNodes = Arrays.copyOf(productNodes, capacity);
        manufacturers = Arrays.copyOf(manufacturers, capacity);
    }

    // ----------------------------------------------------------------------------------------------------- reads

    /** Number of products matching the filter (the listing's totalCount). */
    public int count(ProductQuery query) {
        lock.readLock().lock();
        try {
            return matching(query).getCardinality();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of products linked to each node (0 for a node no product has), by node id. */
    public Map<String, Integer> productCounts(Collection<PropertyNode> wanted) {
        lock.readLock().lock();
        try {
            Map<String, Integer> counts = new HashMap<>();
            for (PropertyNode node : wanted) {
                int n = nodeOrdinals.getIfAbsent(node.id(), -1);
                counts.put(node.id(), n < 0 ? 0 : nodeProducts.cardinality(n));
            }
            return counts;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * One keyset page of the listing in the given order: the positions of up to {@code size} products after
     * (forward) or before (backward) {@code at}, as {@code products-sorted.rq} reads them.
     */
    public Page<ProductPosition> page(ProductQuery query, ProductOrdering ordering, ProductPosition at, int size,
            boolean backward) {
        lock.readLock().lock();
        try {
            RoaringBitmap matching = matching(query);
            ListingOrder order = new ListingOrder(ordering, backward, at);
            int[] top = order.top(matching, size + 1);
            List<ProductPosition> rows = new ArrayList<>(top.length);
            for (int p : top) {
                rows.add(position(ordering, p));
            }
            return Page.of(rows, size, backward, at != null);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Facet counts as {@code product-facets.rq}: per type (every type when {@code types} is null), the values linked
     * to at least one matching product with their product counts, by count descending then value.
     */
    public Map<String, List<FacetValue>> facets(ProductQuery query, List<String> types) {
        lock.readLock().lock();
        try {
            RoaringBitmap matching = matching(query);
            Collection<String> wanted = types == null ? nodesOfType.keySet() : types;
            IntArrayList candidates = new IntArrayList();
            for (String type : wanted) {
                candidates.addAll(nodesOfType.getOrDefault(type, NO_NODES));
            }
            int[] counts = countPerNode(matching, candidates);
            Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
            for (String type : wanted.stream().sorted().toList()) {
                List<FacetValue> values = new ArrayList<>();
                IntArrayList ofType = nodesOfType.getOrDefault(type, NO_NODES);
                for (int j = 0; j < ofType.size(); j++) {
                    int n = ofType.get(j);
                    if (counts[n] > 0) {
                        values.add(new FacetValue(nodes.get(n).value(), counts[n]));
                    }
                }
                if (!values.isEmpty()) {
                    values.sort((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count())
                            : a.value().compareTo(b.value()));
                    facets.put(type, values);
                }
            }
            return facets;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Matching products per candidate node, indexed by node ordinal: one bitmap intersection per node when there
     * are few nodes, else one walk over the matching products' links (cheaper for thousands of values).
     */
    private int[] countPerNode(RoaringBitmap matching, IntArrayList candidates) {
        int[] counts = new int[nodes.size()];
        long walk = (long) matching.getCardinality() * Math.max(1, links / Math.max(1, alive.getCardinality()));
        if ((long) candidates.size() * 64 <= walk) {
            candidates.forEach(n -> counts[n] = nodeProducts.andCardinality(n, matching));
            return counts;
        }
        boolean[] wanted = new boolean[nodes.size()];
        candidates.forEach(n -> wanted[n] = true);
        IntIterator it = matching.getIntIterator();
        while (it.hasNext()) {
            for (int n : productNodes[it.next()]) {
                if (wanted[n]) {
                    counts[n]++;
                }
            }
        }
        return counts;
    }

    /**
     * Price aggregates as {@code product-price-stats.rq}: min, max, mean and number of priced matching products;
     * null when none is priced. The mean is the exact decimal sum divided as RDF4J's AVG divides decimals (exact when
     * the quotient terminates, else {@value #DECIMAL_EXPANSION_SCALE} places half-up), then read as a double.
     */
    public PriceStats priceStats(ProductQuery query) {
        lock.readLock().lock();
        try {
            RoaringBitmap matching = matching(query);
            int count = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            long units = 0;
            boolean overflow = false;
            IntIterator it = matching.getIntIterator();
            while (it.hasNext()) {
                int p = it.next();
                double price = prices[p];
                if (Double.isNaN(price)) {
                    continue;
                }
                count++;
                min = Math.min(min, price);
                max = Math.max(max, price);
                long next = units + priceUnits[p];
                overflow |= next < units;
                units = next;
            }
            if (count == 0) {
                return null;
            }
            BigDecimal sum;
            RoaringBitmap irregular = RoaringBitmap.and(matching, irregularPrices);
            if (overflow) {
                sum = BigDecimal.ZERO;
                it = matching.getIntIterator();
                while (it.hasNext()) {
                    int p = it.next();
                    if (!Double.isNaN(prices[p])) {
                        sum = sum.add(BigDecimal.valueOf(prices[p]));
                    }
                }
            } else {
                sum = BigDecimal.valueOf(units, UNITS_SCALE);
                for (int p : irregular) {
                    sum = sum.add(BigDecimal.valueOf(prices[p]));
                }
            }
            BigDecimal n = BigDecimal.valueOf(count);
            BigDecimal avg;
            try {
                avg = sum.divide(n, MathContext.UNLIMITED);
            } catch (ArithmeticException e) {
                avg = sum.setScale(DECIMAL_EXPANSION_SCALE, RoundingMode.HALF_UP).divide(n, RoundingMode.HALF_UP);
            }
            return new PriceStats(min, max, avg.doubleValue(), count);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Products indexed, links and distinct nodes (diagnostics and memory figures). */
    public String describe() {
        lock.readLock().lock();
        try {
            return alive.getCardinality() + " products, " + links + " links, " + nodes.size() + " property nodes";
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Estimated heap bytes held by the index: columns, per-product link arrays, bitmaps, the id map and the strings
     * it owns (ids and lower-cased names, compact Latin-1 strings counted at 1 byte a char plus 40 bytes overhead), and
     * the sorted columns built so far (8 bytes a product each).
     */
    public long estimatedBytes() {
        lock.readLock().lock();
        try {
            long bytes = (long) ids.length * (8 + 8 + 8 + 8 + 8 + 4);
            for (int p = 0; p < ordinals.size(); p++) {
                bytes += 40L + ids[p].length();
                if (nameKeys[p] != null) {
                    bytes += 40L + nameKeys[p].length();
                }
                if (productNodes[p] != null) {
                    bytes += 16L + 4L * productNodes[p].length;
                }
            }
            bytes += ordinals.size() * 16L; // open-addressing map: key and ordinal slots at load factor 1/2
            bytes += alive.getLongSizeInBytes() + irregularPrices.getLongSizeInBytes();
            bytes += nodeProducts.estimatedBytes() + 16L * nodes.size(); // + ordinal map slots
            for (RoaringBitmap b : typeProducts.values()) {
                bytes += b.getLongSizeInBytes();
            }
            for (RoaringBitmap b : manufacturerProducts) {
                bytes += b.getLongSizeInBytes();
            }
            return bytes + sortedColumns.estimatedBytes();
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
            int n = nodeOrdinals.getIfAbsent(id, -1);
            return n < 0 ? null : nodes.get(n);
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return alive.getCardinality();
        } finally {
            lock.readLock().unlock();
        }
    }

    public long links() {
        return links;
    }

    // --------------------------------------------------------------------------------------------------- filters

    private RoaringBitmap matching(ProductQuery query) {
        synchronized (recent) {
            RoaringBitmap known = recent.get(query);
            if (known != null) {
                return known;
            }
        }
        RoaringBitmap matched = matching(query, alive);
        synchronized (recent) {
            recent.put(query, matched);
        }
        return matched;
    }

    /** Called under the write lock: no reader is between computing and remembering a match. */
    private void forgetMatches() {
        synchronized (recent) {
            recent.clear();
        }
    }

    /**
     * The products of {@code universe} the filter holds for, as {@code ProductFilterSparql} phrases it: every
     * condition of a level must hold; {@code anyOf} is a union of its groups, {@code not} a difference. Groups are
     * evaluated within what the level has matched so far, so they never widen it.
     */
    private RoaringBitmap matching(ProductQuery q, RoaringBitmap universe) {
        List<RoaringBitmap> all = new ArrayList<>();
        all.add(universe);
        for (PropertyNode node : q.properties()) {
            all.add(products(node));
        }
        for (List<PropertyNode> anyOf : q.propertyIn()) {
            all.add(FastAggregation.or(anyOf.stream().map(this::products).toArray(RoaringBitmap[]::new)));
        }
        if (q.propertyType() != null) {
            all.add(typeProducts.getOrDefault(q.propertyType(), EMPTY));
        }
        for (String type : q.hasProperty()) {
            all.add(typeProducts.getOrDefault(type, EMPTY));
        }
        if (q.manufacturer() != null) {
            all.add(manufacturer(q.manufacturer()));
        }
        if (!q.manufacturerIn().isEmpty()) {
            all.add(FastAggregation.or(q.manufacturerIn().stream().map(this::manufacturer).toArray(RoaringBitmap[]::new)));
        }
        all.sort((a, b) -> Integer.compare(a.getCardinality(), b.getCardinality()));
        RoaringBitmap r = all.size() == 1 ? universe : FastAggregation.and(all.toArray(RoaringBitmap[]::new));
        if (q.minPrice() != null || q.maxPrice() != null) {
            r = priced(r, List.of(new ProductQuery.PriceRange(q.minPrice(), q.maxPrice())));
        }
        if (!q.priceRanges().isEmpty()) {
            r = priced(r, q.priceRanges());
        }
        for (ProductQuery group : q.allOf()) {
            r = matching(group, r);
        }
        if (!q.anyOf().isEmpty() && !r.isEmpty()) {
            RoaringBitmap within = r;
            r = FastAggregation.or(q.anyOf().stream().map(g -> matching(g, within)).toArray(RoaringBitmap[]::new));
        } else if (!q.anyOf().isEmpty()) {
            r = EMPTY;
        }
        if (q.not() != null && !r.isEmpty()) {
            r = RoaringBitmap.andNot(r, matching(q.not(), r));
        }
        return r;
    }

    private static final RoaringBitmap EMPTY = new RoaringBitmap();
    private static final IntArrayList NO_NODES = new IntArrayList();

    private RoaringBitmap products(PropertyNode node) {
        int n = nodeOrdinals.getIfAbsent(node.id(), -1);
        return n < 0 ? EMPTY : nodeProducts.bitmap(n);
    }

    private RoaringBitmap manufacturer(String lowerCased) {
        Integer m = manufacturerOrdinals.get(lowerCased);
        return m == null ? EMPTY : manufacturerProducts.get(m);
    }

    /**
     * The products of {@code r} with a price in one of the inclusive ranges (an unpriced product is in none). The
     * result is set as words of a bit set and converted once ({@link BitSetUtil}): adding tens of thousands of ints
     * one by one to a bitmap costs more than the whole rest of a listing. A large {@code r} is intersected with the
     * products in the ranges (runs of the price-sorted column, or a scan of the price column while that is not
     * available) instead of being iterated.
     */
    private RoaringBitmap priced(RoaringBitmap r, List<ProductQuery.PriceRange> ranges) {
        int k = ranges.size();
        double[] lo = new double[k];
        double[] hi = new double[k];
        for (int i = 0; i < k; i++) {
            lo[i] = ranges.get(i).min() == null ? Double.NEGATIVE_INFINITY : ranges.get(i).min();
            hi[i] = ranges.get(i).max() == null ? Double.POSITIVE_INFINITY : ranges.get(i).max();
        }
        int n = ordinals.size();
        long[] words = new long[(n + 63) >>> 6];
        boolean scan = r.getCardinality() > n / 4;
        SortedColumns.Sorted byPrice = scan ? sortedColumns.sorted(ProductSortField.PRICE, this::sort) : null;
        if (byPrice != null) {
            // Each range is a run of the price-sorted column: visit only the products in it.
            int[] order = byPrice.order();
            for (int i = 0; i < k; i++) {
                int end = firstPriced(byPrice, hi[i], true);
                for (int j = firstPriced(byPrice, lo[i], false); j < end; j++) {
                    int p = order[j];
                    words[p >>> 6] |= 1L << p;
                }
            }
        } else if (scan) {
            for (int p = 0; p < n; p++) {
                if (inRanges(prices[p], lo, hi)) {
                    words[p >>> 6] |= 1L << p;
                }
            }
        } else {
            IntIterator it = r.getIntIterator();
            while (it.hasNext()) {
                int p = it.next();
                if (inRanges(prices[p], lo, hi)) {
                    words[p >>> 6] |= 1L << p;
                }
            }
        }
        RoaringBitmap inRange = BitSetUtil.bitmapOf(words);
        return scan ? RoaringBitmap.and(r, inRange) : inRange;
    }

    /**
     * The first position in the priced run of the price column with a price {@code >= bound} ({@code > bound} when
     * {@code above}), or the run's end: binary search, the run is ascending.
     */
    private int firstPriced(SortedColumns.Sorted byPrice, double bound, boolean above) {
        int lo = 0;
        int hi = byPrice.valued();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double price = prices[byPrice.order()[mid]];
            if (price < bound || (above && price == bound)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static boolean inRanges(double price, double[] lo, double[] hi) {
        for (int i = 0; i < lo.length; i++) {
            // NaN (no price) fails both comparisons.
            if (price >= lo[i] && price <= hi[i]) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------- orders

    private ProductPosition position(ProductOrdering ordering, int p) {
        List<String> values = new ArrayList<>(ordering.keys().size());
        for (ProductOrdering.Key key : ordering.keys()) {
            values.add(switch (key.field()) {
                case NAME -> nameKeys[p];
                // The stored decimal's text is BigDecimal.valueOf(price) (checked when indexed).
                case PRICE -> Double.isNaN(prices[p]) ? null : BigDecimal.valueOf(prices[p]).toPlainString();
                case ID -> ids[p];
                case PROPERTY_COUNT -> Integer.toString(productNodes[p].length);
                case RELEVANCE -> throw new IllegalStateException("RELEVANCE is not indexed");
            });
        }
        return new ProductPosition(Collections.unmodifiableList(values));
    }

    /**
     * The listing order of {@code products-sorted.rq} over ordinals (reversed when reading backward), with the keyset
     * condition "strictly after the cursor" in reading order, and a bounded top-k selection.
     */
    private final class ListingOrder {
        private final ProductOrdering.Key[] keys;
        private final int sign;
        private final String cursorName;
        private final boolean cursorPriceMissing;
        private final BigDecimal cursorPrice;
        private final double cursorPriceDouble;
        private final int cursorCount;
        private final String cursorId;
        private final boolean hasCursor;
        /** Dense ranks of names and ids when their sorted columns are current: compared as ints. */
        private int[] nameRank;
        private int[] idRank;

        ListingOrder(ProductOrdering ordering, boolean backward, ProductPosition at) {
            this.keys = ordering.keys().toArray(ProductOrdering.Key[]::new);
            this.sign = backward ? -1 : 1;
            this.hasCursor = at != null;
            String name = null;
            String id = null;
            boolean missing = false;
            BigDecimal price = null;
            int count = 0;
            if (at != null) {
                for (int i = 0; i < keys.length; i++) {
                    String v = at.values().get(i);
                    switch (keys[i].field()) {
                        case NAME -> name = v;
                        case PRICE -> {
                            missing = v == null;
                            price = v == null ? BigDecimal.ZERO : new BigDecimal(v);
                        }
                        case PROPERTY_COUNT -> count = Integer.parseInt(v);
                        case ID -> id = v;
                        default -> throw new IllegalStateException("not indexed: " + keys[i].field());
                    }
                }
            }
            this.cursorName = name;
            this.cursorPriceMissing = missing;
            this.cursorPrice = price;
            this.cursorPriceDouble = price == null ? 0 : price.doubleValue();
            this.cursorCount = count;
            this.cursorId = id;
            SortedColumns.Sorted byName = sortedColumns.current(ProductSortField.NAME);
            SortedColumns.Sorted byId = sortedColumns.current(ProductSortField.ID);
            this.nameRank = byName == null ? null : byName.rank();
            this.idRank = byId == null ? null : byId.rank();
        }

        /** Listing order of two products, in reading direction. */
        int compare(int a, int b) {
            return compare(a, b, keys.length);
        }

        /** Listing order of two products by the first {@code n} keys only, in reading direction. */
        int compare(int a, int b, int n) {
            for (int k = 0; k < n; k++) {
                ProductOrdering.Key key = keys[k];
                int c;
                switch (key.field()) {
                    case NAME -> c = nameRank != null ? Integer.compare(nameRank[a], nameRank[b])
                            : nameKeys[a].compareTo(nameKeys[b]);
                    case PRICE -> {
                        boolean ma = Double.isNaN(prices[a]);
                        boolean mb = Double.isNaN(prices[b]);
                        if (ma != mb) {
                            // Products without a price come last in both directions.
                            return (ma ? 1 : -1) * sign;
                        }
                        c = ma ? 0 : compareDoubles(prices[a], prices[b]);
                    }
                    case PROPERTY_COUNT -> c = Integer.compare(productNodes[a].length, productNodes[b].length);
                    case ID -> c = idRank != null ? Integer.compare(idRank[a], idRank[b]) : ids[a].compareTo(ids[b]);
                    default -> throw new IllegalStateException("not indexed: " + key.field());
                }
                if (c != 0) {
                    return (key.descending() ? -c : c) * sign;
                }
            }
            return 0;
        }

        /** Listing order of a product against the cursor, in reading direction. */
        int compareToCursor(int a) {
            return compareToCursor(a, keys.length);
        }

        /** Listing order of a product against the cursor by the first {@code n} keys only, in reading direction. */
        int compareToCursor(int a, int n) {
            for (int k = 0; k < n; k++) {
                ProductOrdering.Key key = keys[k];
                int c;
                switch (key.field()) {
                    case NAME -> c = nameKeys[a].compareTo(cursorName);
                    case PRICE -> {
                        boolean ma = Double.isNaN(prices[a]);
                        if (ma != cursorPriceMissing) {
                            return (ma ? 1 : -1) * sign;
                        }
                        c = ma ? 0 : comparePriceToCursor(prices[a]);
                    }
                    case PROPERTY_COUNT -> c = Integer.compare(productNodes[a].length, cursorCount);
                    case ID -> c = ids[a].compareTo(cursorId);
                    default -> throw new IllegalStateException("not indexed: " + key.field());
                }
                if (c != 0) {
                    return (key.descending() ? -c : c) * sign;
                }
            }
            return 0;
        }

        /**
         * A stored price (a double whose decimal is BigDecimal.valueOf of it) against the cursor's decimal: rounding
         * to the nearest double is monotonic, so unequal doubles decide; equal ones are compared as decimals.
         */
        private int comparePriceToCursor(double price) {
            if (price < cursorPriceDouble) {
                return -1;
            }
            if (price > cursorPriceDouble) {
                return 1;
            }
            return BigDecimal.valueOf(price).compareTo(cursorPrice);
        }

        /** The first {@code k} products of {@code matching} after the cursor, in reading order. */
        int[] top(RoaringBitmap matching, int k) {
            int[] walked = walk(matching, k);
            return walked != null ? walked : scan(matching, k);
        }

        /** Ranks every matching product after the cursor: a bounded heap over one pass of the bitmap. */
        private int[] scan(RoaringBitmap matching, int k) {
            Heap heap = new Heap(k);
            IntIterator it = matching.getIntIterator();
            while (it.hasNext()) {
                int p = it.next();
                if (heap.full() && compare(p, heap.root()) >= 0) {
                    continue;
                }
                if (hasCursor && compareToCursor(p) <= 0) {
                    continue;
                }
                heap.offer(p);
            }
            return heap.sorted();
        }

        /**
         * Walks the products sorted by the first key, in reading order from the cursor, and stops as soon as the
         * next product's first key is worse than the k-th best held (its ties are still taken: later keys and the id
         * decide among them). For a dense listing that is about {@code k * products / matching} steps instead of one
         * per matching product. Null, for the scan to answer, when the listing is sparse (the walk would visit more
         * products than match), when the walk runs past its budget (a filter that skips the head of the order, such
         * as a price bound against the price order), or when the sorted column is not available.
         */
        private int[] walk(RoaringBitmap matching, int k) {
            long m = matching.getCardinality();
            if (m == 0 || k == 0 || m * m < (long) k * alive.getCardinality()) {
                return null;
            }
            ProductSortField field = keys[0].field();
            SortedColumns.Sorted column = sortedColumns.sorted(field, ListingIndex.this::sort);
            if (column == null) {
                return null;
            }
            if (field == ProductSortField.NAME) {
                nameRank = column.rank();
            } else if (field == ProductSortField.ID) {
                idRank = column.rank();
            }
            int[] order = column.order();
            Heap heap = new Heap(k);
            long budget = 2 * m + 64;
            for (int[] segment : segments(column, field)) {
                int i = hasCursor ? firstAtOrAfterCursor(order, segment) : segment[0];
                for (; i != segment[1]; i += segment[2]) {
                    int p = order[i];
                    if (heap.full() && compare(p, heap.root(), 1) > 0) {
                        return heap.sorted(); // every later product is worse by the first key already
                    }
                    if (--budget < 0) {
                        return null;
                    }
                    if (!matching.contains(p) || (hasCursor && compareToCursor(p) <= 0)) {
                        continue;
                    }
                    if (!heap.full() || compare(p, heap.root()) < 0) {
                        heap.offer(p);
                    }
                }
            }
            return heap.sorted();
        }

        /**
         * The sorted column as runs {from, to (exclusive), step} in reading order of the first key: ascending or
         * descending, and for the price the products without one after the priced ones in listing order (before
         * them when reading backward).
         */
        private int[][] segments(SortedColumns.Sorted column, ProductSortField field) {
            int n = column.order().length;
            boolean ascending = keys[0].descending() == (sign < 0);
            if (field != ProductSortField.PRICE) {
                return new int[][] { ascending ? new int[] { 0, n, 1 } : new int[] { n - 1, -1, -1 } };
            }
            int valued = column.valued();
            int[] priced = ascending ? new int[] { 0, valued, 1 } : new int[] { valued - 1, -1, -1 };
            int[] missing = { valued, n, 1 };
            return sign < 0 ? new int[][] { missing, priced } : new int[][] { priced, missing };
        }

        /**
         * The first position of a run whose product is not before the cursor by the first key (binary search: a run
         * is monotone in it), or the run's end.
         */
        private int firstAtOrAfterCursor(int[] order, int[] segment) {
            int lo = 0;
            int hi = Math.abs(segment[1] - segment[0]);
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (compareToCursor(order[segment[0] + mid * segment[2]], 1) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return segment[0] + lo * segment[2];
        }

        /** Max-heap (by reading order) of the best k seen so far: its root is the one to evict. */
        private final class Heap {
            private final int[] heap;
            private int n;

            Heap(int k) {
                heap = new int[k];
            }

            boolean full() {
                return n == heap.length;
            }

            int root() {
                return heap[0];
            }

            /** Adds p, evicting the root when full (the caller checked p is better than it). */
            void offer(int p) {
                if (n < heap.length) {
                    heap[n] = p;
                    siftUp(n++);
                } else {
                    heap[0] = p;
                    siftDown();
                }
            }

            /** The held products in reading order. */
            int[] sorted() {
                int[] out = Arrays.copyOf(heap, n);
                // Small k: an insertion sort by the listing order.
                for (int i = 1; i < out.length; i++) {
                    int v = out[i];
                    int j = i - 1;
                    while (j >= 0 && compare(out[j], v) > 0) {
                        out[j + 1] = out[j];
                        j--;
                    }
                    out[j + 1] = v;
                }
                return out;
            }

            private void siftUp(int i) {
                while (i > 0) {
                    int parent = (i - 1) / 2;
                    if (compare(heap[i], heap[parent]) <= 0) {
                        return;
                    }
                    swap(i, parent);
                    i = parent;
                }
            }

            private void siftDown() {
                int i = 0;
                while (true) {
                    int l = 2 * i + 1;
                    int r = l + 1;
                    int largest = i;
                    if (l < n && compare(heap[l], heap[largest]) > 0) {
                        largest = l;
                    }
                    if (r < n && compare(heap[r], heap[largest]) > 0) {
                        largest = r;
                    }
                    if (largest == i) {
                        return;
                    }
                    swap(i, largest);
                    i = largest;
                }
            }

            private void swap(int i, int j) {
                int t = heap[i];
                heap[i] = heap[j];
                heap[j] = t;
            }
        }
    }

    /**
     * The alive products sorted by one column then id (see {@link SortedColumns.Sorted}); prices: priced ones
     * ascending, then those without a price.
     */
    private SortedColumns.Sorted sort(ProductSortField field) {
        Comparator<Integer> byValue = switch (field) {
            case NAME -> (a, b) -> nameKeys[a].compareTo(nameKeys[b]);
            case PRICE -> (a, b) -> {
                boolean ma = Double.isNaN(prices[a]);
                boolean mb = Double.isNaN(prices[b]);
                return ma != mb ? (ma ? 1 : -1) : ma ? 0 : compareDoubles(prices[a], prices[b]);
            };
            case ID -> (a, b) -> 0;
            case PROPERTY_COUNT -> (a, b) -> Integer.compare(productNodes[a].length, productNodes[b].length);
            case RELEVANCE -> throw new IllegalStateException("RELEVANCE is not indexed");
        };
        Integer[] boxed = new Integer[alive.getCardinality()];
        IntIterator it = alive.getIntIterator();
        for (int i = 0; it.hasNext(); i++) {
            boxed[i] = it.next();
        }
        Arrays.sort(boxed, byValue.thenComparing((a, b) -> ids[a].compareTo(ids[b])));
        int[] order = new int[boxed.length];
        int[] rank = new int[ordinals.size()];
        Arrays.fill(rank, -1);
        int valued = 0;
        for (int i = 0; i < order.length; i++) {
            int p = boxed[i];
            order[i] = p;
            boolean tie = i > 0 && field != ProductSortField.ID && byValue.compare(order[i - 1], p) == 0;
            rank[p] = tie ? rank[order[i - 1]] : i;
            if (field != ProductSortField.PRICE || !Double.isNaN(prices[p])) {
                valued++;
            }
        }
        return new SortedColumns.Sorted(order, rank, valued);
    }

    /** Orders doubles as their decimals: -0.0 equals 0.0 (no NaN reaches here). */
    private static int compareDoubles(double a, double b) {
        return a < b ? -1 : a > b ? 1 : 0;
    }
}
