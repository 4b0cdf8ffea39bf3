package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import java.util.Set;
import org.eclipse.rdf4j.repository.Repository;

/** Creates the RDF4J repository the gateway talks to; one implementation per {@code kg.store.kind}. */
public interface GraphRepositoryFactory {

    KgConfig.StoreKind kind();

    /** Opens the repository; called once at startup. */
    Repository open(KgConfig config);

    /** Short human description for logs and health output (no credentials). */
    String describe(KgConfig config);

    /** What this store can do with this configuration; the rest of the code asks for these by name. */
    Set<StoreCapability> capabilities(KgConfig config);
}
