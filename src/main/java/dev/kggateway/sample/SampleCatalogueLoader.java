package dev.kggateway.sample;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.api.types.ProductInput;
import dev.kggateway.config.KgConfig;
import dev.kggateway.service.ProductInputs;
import dev.kggateway.store.ProductRecord;
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

    private static final Logger LOG = Logger.getLogger(SampleCatalogueLoader.class);
    private static final int BATCH = 200;

    @Inject
    KgConfig config;

    @Inject
    ProductRepository products;

    void onStart(@Observes StartupEvent event) throws IOException {
        if (dev.kggateway.cli.KgMain.commandMode || !config.sample().loadOnEmpty() || !products.isEmpty()) {
            return;
        }
        String resource = config.sample().resource();
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        int loaded = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
            List<ProductRecord> batch = new ArrayList<>(BATCH);
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    batch.add(ProductInputs.vendorRecord(mapper.readValue(line, ProductInput.class), 20_000));
                } catch (RuntimeException | IOException e) {
                    throw new IllegalStateException(resource + " line " + lineNo + ": " + e.getMessage(), e);
                }
                if (batch.size() == BATCH) {
                    products.replaceAll(batch);
                    loaded += batch.size();
                    batch.clear();
                }
            }
            products.replaceAll(batch);
            loaded += batch.size();
        }
        LOG.infof("Loaded %d sample products from %s", loaded, resource);
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
