package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import org.eclipse.rdf4j.repository.Repository;

/** Creates the RDF4J repository the gateway talks to; one implementation per {@code kg.store.kind}. */
public interface GraphRepositoryFactory {

    KgConfig.StoreKind kind();

    /** Opens the repository; called once at startup. */
    Repository open(KgConfig config);

    /** Short human description for logs and health output (no credentials). */
    String describe(KgConfig config);
}
