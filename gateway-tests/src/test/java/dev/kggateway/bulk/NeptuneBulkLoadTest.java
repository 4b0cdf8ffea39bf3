package dev.kggateway.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.catalogue.CatalogueGenerator;
import dev.kggateway.store.ProductRepository;
import dev.kggateway.support.EmptyCatalogue;
import dev.kggateway.support.WritableStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code bulk-load --target neptune} end to end against S3Proxy and a fake Neptune loader: N-Quads are staged under
 * the run prefix, the loader is started on that prefix with the configured role, region and options, polled until it
 * ends, and a failed load is reported with the loader's error log. The SPARQL side (existence checks, replaces) is the
 * shared writable embedded store, emptied before each test so that it really answers "none of these exist" and stays
 * empty: the loader here is a fake.
 */
@QuarkusTest
@TestProfile(WritableStoreProfile.class)
class NeptuneBulkLoadTest {

    @Inject
    BulkLoader loader;

    @Inject
    ProductRepository products;

    /** Neptune, not the local store, receives the products: the local store starts empty and must stay so. */
    @BeforeEach
    void emptyLocalStore() {
        EmptyCatalogue.empty(products);
    }

    private Path catalogue(int n, long seed) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "neptune-bulk-" + System.nanoTime()));
        StringWriter w = new StringWriter();
        new CatalogueGenerator(seed).write(n, w);
        return Files.writeString(dir.resolve("in.jsonl"), w.toString());
    }

    @Test
    void stagesInS3ThenStartsAndPollsTheLoader() throws Exception {
        NeptuneBulkLoadResource.nextOutcome = "LOAD_COMPLETED";
        Path input = catalogue(50, 11);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BulkLoader.Summary s = loader.run(new BulkLoader.Options(input, input.getParent().resolve("nq"),
                BulkLoader.Target.NEPTUNE, false, 20, 10_000, 1L << 30),
                new PrintStream(log, true, StandardCharsets.UTF_8));

        assertEquals("LOAD_COMPLETED", s.loadStatus());
        assertEquals(50, s.bulkAdded());
        assertTrue(s.ok());
        // Neptune, not the local store, receives new products.
        assertEquals(0, products.totalProducts());

        JsonNode body = new ObjectMapper().readTree(NeptuneBulkLoadResource.startBodies.get(
                NeptuneBulkLoadResource.startBodies.size() - 1));
        String source = body.get("source").asText();
        assertTrue(source.startsWith("s3://staging/kg/bulk/") && source.endsWith("/"), source);
        assertEquals("nquads", body.get("format").asText());
        assertEquals("arn:aws:iam::123456789012:role/NeptuneLoadFromS3", body.get("iamRoleArn").asText());
        assertEquals("eu-west-1", body.get("region").asText());
        assertEquals("AUTO", body.get("mode").asText());
        assertEquals("MEDIUM", body.get("parallelism").asText());

        // What the loader will read is exactly the file written locally.
        String prefix = source.substring("s3://staging/".length());
        try (S3Client s3 = NeptuneBulkLoadResource.s3.client()) {
            List<S3Object> staged = s3.listObjectsV2(b -> b.bucket("staging").prefix(prefix)).contents();
            assertEquals(1, staged.size());
            byte[] remote = s3.getObjectAsBytes(b -> b.bucket("staging").key(staged.get(0).key())).asByteArray();
            assertEquals(Files.readString(s.files().get(0)), new String(remote, StandardCharsets.UTF_8));
            assertEquals(s.statements(), new String(remote, StandardCharsets.UTF_8).lines().count());
        }
        String out = log.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("LOAD_IN_PROGRESS") && out.contains("LOAD_COMPLETED"), out);
    }

    @Test
    void aFailedLoadIsReportedWithTheLoaderErrors() throws Exception {
        NeptuneBulkLoadResource.nextOutcome = "LOAD_FAILED";
        Path input = catalogue(5, 12);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BulkLoader.Summary s = loader.run(new BulkLoader.Options(input, input.getParent().resolve("nq"),
                BulkLoader.Target.NEPTUNE, false, 20, 10_000, 1L << 30),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals("LOAD_FAILED", s.loadStatus());
        assertTrue(!s.ok());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("FROM_LOADER"), log.toString());
        assertTrue(NeptuneBulkLoadResource.requests.stream().anyMatch(r -> r.endsWith("details=true&errors=true"
                + "&page=1&errorsPerPage=10")));
    }
}
