package dev.kggateway.store;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.jboss.logging.Logger;

/**
 * One-off repair of embedded stores written before property values {@code .} and {@code ..} got a marked segment
 * (see {@link Iris#repairedDotSegment(String)}): their nodes' IRIs ended in a dot-segment, which the embedded store
 * kept verbatim but which no longer parses as a canonical id. Runs at start-up before anything reads the store (the
 * similarity index build, the sample load); finds the nodes through the type index, so a store without such nodes
 * costs one scan of the property and extraction nodes. Remote stores resolved those IRIs on write and cannot be
 * repaired in place: see docs/production.md ("Property IRIs").
 */
@ApplicationScoped
public class DotSegmentIriMigration {

    private static final Logger LOG = Logger.getLogger(DotSegmentIriMigration.class);

    @Inject
    GraphStore store;

    @Inject
    Iris iris;

    @Inject
    StoreWrites writes;

    void onStart(@Observes @Priority(StoreRepairOnStart.PRIORITY + 1) StartupEvent event) {
        if (store.has(StoreCapability.LOCAL_TRANSACTIONS)) {
            migrate();
        }
    }

    /** Renames every legacy node; returns the number of statements rewritten. */
    public int migrate() {
        var vf = SimpleValueFactory.getInstance();
        Map<IRI, IRI> renames = new LinkedHashMap<>();
        for (IRI type : new IRI[] {Vocab.PROPERTY, Vocab.EXTRACTION}) {
            store.forEachStatement(null, RDF.TYPE, type, iris.catalogGraph(), st -> {
                String repaired = st.getSubject().isIRI() ? iris.repairedDotSegment(st.getSubject().stringValue()) : null;
                if (repaired != null) {
                    renames.put((IRI) st.getSubject(), vf.createIRI(repaired));
                }
            });
        }
        if (renames.isEmpty()) {
            return 0;
        }
        // At start-up neither index is built yet; a later call (tests, an operator's re-run) renames nodes the
        // indexes hold by their old ids, so both are rebuilt from the store, as after an RDF import.
        int rewritten = writes.commitEverything(() -> store.renameEmbedded(iris.catalogGraph(), renames));
        LOG.infof("Renamed %d property/extraction nodes whose IRI ended in a dot-segment (%d statements): %s",
                renames.size(), rewritten, renames.keySet());
        return rewritten;
    }
}
