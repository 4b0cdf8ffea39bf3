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
        int added = 0;
        int updated = 0;
        int enriched = 0;
        int chunk = Math.max(1, config.ingest().writeChunk());
        for (int from = 0; from < pending.size(); from += chunk) {
            List<Pending> part = pending.subList(from, Math.min(pending.size(), from + chunk));
            try {
                products.replaceAll(part.stream().map(p -> p.record).toList());
            } catch (ApiException e) {
                part.forEach(p -> errors.add(new IngestError(p.index, p.record.product().id(), IngestErrorCode.of(e), e.getMessage())));
                continue;
            }
            for (Pending p : part) {
                if (existing.contains(p.record.product().id())) {
                    updated++;
                } else {
                    added++;
                }
                if (p.record.enrichedWith() != null) {
                    enriched++;
                }
            }
        }
        errors.sort(Comparator.comparingInt(IngestError::index));
        return new IngestReport(added, updated, errors.size(), enriched, errors, (System.nanoTime() - start) / 1e6);
    }

    private record Pending(int index, ProductVersion record) {
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
        List<Validated> toEnrich = items.stream().filter(v -> v.enrich).toList();
        Map<Validated, List<ExtractedProperty>> extracted = new HashMap<>();
        String modelTag = null;
        EnrichmentThreshold.Threshold minConfidence = null;
        if (!toEnrich.isEmpty()) {
            PropertyExtractor extractor = extractor();
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
