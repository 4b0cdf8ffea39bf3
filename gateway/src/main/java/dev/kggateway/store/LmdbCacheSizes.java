package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import org.eclipse.rdf4j.sail.lmdb.config.LmdbStoreConfig;

/**
 * Entries of RDF4J LMDB's four value caches ({@code kg.store.lmdb.*}): id to value, value to id, and the same two for
 * IRI namespaces.
 */
record LmdbCacheSizes(int value, int valueId, int namespace, int namespaceId) {

    /** RDF4J 5.1.6's own sizes. */
    static final LmdbCacheSizes RDF4J_DEFAULTS = new LmdbCacheSizes(LmdbStoreConfig.VALUE_CACHE_SIZE,
            LmdbStoreConfig.VALUE_ID_CACHE_SIZE, LmdbStoreConfig.NAMESPACE_CACHE_SIZE,
            LmdbStoreConfig.NAMESPACE_ID_CACHE_SIZE);

    LmdbCacheSizes {
        // RDF4J silently takes its default for a negative size and fails on the first read for 0 (a modulo by the
        // cache's length): refuse both at start instead.
        positive("kg.store.lmdb.value-cache-size", value);
        positive("kg.store.lmdb.value-id-cache-size", valueId);
        positive("kg.store.lmdb.namespace-cache-size", namespace);
        positive("kg.store.lmdb.namespace-id-cache-size", namespaceId);
    }

    static LmdbCacheSizes of(KgConfig.Store.Lmdb config) {
        return new LmdbCacheSizes(config.valueCacheSize(), config.valueIdCacheSize(), config.namespaceCacheSize(),
                config.namespaceIdCacheSize());
    }

    void applyTo(LmdbStoreConfig lmdb) {
        lmdb.setValueCacheSize(value);
        lmdb.setValueIDCacheSize(valueId);
        lmdb.setNamespaceCacheSize(namespace);
        lmdb.setNamespaceIDCacheSize(namespaceId);
    }

    private static void positive(String key, int size) {
        if (size < 1) {
            throw new IllegalStateException(key + " must be at least 1, was " + size);
        }
    }
}
