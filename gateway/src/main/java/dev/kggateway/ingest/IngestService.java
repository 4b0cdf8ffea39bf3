package dev.kggateway.ingest;

import dev.kggateway.config.KgConfig;
import dev.kggateway.domain.Ids;
import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductVersion;
import dev.kggateway.domain.PropertyIds;
import dev.kggateway.domain.PropertyLink;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.PropertySource;
import dev.kggateway.domain.error.ApiException;
import dev.kggateway.domain.error.InvalidArgumentException;
import dev.kggateway.domain.error.LimitExceededException;
import dev.kggateway.domain.error.ModelUnavailableException;
import dev.kggateway.ner.ExtractedProperty;
import dev.kggateway.ner.PropertyExtractor;
import dev.kggateway.ner.contract.PropertyValues;
import dev.kggateway.store.ProductRepository;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Write side: validates product input, enriches descriptions with the NER model in one batch, merges vendor and model
 * properties and writes each product version atomically.
 */
@ApplicationScoped
public class IngestService {

    @Inject
    ProductRepository products;

    @Inject
    Instance<PropertyExtractor> extractors;

    @Inject
    KgConfig config;

    @Inject
    EnrichmentThreshold threshold;

    /** Upserts one product; errors are thrown (the GraphQL layer turns them into coded errors). */
    public Product addProduct(ProductInput input) {
        Validated v = validate(input);
        ProductVersion version = enrich(List.of(v)).get(0);
        products.replaceAll(List.of(version));
        return version.product(); // as it now stands in the store, links included (no read-back needed)
    }

