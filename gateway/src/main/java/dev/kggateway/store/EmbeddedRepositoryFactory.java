package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.Sail;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;
import org.eclipse.rdf4j.sail.lmdb.config.LmdbStoreConfig;
import org.eclipse.rdf4j.sail.nativerdf.NativeStore;
import org.jboss.logging.Logger;

/** The default store: a persistent RDF4J store in {@code kg.store.path}, LMDB or NativeStore. */
@ApplicationScoped
public class EmbeddedRepositoryFactory implements GraphRepositoryFactory {

    private static final Logger LOG = Logger.getLogger(EmbeddedRepositoryFactory.class);

    @Override
    public KgConfig.StoreKind kind() {
        return KgConfig.StoreKind.EMBEDDED;
    }

    /** In this process, on local files, and nothing else writes them (LMDB and NativeStore lock their folder). */
    @Override
    public Set<StoreCapability> capabilities(KgConfig config) {
        return EnumSet.of(StoreCapability.SINGLE_WRITER, StoreCapability.LOCAL_TRANSACTIONS);
    }

    /** The engine's folder in {@code kg.store.path} ({@code lmdb/}, {@code native/}): what RDF4J locks and writes. */
    static Path folder(KgConfig config) {
        return Path.of(config.store().path(), config.store().engine().name().toLowerCase(Locale.ROOT));
    }

    @Override
    public Repository open(KgConfig config) {
        File dir = folder(config).toFile();
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IllegalStateException("cannot create store folder " + dir.getAbsolutePath());
        }
        if (config.store().engine() == KgConfig.EmbeddedEngine.LMDB) {
            try {
                LmdbCompaction.removeLeftovers(dir.toPath());
            } catch (IOException e) {
                // Only disk room is at stake: the store's own files are never the copy's.
                LOG.warnf("could not remove a compaction's leftover copy in %s: %s", dir, e);
            }
        }
        Sail sail = sail(config.store().engine(), dir, config.store().indexes(), config.store().forceSync(),
                config.store().mapSize().asLongValue(), LmdbCacheSizes.of(config.store().lmdb()));
        SailRepository repository = new SailRepository(sail);
        repository.init();
        if (config.store().engine() == KgConfig.EmbeddedEngine.LMDB) {
            // after init: LmdbStore maps its environments when it opens them
            LmdbReadahead.apply(dir.toPath(), config.store().lmdb().readAhead());
        }
        return repository;
    }

    /**
     * {@code forceSync}: durable commits, an acknowledged write survives a crash (kill -9, power loss); off only for
     * a bulk-load run, which syncs the files itself at the end ({@link GraphStore#syncToDisk}). {@code mapSize}: LMDB's
     * initial memory map size, of the triple and of the value store (see {@code kg.store.map-size}). {@code caches}:
     * LMDB's value caches ({@code kg.store.lmdb.*}; NativeStore keeps its own).
     */
    static Sail sail(KgConfig.EmbeddedEngine engine, File dir, String indexes, boolean forceSync, long mapSize,
            LmdbCacheSizes caches) {
        return switch (engine) {
            case LMDB -> {
                LmdbStoreConfig lmdb = new LmdbStoreConfig(indexes);
                lmdb.setForceSync(forceSync);
                lmdb.setTripleDBSize(mapSize);
                lmdb.setValueDBSize(mapSize);
                caches.applyTo(lmdb);
                yield new LmdbStore(dir, lmdb);
            }
            case NATIVE -> {
                NativeStore store = new NativeStore(dir, indexes);
                store.setForceSync(forceSync);
                yield store;
            }
        };
    }

    @Override
    public String describe(KgConfig config) {
        return "embedded " + config.store().engine().name().toLowerCase() + " store at "
                + new File(config.store().path()).getAbsolutePath();
    }
}
