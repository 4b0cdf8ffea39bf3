package dev.kggateway.ingest;

import dev.kggateway.domain.Page;
import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductVersion;
import dev.kggateway.domain.PropertyLink;
import dev.kggateway.domain.PropertyNode;
import dev.kggateway.domain.error.InvalidArgumentException;
import dev.kggateway.ner.ExtractedProperty;
import dev.kggateway.ner.PropertyExtractor;
import dev.kggateway.store.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Re-runs the current model over products another model version enriched (or over every product with a description),
 * in batches; only model links change: vendor links and product fields are written back as read.
 */
@ApplicationScoped
public class ReenrichService {

    @Inject
    ProductRepository products;

    @Inject
    IngestService ingest;

    public ReenrichReport reenrich(boolean all, int batchSize, Integer max, Consumer<String> progress) {
        if (batchSize < 1 || batchSize > 1000) {
            throw new InvalidArgumentException("batchSize must be between 1 and 1000: " + batchSize);
        }
        if (max != null && max < 1) {
            throw new InvalidArgumentException("max must be positive: " + max);
        }
        long start = System.nanoTime();
        PropertyExtractor extractor = ingest.extractor();
        String model = extractor.model().tag();
        EnrichmentThreshold.Threshold minConfidence = ingest.threshold();
        int done = 0;
        int batches = 0;
        String after = null;
        while (max == null || done < max) {
            int want = max == null ? batchSize : Math.min(batchSize, max - done);
            Page<String> page = products.idsToReenrich(model, all, after, want);
            if (page.items().isEmpty()) {
                break;
            }
            Map<String, Product> batch = products.findByIds(page.items());
            List<Product> ordered = page.items().stream().map(batch::get).filter(Objects::nonNull).toList();
            List<List<ExtractedProperty>> extracted = extractor.extract(ordered.stream().map(Product::description).toList());
            List<ProductVersion> records = new ArrayList<>(ordered.size());
            for (int i = 0; i < ordered.size(); i++) {
                Product p = ordered.get(i);
                List<PropertyNode> vendor = p.links().stream().filter(PropertyLink::isVendor)
                        .map(PropertyLink::property).toList();
                records.add(IngestService.merge(p.withLinks(List.of()), vendor, extracted.get(i), model, minConfidence));
            }
            products.replaceAll(records);
            done += records.size();
            batches++;
            after = page.items().get(page.items().size() - 1);
            progress.accept(String.format("re-enriched %d products (%d batches) with %s", done, batches, model));
            if (!page.hasNext()) {
                break;
            }
        }
        return new ReenrichReport(model, done, batches, (System.nanoTime() - start) / 1e6);
    }
}
