package dev.kggateway.sample;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.config.KgConfig;
import dev.kggateway.config.RunMode;
import dev.kggateway.ingest.IngestError;
import dev.kggateway.ingest.IngestReport;
import dev.kggateway.ingest.IngestService;
import dev.kggateway.ingest.ProductInput;
import dev.kggateway.store.ProductRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Loads the bundled sample catalogue on first start, so a fresh gateway shows something real. */
@ApplicationScoped
public class SampleCatalogueLoader {

    @Inject
    RunMode runMode;

    private static final Logger LOG = Logger.getLogger(SampleCatalogueLoader.class);
    private static final int BATCH = 100;

    @Inject
    KgConfig config;

    @Inject
    ProductRepository products;

    @Inject
    IngestService ingest;

    void onStart(@Observes StartupEvent event) throws IOException {
        if (runMode.command() || !config.sample().loadOnEmpty() || !products.isEmpty()) {
            return;
        }
        String resource = config.sample().resource();
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        int loaded = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
            boolean enrich = config.sample().enrich() && config.ner().enabled();
            List<ProductInput> batch = new ArrayList<>(BATCH);
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                ProductInput input = mapper.readValue(line, ProductInput.class);
                input.enrich = enrich;
                batch.add(input);
                if (batch.size() == BATCH) {
                    loaded += write(resource, lineNo, batch);
                }
            }
            if (!batch.isEmpty()) {
                loaded += write(resource, lineNo, batch);
            }
        }
        LOG.infof("Loaded %d sample products from %s", loaded, resource);
    }

    /** Writes a batch through the normal ingest path; a bad line stops the start with its line number. */
    private int write(String resource, int lastLine, List<ProductInput> batch) {
        IngestReport report = ingest.addProducts(new ArrayList<>(batch));
        int firstLine = lastLine - batch.size() + 1;
        batch.clear();
        if (report.failed() > 0) {
            IngestError e = report.errors().get(0);
            throw new IllegalStateException(resource + " item " + (firstLine + e.index()) + " (" + e.id() + "): "
                    + e.code() + " " + e.message());
        }
        return report.added() + report.updated();
    }

    private static InputStream open(String resource) throws IOException {
        Path file = Path.of(resource);
        if (Files.isRegularFile(file)) {
            return Files.newInputStream(file);
        }
        InputStream in = SampleCatalogueLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("sample catalogue not found as file or classpath resource: " + resource);
        }
        return in;
    }
}
