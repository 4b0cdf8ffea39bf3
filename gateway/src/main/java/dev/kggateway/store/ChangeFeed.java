package dev.kggateway.store;

import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.Page;
import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.ProductsCommitted;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.Slice;
import dev.kggateway.domain.error.StoreUnavailableException;
import dev.kggateway.similarity.SimilarityIndex;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.eclipse.rdf4j.query.BindingSet;
import org.jboss.logging.Logger;

/**
 * Keeps a remote store's similarity index in step with every instance's writes. Each write to a remote store stamps
 * what it wrote in the same transaction ({@code fragments/change-feed.rq}: the store's clock and a token unique to the
 * write); this feed builds the index from the store in the background, then every {@code poll-period} asks for the
 * stamps at or after the latest one seen minus {@code overlap} (a write stamped before the latest one may commit
 * after it), re-reads the products whose token it has not seen yet and publishes them as a {@link ProductsCommitted},
 * which the index and the result cache observe: a removed product reads as absent. Re-reading is idempotent, so a
 * product seen twice, or written here and seen again, costs a read, never a wrong index. A stamp on
 * {@link Vocab#CATALOGUE} (RDF import, external bulk load) and every {@code rebuild-period} rebuild the index; a
 * store written before stamps existed is covered by the build at start.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    private static final ValueFactory VF = SimpleValueFactory.getInstance();
    /** Fewest products per read a rebuild splits a page it could not read into (see {@link #nodesOf}). */
    private static final int SMALLEST_SPLIT = 16;
    private static final Keyset FEED_ORDER = new Keyset(List.of(new Keyset.Term("modified", false, false),
            Keyset.Term.string("subject")));

    @Inject
    GraphStore store;

    @Inject
    Iris iris;

    @Inject
    KgConfig config;

    @Inject
    StoreWrites writes;

    @Inject
    ProductRepository products;

    @Inject
    SimilarityRepository similarity;

    @Inject
    MeterRegistry registry;

    private ScheduledExecutorService executor;
    private StoreSimilarityIndex target;
    private volatile boolean rebuildRequested;
    /** Below, all state is the feed thread's own. The latest stamp seen, by the store's clock; null: none yet. */
    private Instant latest;
    /** Token and stamp of each write seen within the overlap window: what a poll must not re-read. */
    private final Map<String, Seen> seen = new HashMap<>();
    private long lastRebuild;
    private volatile long polls;
    private volatile long productsRead;
    private volatile long ticksStarted;
    private volatile long ticksDone;

    private record Seen(String token, Instant modified) {
    }

    private boolean stamps() {
        return !store.has(StoreCapability.SINGLE_WRITER);
    }

    /** The stamp operation a remote write of these products ends with; empty on a single-writer store. */
    NamedQuery.Fragment stamp(List<String> productIds) {
        return stampOf(productIds.stream().map(iris::product).toList());
    }

    /** The stamp operation telling every instance that anything may have changed; empty on a single-writer store. */
    NamedQuery.Fragment stampEverything() {
        return stampOf(List.of(Vocab.CATALOGUE));
    }

    private NamedQuery.Fragment stampOf(List<IRI> subjects) {
        return stamps() ? NamedQuery.fragment("change-feed#stamp", "changes", iris.changesGraph(), "subjects", subjects)
                : NamedQuery.Fragment.EMPTY;
    }

    /** Stamps "anything may have changed" on its own (after a load that bypassed the gateway). */
    void markEverythingChanged() {
        if (stamps()) {
            store.update("stamp-everything", store.render("stamp-everything", Map.of("stamp", stampEverything())));
        }
    }

    /** Builds the index in the background, then polls; called once at start-up on a remote store. */
    synchronized void start(StoreSimilarityIndex index) {
        if (executor != null) {
            return;
        }
        checkTombstoneRetention();
        target = index;
        FunctionCounter.builder("kg.change.feed.products.read", this,
                f -> f.productsRead).description("Products the change feed re-read after other writes")
                .register(registry);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kg-change-feed");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, config.store().changeFeed().pollPeriod().toMillis());
        executor.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Asks for a rebuild at the next poll (an import through this instance). */
    void rebuildSoon() {
        rebuildRequested = true;
    }

    /**
     * Since start (diagnostics): polls made, products re-read, and runs of the feed's thread (a poll or a rebuild)
     * started and finished; a run that started after a moment has finished once runs finished exceed runs started at
     * that moment.
     */
    public long[] counts() {
        return new long[] {polls, productsRead, ticksStarted, ticksDone};
    }

    private void tick() {
        ticksStarted++;
        try {
            Duration rebuildPeriod = config.store().changeFeed().rebuildPeriod();
            boolean due = !rebuildPeriod.isZero() && System.nanoTime() - lastRebuild >= rebuildPeriod.toNanos();
            if (!target.ready() || rebuildRequested || due) {
                rebuild();
            } else {
                poll();
            }
        } catch (RuntimeException e) {
            // The store is down or slow: the index keeps what it has (SPARQL would fail alike) and the next poll
            // resumes from the latest stamp seen, so nothing written meanwhile is skipped.
            LOG.warnf("Change feed: %s; retrying in %s", e, config.store().changeFeed().pollPeriod());
        } finally {
            ticksDone++;
        }
    }

    /**
     * Builds the index from the store: every product id ({@link #allProductIds}), then their links and names a page at
     * a time.
     */
    void rebuild() {
        rebuildRequested = false;
        long start = System.nanoTime();
        // Writes stamped from here on are polled afterwards: note the latest stamp and the tokens already in the
        // window first, then read the products (a write between the two is read by both: idempotent).
        latest = latestStamp();
        seen.clear();
        poll(false);
        SimilarityIndex built = new SimilarityIndex();
        int size = config.store().changeFeed().pageSize();
        List<String> ids = allProductIds();
        for (int from = 0; from < ids.size(); from += size) {
            nodesOf(ids.subList(from, Math.min(ids.size(), from + size)))
                    .forEach((id, product) -> built.put(id, product.nodes(), product.name(), product.price(),
                            product.currency()));
        }
        int indexed = ids.size();
        target.install(built);
        lastRebuild = System.nanoTime();
        LOG.infof("Similarity index (remote store): %d products indexed in %d ms; following changes every %s",
                indexed, (lastRebuild - start) / 1_000_000, config.store().changeFeed().pollPeriod());
        pruneTombstones();
        // Writes that committed while the index was being built published to no index: catch up with them now
        // rather than a poll period later. Writes committing from here on are applied by their own events.
        poll();
    }

    /**
     * Every product id: in one unordered read, or, when the store cuts that read short (its query deadline, a very
     * large catalogue), in keyset pages of ids. One read costs the store one scan; keyset pages cost a scan and a
     * sort of the remaining ids each, i.e. the square of the catalogue over a build (at BSBM 100k on Fuseki: 168-377
     * ms a page, 40-45 s of a 70-100 s build).
     */
    List<String> allProductIds() {
        try {
            return products.allIdsBySparql();
        } catch (StoreUnavailableException e) {
            if (!StoreFailures.isCutShort(e)) {
                throw e;
            }
            LOG.infof("Change feed: the store cut the listing of all product ids short (%s); reading them in pages",
                    e.getMessage());
        }
        int size = config.store().changeFeed().pageSize();
        List<String> ids = new ArrayList<>();
        String after = null;
        Page<String> page;
        do {
            page = products.findIdsBySparql(ProductQuery.ALL, Slice.forward(size, after));
            ids.addAll(page.items());
            after = page.items().isEmpty() ? after : page.items().get(page.items().size() - 1);
        } while (page.hasNext());
        return ids;
    }

    /**
     * The nodes of a page of products; a page the store cannot answer in full within its query timeout (a loaded
     * store, products with many links) is read again in halves, down to {@link #SMALLEST_SPLIT} products, instead of
     * failing the whole rebuild at the same page at every tick.
     */
    Map<String, SimilarityRepository.Indexed> nodesOf(List<String> ids) {
        try {
            return similarity.nodesOf(ids);
        } catch (StoreUnavailableException e) {
            if (ids.size() <= SMALLEST_SPLIT || !StoreFailures.isCutShort(e)) {
                throw e;
            }
            int half = ids.size() / 2;
            LOG.infof("Change feed: a page of %d products was cut short (%s); reading it in halves", ids.size(),
                    e.getMessage());
            Map<String, SimilarityRepository.Indexed> nodes = new HashMap<>(nodesOf(ids.subList(0, half)));
            nodes.putAll(nodesOf(ids.subList(half, ids.size())));
            return nodes;
        }
    }

    /** One poll: publishes the products other writes changed since the latest stamp seen (minus the overlap). */
    void poll() {
        poll(true);
    }

    private void poll(boolean publish) {
        polls++;
        Set<String> changed = new LinkedHashSet<>();
        boolean everything = false;
        Map<String, Object> args = new HashMap<>();
        args.put("changes", iris.changesGraph());
        args.put("since", latest == null ? NamedQuery.Fragment.EMPTY
                : NamedQuery.fragment("change-feed#since", "since",
                        dateTime(latest.minus(config.store().changeFeed().overlap()))));
        List<Object> at = null;
        Page<BindingSet> page;
        do {
            page = FEED_ORDER.read(store, "products-changed-since", new HashMap<>(args), at,
                    config.store().changeFeed().pageSize(), false, row -> row);
            for (BindingSet row : page.items()) {
                String subject = row.getValue("subject").stringValue();
                Literal modifiedLiteral = (Literal) row.getValue("modified");
                Instant modified = modifiedLiteral.calendarValue().toGregorianCalendar().toInstant();
                Seen now = new Seen(row.getValue("token").stringValue(), modified);
                if (latest == null || modified.isAfter(latest)) {
                    latest = modified;
                }
                Seen before = seen.put(subject, now);
                if (before == null || !before.token().equals(now.token())) {
                    if (subject.equals(Vocab.CATALOGUE.stringValue())) {
                        everything = true;
                    } else {
                        changed.add(subject);
                    }
                }
                at = List.of(modifiedLiteral, VF.createLiteral(subject));
            }
        } while (page.hasNext());
        Instant windowStart = latest == null ? null : latest.minus(config.store().changeFeed().overlap());
        seen.values().removeIf(s -> windowStart != null && s.modified().isBefore(windowStart));
        if (!publish) {
            return;
        }
        if (everything) {
            rebuild();
        } else if (!changed.isEmpty()) {
            publish(changed);
        }
    }

    /** Re-reads the changed products and publishes them; those the store no longer holds as removed. */
    private void publish(Set<String> subjects) {
        List<String> ids = new ArrayList<>(subjects.size());
        for (String subject : subjects) {
            try {
                ids.add(iris.productId(subject));
            } catch (RuntimeException e) {
                LOG.warnf("Change feed: ignoring a stamp on %s, not a product of this namespace", subject);
            }
        }
        int size = config.store().changeFeed().pageSize();
        for (int from = 0; from < ids.size(); from += size) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + size));
            Map<String, Product> found = products.findByIds(batch);
            List<String> removed = batch.stream().filter(id -> !found.containsKey(id)).toList();
            productsRead += batch.size();
            writes.publish(ProductsCommitted.written(found.values(), removed));
        }
    }

    /**
     * Fails start-up when tombstones could be deleted before an instance that missed them rebuilds: only a full
     * rebuild replaces a poll that would have seen a removal, so the retention must outlast a rebuild period (plus the
     * overlap a poll looks back), and pruning needs the periodic rebuild on.
     */
    void checkTombstoneRetention() {
        KgConfig.Store.ChangeFeed feed = config.store().changeFeed();
        Duration retention = feed.tombstoneRetention();
        if (retention.isZero()) {
            return;
        }
        if (feed.rebuildPeriod().isZero() || retention.compareTo(feed.rebuildPeriod().plus(feed.overlap())) <= 0) {
            throw new IllegalStateException("kg.store.change-feed.tombstone-retention (" + retention
                    + ") must exceed kg.store.change-feed.rebuild-period (" + feed.rebuildPeriod()
                    + ", not 0) plus kg.store.change-feed.overlap (" + feed.overlap()
                    + "), or be 0 to keep tombstones forever");
        }
    }

    /**
     * Deletes tombstones older than the retention by the store's clock (the latest stamp seen, not this instance's
     * clock), so the feed's graph grows with the catalogue, not with every product ever removed. Every instance runs
     * it after its rebuild; the delete is idempotent.
     */
    void pruneTombstones() {
        Duration retention = config.store().changeFeed().tombstoneRetention();
        if (!retention.isZero() && latest != null) {
            pruneTombstonesBefore(latest.minus(retention));
        }
    }

    /** Deletes the stamps of subjects that are no longer products, stamped before {@code cutoff}. */
    void pruneTombstonesBefore(Instant cutoff) {
        store.update("prune-tombstones", store.render("prune-tombstones", Map.of("changes", iris.changesGraph(),
                "graph", iris.catalogGraph(), "cutoff", dateTime(cutoff))));
    }

    private static Literal dateTime(Instant instant) {
        return VF.createLiteral(instant.toString(), XSD.DATETIME);
    }

    private Instant latestStamp() {
        List<BindingSet> rows = store.select("change-feed-high-water", Map.of("changes", iris.changesGraph()));
        if (rows.isEmpty() || !rows.get(0).hasBinding("latest")) {
            return null;
        }
        return ((Literal) rows.get(0).getValue("latest")).calendarValue().toGregorianCalendar().toInstant();
    }
}
