package dev.kggateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.config.KgConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;
import org.junit.jupiter.api.Test;

/**
 * {@code kg.store.lmdb.*} reach the real LMDB store: the keys through the config mapping and
 * {@link EmbeddedRepositoryFactory#open}, down to the sizes of RDF4J's own caches, and the value cache's size shows in
 * what a read returns.
 */
class LmdbCacheSizesTest {

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    @Test
    void configuredSizesReachTheStoresCaches() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "lmdb-cache-sizes-");
        KgConfig config = config(Map.of("kg.store.path", dir.toString(),
                "kg.store.lmdb.value-cache-size", "4096", "kg.store.lmdb.value-id-cache-size", "2048",
                "kg.store.lmdb.namespace-cache-size", "300", "kg.store.lmdb.namespace-id-cache-size", "200"));
        Repository repository = new EmbeddedRepositoryFactory().open(config);
        try {
            Object valueStore = valueStore(repository);
            assertEquals(4096, ((AtomicReferenceArray<?>) field(valueStore, "valueCache")).length());
            assertEquals(2048, capacity(field(valueStore, "valueIDCache")));
            assertEquals(300, capacity(field(valueStore, "namespaceCache")));
            assertEquals(200, capacity(field(valueStore, "namespaceIDCache")));
        } finally {
            repository.shutDown();
        }
    }

    @Test
    void unsetKeysKeepRdf4jsOwnSizes() {
        KgConfig config = config(Map.of());
        assertEquals(LmdbCacheSizes.RDF4J_DEFAULTS, LmdbCacheSizes.of(config.store().lmdb()));
    }

    @Test
    void aSizeBelowOneIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LmdbCacheSizes.of(config(Map.of("kg.store.lmdb.value-cache-size", "0")).store().lmdb()));
        assertTrue(e.getMessage().contains("kg.store.lmdb.value-cache-size"), e.getMessage());
    }

    /**
     * Read back, a value still in the id-to-value cache is the very object the first read made; a value evicted from
     * it is made again. 3,000 literals fit a 65,536-slot cache and not a 1-slot one.
     */
    @Test
    void theValueCacheSizeDecidesWhatASecondReadReuses() throws Exception {
        assertTrue(reusedOnSecondRead(65_536) >= 2_700);
        assertTrue(reusedOnSecondRead(1) <= 300);
    }

    private static int reusedOnSecondRead(int valueCacheSize) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "lmdb-value-cache-");
        LmdbCacheSizes sizes = new LmdbCacheSizes(valueCacheSize, 128, 64, 32);
        SailRepository repository = new SailRepository(EmbeddedRepositoryFactory.sail(KgConfig.EmbeddedEngine.LMDB,
                dir.toFile(), "spoc,posc", false, 1L << 30, sizes));
        repository.init();
        try {
            List<Statement> statements = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                statements.add(VF.createStatement(VF.createIRI("urn:p:" + i), VF.createIRI("urn:v"),
                        VF.createLiteral("value " + i), VF.createIRI("urn:g")));
            }
            try (RepositoryConnection c = repository.getConnection()) {
                c.add(statements);
            }
            Map<Value, Value> first = new IdentityHashMap<>();
            try (RepositoryConnection c = repository.getConnection()) {
                c.getStatements(null, VF.createIRI("urn:v"), null, false).forEach(s -> first.put(s.getObject(), s.getObject()));
                assertEquals(3_000, first.size());
                int[] reused = {0};
                c.getStatements(null, VF.createIRI("urn:v"), null, false).forEach(s -> {
                    if (first.containsKey(s.getObject())) {
                        reused[0]++;
                    }
                });
                return reused[0];
            }
        } finally {
            repository.shutDown();
        }
    }

    private static KgConfig config(Map<String, String> properties) {
        // Quarkus' own converters for the mapping's durations and memory sizes, as the application has them.
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(KgConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return config.getConfigMapping(KgConfig.class);
    }

    // RDF4J exposes neither the store's ValueStore nor its caches' sizes: read them where the store keeps them.
    private static Object valueStore(Repository repository) throws ReflectiveOperationException {
        LmdbStore sail = (LmdbStore) ((SailRepository) repository).getSail();
        return field(field(sail, "backingStore"), "valueStore");
    }

    private static int capacity(Object concurrentCache) throws ReflectiveOperationException {
        return (int) field(concurrentCache, "capacity");
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
    }
}
