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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * In-memory listing index of the embedded store, where this process is the only writer: a product listing (filter,
 * order, keyset page, totalCount, facets, priceStats) becomes bitmap algebra and a top-k scan over columns instead of
 * SPARQL scans of every filtered product. Products get dense int ordinals; each property node, property type and
 * (lower-cased) manufacturer has a {@link RoaringBitmap} of its products; names (lower-cased), prices, ids and
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
    private final Map<String, Integer> ordinals = new HashMap<>();
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

    private final Map<PropertyNode, Integer> nodeOrdinals = new HashMap<>();
    private final List<PropertyNode> nodes = new ArrayList<>();
    private final List<RoaringBitmap> nodeProducts = new ArrayList<>();
    private final Map<String, List<Integer>> nodesOfType = new HashMap<>();
    private final Map<String, RoaringBitmap> typeProducts = new HashMap<>();
    private final Map<String, Integer> manufacturerOrdinals = new HashMap<>();
    private final List<RoaringBitmap> manufacturerProducts = new ArrayList<>();
    private long links;
    private volatile String inexact;
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
            Integer existing = ordinals.get(entry.id());
            int p;
            if (existing != null) {
                p = existing;
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
                int n = nodeOrdinals.computeIfAbsent(node, k -> {
                    nodes.add(k);
                    nodeProducts.add(new RoaringBitmap());
                    nodesOfType.computeIfAbsent(k.type(), t -> new ArrayList<>()).add(nodes.size() - 1);
                    return nodes.size() - 1;
                });
                nodeProducts.get(n).add(p);
                typeProducts.computeIfAbsent(node.type(), t -> new RoaringBitmap()).add(p);
                own[i++] = n;
            }
            productNodes[p] = own;
            links += own.length;
            alive.add(p);
            forgetMatches();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes a product; unknown ids are ignored. */
    public void remove(String id) {
        lock.writeLock().lock();
        try {
            Integer p = ordinals.get(id);
            if (p != null && alive.contains(p)) {
                unlink(p);
                alive.remove(p);
                forgetMatches();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void unlink(int p) {
        if (productNodes[p] != null) {
            for (int n : productNodes[p]) {
                nodeProducts.get(n).remove(p);
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
                Integer n = nodeOrdinals.get(node);
                counts.put(node.id(), n == null ? 0 : nodeProducts.get(n).getCardinality());
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
            List<Integer> candidates = new ArrayList<>();
            for (String type : wanted) {
                candidates.addAll(nodesOfType.getOrDefault(type, List.of()));
            }
            int[] counts = countPerNode(matching, candidates);
            Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
            for (String type : wanted.stream().sorted().toList()) {
                List<FacetValue> values = new ArrayList<>();
                for (int n : nodesOfType.getOrDefault(type, List.of())) {
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
    private int[] countPerNode(RoaringBitmap matching, List<Integer> candidates) {
        int[] counts = new int[nodes.size()];
        long walk = (long) matching.getCardinality() * Math.max(1, links / Math.max(1, alive.getCardinality()));
        if ((long) candidates.size() * 64 <= walk) {
            for (int n : candidates) {
                counts[n] = RoaringBitmap.andCardinality(nodeProducts.get(n), matching);
            }
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
     * it owns (ids and lower-cased names, compact Latin-1 strings counted at 1 byte a char plus 40 bytes overhead).
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
            bytes += ordinals.size() * 64L; // HashMap entry + boxed ordinal
            bytes += alive.getLongSizeInBytes() + irregularPrices.getLongSizeInBytes();
            for (RoaringBitmap b : nodeProducts) {
                bytes += b.getLongSizeInBytes() + 120; // + node record, map entry
            }
            for (RoaringBitmap b : typeProducts.values()) {
                bytes += b.getLongSizeInBytes();
            }
            for (RoaringBitmap b : manufacturerProducts) {
                bytes += b.getLongSizeInBytes();
            }
            return bytes;
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

    private RoaringBitmap products(PropertyNode node) {
        Integer n = nodeOrdinals.get(node);
        return n == null ? EMPTY : nodeProducts.get(n);
    }

    private RoaringBitmap manufacturer(String lowerCased) {
        Integer m = manufacturerOrdinals.get(lowerCased);
        return m == null ? EMPTY : manufacturerProducts.get(m);
    }

    /**
     * The products of {@code r} with a price in one of the inclusive ranges (an unpriced product is in none). The
     * result is set as words of a bit set and converted once ({@link BitSetUtil}): adding tens of thousands of ints
     * one by one to a bitmap costs more than the whole rest of a listing. A large {@code r} is intersected with a scan
     * of the price column instead of being iterated.
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
        if (scan) {
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
        return new ProductPosition(java.util.Collections.unmodifiableList(values));
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
        }

        /** Listing order of two products, in reading direction. */
        int compare(int a, int b) {
            for (ProductOrdering.Key key : keys) {
                int c;
                switch (key.field()) {
                    case NAME -> c = nameKeys[a].compareTo(nameKeys[b]);
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
                    case ID -> c = ids[a].compareTo(ids[b]);
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
            for (ProductOrdering.Key key : keys) {
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
            // Max-heap (by reading order) of the k first seen so far: its root is the one to evict.
            int[] heap = new int[k];
            int n = 0;
            IntIterator it = matching.getIntIterator();
            while (it.hasNext()) {
                int p = it.next();
                if (n == k && compare(p, heap[0]) >= 0) {
                    continue;
                }
                if (hasCursor && compareToCursor(p) <= 0) {
                    continue;
                }
                if (n < k) {
                    heap[n] = p;
                    siftUp(heap, n++);
                } else {
                    heap[0] = p;
                    siftDown(heap, n);
                }
            }
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

        private void siftUp(int[] heap, int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (compare(heap[i], heap[parent]) <= 0) {
                    return;
                }
                int t = heap[i];
                heap[i] = heap[parent];
                heap[parent] = t;
                i = parent;
            }
        }

        private void siftDown(int[] heap, int n) {
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
                int t = heap[i];
                heap[i] = heap[largest];
                heap[largest] = t;
                i = largest;
            }
        }
    }

    /** Orders doubles as their decimals: -0.0 equals 0.0 (no NaN reaches here). */
    private static int compareDoubles(double a, double b) {
        return a < b ? -1 : a > b ? 1 : 0;
    }
}
