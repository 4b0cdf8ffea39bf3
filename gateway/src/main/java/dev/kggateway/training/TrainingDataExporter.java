package dev.kggateway.training;

import dev.kggateway.domain.Page;
import dev.kggateway.domain.Product;
import dev.kggateway.domain.ProductQuery;
import dev.kggateway.domain.PropertyLink;
import dev.kggateway.domain.PropertySource;
import dev.kggateway.store.ProductRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Exports training data from the graph itself: every product with a description and vendor property values becomes
 * one sentence of the seed's CSV ({@code Sentence #,Word,Tag}), its words tagged where a vendor value was found in
 * the description and unknown elsewhere ({@link VendorValueLocator}). Products where no value is found are skipped.
 * Reads the store page by page; needs no model.
 */
@ApplicationScoped
public class TrainingDataExporter {

    /** Types that can be tag names in the trainer's CSV (B-type / I-type). */
    private static final Pattern TAG_TYPE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final int PAGE = 200;

    @Inject
    ProductRepository products;

    /**
     * @param limit at most this many sentences (products) are written; null for all
     * @param types only vendor values of these types are looked for; null or empty for every type
     */
    public record Options(Integer limit, Set<String> types) {
    }

    public record Summary(int productsRead, int exported, int vendorLinks, int locatedLinks, int words, int taggedWords) {
    }

    public Summary export(Writer out, Options options, Consumer<String> progress) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("Sentence #", "Word", "Tag")
                .setRecordSeparator("\n").build());
        int read = 0;
        int exported = 0;
        int vendorLinks = 0;
        int located = 0;
        int words = 0;
        int tagged = 0;
        String after = null;
        boolean more = true;
        while (more && (options.limit() == null || exported < options.limit())) {
            Page<String> page = products.findIds(ProductQuery.ALL, dev.kggateway.domain.Slice.forward(PAGE, after));
            Map<String, Product> batch = products.findByIds(page.items());
            for (Product p : page.items().stream().map(batch::get).filter(Objects::nonNull).toList()) {
                if (options.limit() != null && exported >= options.limit()) {
                    break;
                }
                read++;
                List<VendorValueLocator.Value> values = vendorValues(p, options.types());
                if (p.description() == null || p.description().isBlank() || values.isEmpty()) {
                    continue;
                }
                vendorLinks += values.size();
                VendorValueLocator.Located found = VendorValueLocator.locate(p.description(), values);
                if (found.located() == 0) {
                    continue;
                }
                located += found.located();
                exported++;
                for (int i = 0; i < found.words().size(); i++) {
                    csv.printRecord(i == 0 ? "Sentence: " + exported : "", found.words().get(i), found.tags().get(i));
                    tagged += found.tags().get(i).equals(VendorValueLocator.UNKNOWN) ? 0 : 1;
                }
                words += found.words().size();
            }
            more = page.hasNext();
            after = page.items().isEmpty() ? after : page.items().get(page.items().size() - 1);
            progress.accept(String.format("read %d products, exported %d", read, exported));
        }
        csv.flush();
        return new Summary(read, exported, vendorLinks, located, words, tagged);
    }

    private static List<VendorValueLocator.Value> vendorValues(Product p, Set<String> types) {
        return p.links().stream().filter(l -> l.source() == PropertySource.VENDOR).map(PropertyLink::property)
                .filter(n -> TAG_TYPE.matcher(n.type()).matches())
                .filter(n -> types == null || types.isEmpty() || types.contains(n.type()))
                .map(n -> new VendorValueLocator.Value(n.type(), n.value())).toList();
    }
}
