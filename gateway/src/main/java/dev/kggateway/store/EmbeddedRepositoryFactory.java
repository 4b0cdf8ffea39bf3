package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.Sail;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;
import org.eclipse.rdf4j.sail.lmdb.config.LmdbStoreConfig;
import org.eclipse.rdf4j.sail.nativerdf.NativeStore;

/** The default store: a persistent RDF4J store in {@code kg.store.path}, LMDB or NativeStore. */
@ApplicationScoped
public class EmbeddedRepositoryFactory implements GraphRepositoryFactory {

    @Override
    public KgConfig.StoreKind kind() {
        return KgConfig.StoreKind.EMBEDDED;
    }

    /** In this process, on local files, and nothing else writes them (LMDB and NativeStore lock their folder). */
    @Override
    public Set<StoreCapability> capabilities(KgConfig config) {
        return EnumSet.of(StoreCapability.SINGLE_WRITER, StoreCapability.LOCAL_TRANSACTIONS);
    }

    @Override
    public Repository open(KgConfig config) {
        File dir = new File(config.store().path(), config.store().engine().name().toLowerCase());
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IllegalStateException("cannot create store folder " + dir.getAbsolutePath());
        }
        Sail sail = sail(config.store().engine(), dir, config.store().indexes(), config.store().forceSync());
        SailRepository repository = new SailRepository(sail);
        repository.init();
        if (!config.store().lmdbWriterThread() && sail instanceof LmdbStore lmdb) {
            withoutWriterThread(lmdb);
        }
        return repository;
    }

    /**
     * Turns off the LMDB store's separate triple-writer thread (kg.store.lmdb-writer-thread=false). RDF4J 5.1 has no
     * setting for it, only the package-private flag {@code LmdbSailStore.enableMultiThreading}, read at the start of
     * each transaction; EmbeddedRepositoryFactoryTest fails if an RDF4J upgrade renames it. If it cannot be set the
     * store keeps its writer thread (correct, only slower on a busy machine).
     */
    static boolean withoutWriterThread(LmdbStore lmdb) {
        try {
            java.lang.reflect.Field backing = LmdbStore.class.getDeclaredField("backingStore");
            backing.setAccessible(true);
            Object store = backing.get(lmdb);
            java.lang.reflect.Field flag = store.getClass().getDeclaredField("enableMultiThreading");
            flag.setAccessible(true);
            flag.setBoolean(store, false);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            org.jboss.logging.Logger.getLogger(EmbeddedRepositoryFactory.class).warnf(
                    "kg.store.lmdb-writer-thread=false not applied (%s): LMDB keeps its writer thread", e);
            return false;
        }
    }

    /**
     * {@code forceSync}: durable commits, an acknowledged write survives a crash (kill -9, power loss); off only for
     * a bulk-load run, which syncs the files itself at the end ({@link GraphStore#syncToDisk}).
     */
    static Sail sail(KgConfig.EmbeddedEngine engine, File dir, String indexes, boolean forceSync) {
        return switch (engine) {
            case LMDB -> {
                LmdbStoreConfig lmdb = new LmdbStoreConfig(indexes);
                lmdb.setForceSync(forceSync);
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
