package dev.kggateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.Product;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Per-instance result caches (Caffeine).
 *
 * <p>Products are cached by id and invalidated exactly when a write touches them. Everything derived from many products
 * — pages, counts, similarity rankings, statistics — is keyed by a generation number that every write bumps: a write
 * can change any ranking that shares a property with the written product, and tracking those dependencies costs more
 * than recomputing (see README, "Caching"). Both caches only keep a value computed entirely after the last write it
 * could have missed: a reader racing a write never re-inserts what the write made stale.
 */
@ApplicationScoped
public class ResultCache {

    private final boolean enabled;
    private final Duration ttl;
    private final Cache<String, Optional<Product>> products;
    private final Cache<String, Optional<Product>> summaries;
    private final Cache<Object, Object> results;
    private final AtomicLong generation = new AtomicLong();
    /** Bumped when every product may have changed (bulk load). */
    private final AtomicLong epoch = new AtomicLong();
    private final Map<String, Long> productStamps = new ConcurrentHashMap<>();

    @Inject
    public ResultCache(KgConfig config, MeterRegistry registry) {
        this.enabled = config.cache().enabled();
        this.ttl = config.cache().ttl();
        this.products = newCache(config.cache().productsSize());
        this.summaries = newCache(config.cache().productsSize());
        this.results = newCache(config.cache().resultsSize());
        CaffeineCacheMetrics.monitor(registry, products, "kg-products");
        CaffeineCacheMetrics.monitor(registry, summaries, "kg-product-summaries");
        CaffeineCacheMetrics.monitor(registry, results, "kg-results");
    }

    /** A cache of at most {@code size} entries, each kept for the TTL, with the statistics its metrics read. */
    private <K, V> Cache<K, V> newCache(long size) {
        return Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl).recordStats().build();
    }

    private record Key(long generation, Object key) {
    }

    /** A derived result: computed once per generation and key. */
    @SuppressWarnings("unchecked")
    public <T> T result(Object key, Supplier<T> compute) {
        if (!enabled) {
            return compute.get();
        }
        long g = generation.get();
        Key k = new Key(g, key);
        Object cached = results.getIfPresent(k);
        if (cached != null) {
            return (T) cached;
        }
        T value = compute.get();
        if (value != null && generation.get() == g) {
            results.put(k, value);
        }
        return value;
    }

    /** Products by id (absent ids map to empty), loading the missing ones in one call. */
    public Map<String, Optional<Product>> products(Collection<String> ids,
            Function<List<String>, Map<String, Product>> load) {
        return cached(ids, load, products, null);
    }

    /**
     * Product summaries (fields only, links empty) by id, for responses that do not select links: a product cached
     * with its links serves too (it has the same fields); the others are loaded in one call and kept apart from the
     * products, invalidated alike.
     */
    public Map<String, Optional<Product>> summaries(Collection<String> ids,
            Function<List<String>, Map<String, Product>> load) {
        return cached(ids, load, summaries, products);
    }

    private Map<String, Optional<Product>> cached(Collection<String> ids,
            Function<List<String>, Map<String, Product>> load, Cache<String, Optional<Product>> cache,
            Cache<String, Optional<Product>> alsoServing) {
        Map<String, Optional<Product>> found = new HashMap<>();
        if (!enabled) {
            Map<String, Product> loaded = load.apply(List.copyOf(ids));
            ids.forEach(id -> found.put(id, Optional.ofNullable(loaded.get(id))));
            return found;
        }
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Optional<Product> cached = cache.getIfPresent(id);
            if (cached == null && alsoServing != null) {
                cached = alsoServing.getIfPresent(id);
            }
            if (cached != null) {
                found.put(id, cached);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            long epochBefore = epoch.get();
            Map<String, Long> stamps = new HashMap<>();
            missing.forEach(id -> stamps.put(id, productStamps.getOrDefault(id, 0L)));
            Map<String, Product> loaded = load.apply(missing);
            for (String id : missing) {
                Optional<Product> value = Optional.ofNullable(loaded.get(id));
                found.put(id, value);
                if (epoch.get() == epochBefore && productStamps.getOrDefault(id, 0L).equals(stamps.get(id))) {
                    cache.put(id, value);
                }
            }
        }
        return found;
    }

    /**
     * Called after every committed write, after the in-memory indexes applied it (a later priority): a ranking
     * computed after the generation bump already reads the updated index.
     */
    void onChange(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER)
            dev.kggateway.domain.ProductsCommitted change) {
        generation.incrementAndGet();
        if (change.productIds() == null) {
            epoch.incrementAndGet();
            products.invalidateAll();
            summaries.invalidateAll();
            return;
        }
        for (String id : change.productIds()) {
            productStamps.merge(id, 1L, Long::sum);
            products.invalidate(id);
            summaries.invalidate(id);
        }
    }

    /** Bumped by every committed write through this instance (HTTP ETags of GET queries derive from it). */
    public long generation() {
        return generation.get();
    }

    /** Longest time a derived result is served. */
    public Duration ttl() {
        return ttl;
    }

    public boolean enabled() {
        return enabled;
    }
}