    /** Upserts a batch; an invalid item is reported with its index and does not stop the others. */
    public IngestReport addProducts(List<ProductInput> inputs) {
        long start = System.nanoTime();
        if (inputs == null || inputs.isEmpty()) {
            throw new InvalidArgumentException("inputs must not be empty");
        }
        if (inputs.size() > config.ingest().maxBatch()) {
            throw new LimitExceededException("at most " + config.ingest().maxBatch() + " products per call, got "
                    + inputs.size());
        }
        List<IngestError> errors = new ArrayList<>();
        Map<String, Integer> lastIndexOfId = new HashMap<>();
        List<Validated> valid = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ProductInput in = inputs.get(i);
            try {
                Validated v = validate(in);
                v.index = i;
                valid.add(v);
                lastIndexOfId.put(v.product.id(), i);
            } catch (ApiException e) {
                errors.add(new IngestError(i, in == null ? null : in.id, IngestErrorCode.of(e), e.getMessage()));
            }
        }
        // The same id twice in one batch: the later item wins, as if sent one after the other.
        valid.removeIf(v -> lastIndexOfId.get(v.product.id()) != v.index);
        int chunk = Math.max(1, config.ingest().writeChunk());
        int part = config.ingest().enrichPart();
        boolean toEnrich = valid.stream().anyMatch(v -> v.enrich);
        if (toEnrich && extractors.isResolvable() && part > 0 && valid.size() > part) {
            return pipelined(valid, errors, chunk, part, start);
        }
        List<Pending> pending = new ArrayList<>();
        try {
            List<ProductVersion> records = enrich(valid);
            for (int k = 0; k < valid.size(); k++) {
                pending.add(new Pending(valid.get(k).index, records.get(k)));
            }
        } catch (ModelUnavailableException e) {
            for (Validated v : valid) {
                if (v.enrich) {
                    errors.add(new IngestError(v.index, v.product.id(), IngestErrorCode.of(e), e.getMessage()));
                } else {
                    pending.add(new Pending(v.index, vendorOnly(v)));
                }
            }
        }
        Set<String> existing = products.existing(pending.stream().map(p -> p.record.product().id()).toList());
        Counts counts = new Counts();
        for (int from = 0; from < pending.size(); from += chunk) {
            List<Pending> written = pending.subList(from, Math.min(pending.size(), from + chunk));
            try {
                products.replaceAll(written.stream().map(p -> p.record).toList());
            } catch (ApiException e) {
                written.forEach(p -> errors.add(new IngestError(p.index, p.record.product().id(), IngestErrorCode.of(e), e.getMessage())));
                continue;
            }
            written.forEach(p -> counts.count(p.record, existing));
        }
        return counts.report(errors, start);
    }

    /**
     * addProducts with the model reading part k+1 ({@code kg.ingest.enrich-part} descriptions) on an enrichment thread
     * while the caller writes part k into its write chunk's open transaction. Outcomes as in the sequential path:
     * each write chunk is one transaction; no chunk commits before every part was enriched, so a model failure
     * writes nothing and fails the call with the model's error; a failed chunk fails only its own items.
     */
    private IngestReport pipelined(List<Validated> valid, List<IngestError> errors, int chunk, int part, long start) {
        PropertyExtractor extractor = extractor();
        List<List<Validated>> parts = new ArrayList<>();
        List<List<Integer>> partsOfChunk = new ArrayList<>();
        for (int from = 0; from < valid.size(); from += chunk) {
            List<Integer> mine = new ArrayList<>();
            for (int p = from, to = Math.min(valid.size(), from + chunk); p < to; p += part) {
                mine.add(parts.size());
                parts.add(valid.subList(p, Math.min(to, p + part)));
            }
            partsOfChunk.add(mine);
        }
        List<CompletableFuture<List<ProductVersion>>> enriched = new ArrayList<>(parts.size());
        parts.forEach(p -> enriched.add(new CompletableFuture<>()));
        AtomicBoolean abandoned = new AtomicBoolean();
        enrichThreads.execute(() -> {
            for (int i = 0; i < parts.size(); i++) {
                if (abandoned.get()) {
                    enriched.get(i).cancel(false);
                    continue;
                }
                try {
                    enriched.get(i).complete(enrich(parts.get(i), extractor));
                } catch (RuntimeException | Error e) {
                    for (int k = i; k < parts.size(); k++) {
                        enriched.get(k).completeExceptionally(e);
                    }
                    return;
                }
            }
        });
        Set<String> existing = products.existing(valid.stream().map(Validated::id).toList());
        CompletableFuture<Void> all = CompletableFuture.allOf(enriched.toArray(new CompletableFuture<?>[0]));
        Counts counts = new Counts();
        try {
            for (List<Integer> mine : partsOfChunk) {
                List<Supplier<List<ProductVersion>>> suppliers = new ArrayList<>();
                mine.forEach(i -> suppliers.add(() -> EnrichmentFailed.await(enriched.get(i))));
                suppliers.add(() -> { // no chunk commits before every part was enriched: a model failure writes nothing
                    EnrichmentFailed.await(all);
                    return List.of();
                });
                try {
                    products.replaceAllInParts(suppliers);
                } catch (ApiException e) {
                    mine.forEach(i -> parts.get(i).forEach(v -> errors.add(new IngestError(v.index, v.id(),
                            IngestErrorCode.of(e), e.getMessage()))));
                    continue;
                }
                mine.forEach(i -> enriched.get(i).join().forEach(r -> counts.count(r, existing)));
            }
        } catch (EnrichmentFailed e) {
            throw e.modelError();
        } finally {
            abandoned.set(true);
        }
        return counts.report(errors, start);
    }

    /** The model's failure while a write waited for its part: rethrown as the call's error, as if unpipelined. */
    private static final class EnrichmentFailed extends RuntimeException {
        EnrichmentFailed(Throwable cause) {
            super(cause.getMessage(), cause);
        }

        static <T> T await(CompletableFuture<T> part) {
            try {
                return part.join();
            } catch (CompletionException | CancellationException e) {
                throw new EnrichmentFailed(e.getCause() != null ? e.getCause() : e);
            }
        }

        RuntimeException modelError() {
            if (getCause() instanceof Error error) {
                throw error;
            }
            return getCause() instanceof RuntimeException r ? r : this;
        }
    }

    /** added / updated / enriched of the written items. */
    private static final class Counts {
        int added;
        int updated;
        int enriched;

        void count(ProductVersion record, Set<String> existing) {
            if (existing.contains(record.product().id())) {
                updated++;
            } else {
                added++;
            }
            if (record.enrichedWith() != null) {
                enriched++;
            }
        }

        IngestReport report(List<IngestError> errors, long start) {
            errors.sort(Comparator.comparingInt(IngestError::index));
            return new IngestReport(added, updated, errors.size(), enriched, errors, (System.nanoTime() - start) / 1e6);
        }
    }

    private record Pending(int index, ProductVersion record) {
    }

    /** Runs the model over the next parts of a pipelined batch ({@link #pipelined}); a thread per batch in flight. */
    private final ExecutorService enrichThreads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ingest-enrich-" + ENRICH_THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private static final AtomicInteger ENRICH_THREADS = new AtomicInteger();

    @PreDestroy
    void close() {
        enrichThreads.shutdownNow();
    }

    public boolean removeProduct(String id) {
        return products.remove(Ids.productId(id));
    }

    /**
     * The model's reading of a text, without writing anything: every property it finds that could become a node, with
     * the threshold ingest would apply to it.
     */
    public Preview preview(String text) {
        return preview(List.of(text)).get(0);
    }

    /** {@link #preview(String)} for several texts in one model batch (evaluation). */
    public List<Preview> preview(List<String> texts) {
        texts.forEach(text -> Ids.text("text", text, config.ingest().maxDescriptionLength()));
        PropertyExtractor extractor = extractor();
        EnrichmentThreshold.Threshold used = threshold.of(extractor.model());
        return extractor.extract(texts).stream()
                .map(found -> new Preview(found.stream().filter(e -> node(e) != null).toList(), used)).toList();
    }

    /** What {@link #preview} found and the threshold links are written at. */
    public record Preview(List<ExtractedProperty> properties, EnrichmentThreshold.Threshold threshold) {
    }

    PropertyExtractor extractor() {
        if (!extractors.isResolvable()) {
            throw new ModelUnavailableException("no NER model is loaded in this instance (kg.ner.enabled=false)");
        }
        return extractors.get();
    }

    /** An input that passed the API's validation: its product and normalised vendor property nodes. */
    public static final class Validated {
        Product product;
        List<PropertyNode> vendor;
        boolean enrich;
        int index;

        public String id() {
            return product.id();
        }
    }

    /**
     * The API's validation of one input (throws the {@link dev.kggateway.domain.error.ApiException} the API would
     * answer with); bulk load validates each line once with it and hands the results to {@link #records}.
     */
    public Validated validate(ProductInput in) {
        Validated v = new Validated();
        int max = config.ingest().maxDescriptionLength();
        if (in != null && in.description != null && in.description.length() > max) {
            throw new LimitExceededException("description is longer than " + max + " characters");
        }
        v.product = ProductInputs.product(in, max);
        v.vendor = ProductInputs.vendorProperties(in);
        v.enrich = !Boolean.FALSE.equals(in.enrich) && v.product.description() != null
                && !v.product.description().isBlank();
        return v;
    }

    private static ProductVersion vendorOnly(Validated v) {
        String id = v.product.id();
        return ProductVersion.of(v.product, v.vendor.stream().map(n -> PropertyLink.vendor(id, n)).toList(), null);
    }

    /** Runs the model once over every description to enrich and merges its output with the vendor properties. */
    private List<ProductVersion> enrich(List<Validated> items) {
        return enrich(items, items.stream().anyMatch(v -> v.enrich) ? extractor() : null);
    }

    private List<ProductVersion> enrich(List<Validated> items, PropertyExtractor extractor) {
        List<Validated> toEnrich = items.stream().filter(v -> v.enrich).toList();
        Map<Validated, List<ExtractedProperty>> extracted = new HashMap<>();
        String modelTag = null;
        EnrichmentThreshold.Threshold minConfidence = null;
        if (!toEnrich.isEmpty()) {
            modelTag = extractor.model().tag();
            minConfidence = threshold.of(extractor.model());
            List<List<ExtractedProperty>> results = extractor.extract(
                    toEnrich.stream().map(v -> v.product.description()).toList());
            for (int i = 0; i < toEnrich.size(); i++) {
                extracted.put(toEnrich.get(i), results.get(i));
            }
        }
        List<ProductVersion> records = new ArrayList<>(items.size());
        for (Validated v : items) {
            records.add(merge(v.product, v.vendor, extracted.get(v), v.enrich ? modelTag : null, minConfidence));
        }
        return records;
    }

    /**
     * Vendor links win; a model result for the same node is kept on the vendor link as agreement (whatever its
     * confidence). Other model results become links only at their type's {@code minConfidence} or above.
     */
    static ProductVersion merge(Product product, List<PropertyNode> vendorNodes, List<ExtractedProperty> extracted,
            String modelTag, EnrichmentThreshold.Threshold minConfidence) {
        String id = product.id();
        Map<String, PropertyLink> links = new LinkedHashMap<>();
        for (PropertyNode node : vendorNodes) {
            links.put(node.id(), PropertyLink.vendor(id, node));
        }
        if (extracted != null) {
            for (ExtractedProperty e : extracted) {
                PropertyNode node = node(e);
                if (node == null) {
                    continue;
                }
                PropertyLink vendor = links.get(node.id());
                double confidence = e.confidence();
                if (vendor != null && vendor.isVendor()) {
                    if (vendor.confidence() == null || vendor.confidence() < confidence) {
                        links.put(node.id(), new PropertyLink(id, node, PropertySource.VENDOR, confidence, modelTag));
                    }
                } else if (!minConfidence.keeps(e.type(), confidence)) {
                    continue; // too unsure to become a node other products share
                } else if (vendor == null || vendor.confidence() < confidence) {
                    links.put(node.id(), new PropertyLink(id, node, PropertySource.NER, confidence, modelTag));
                }
            }
        }
        return ProductVersion.of(product, links.values(), modelTag);
    }

    /**
     * The node a model result would link to, or null when its value cannot be one: no letter or digit, over-long,
     * only function words (ner-contract {@link PropertyValues}, as the trainer's evaluation drops them).
     */
    private static PropertyNode node(ExtractedProperty e) {
        try {
            String value = Ids.propertyValue(e.value());
            return PropertyValues.plausible(value) ? PropertyIds.node(Ids.propertyType(e.type()), value) : null;
        } catch (ApiException invalid) {
            return null;
        }
    }

    /** The threshold model links of the loaded model are written at (for reports and the preview). */
    public EnrichmentThreshold.Threshold threshold() {
        return threshold.of(extractor().model());
    }

    /**
     * Records for inputs the caller already validated ({@link #validate}; bulk load), enriched in one model batch when
     * a model is loaded and the input asks for it; vendor links only when no model is available. Writes nothing.
     */
    public List<ProductVersion> records(List<Validated> valid) {
        if (!extractors.isResolvable()) {
            return valid.stream().map(IngestService::vendorOnly).toList();
        }
        return enrich(valid);
    }

}
