package dev.kggateway.bulk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kggateway.aws.S3ProxyServer;
import dev.kggateway.aws.S3Uri;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** Staging of bulk-load files against a real S3 API (S3Proxy): key layout, content, content type. */
class S3StagingTest {

    @Test
    void stagesFilesUnderRunPrefixWithTheirExactBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("products-0001.nq");
        byte[] content = "<urn:s> <urn:p> \"ü\" <urn:g> .\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);
        try (S3ProxyServer s3proxy = new S3ProxyServer(); S3Client s3 = s3proxy.client()) {
            s3.createBucket(b -> b.bucket("staging"));
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            S3Uri staged = new S3Staging(s3, new PrintStream(log, true, StandardCharsets.UTF_8))
                    .stage(file, S3Uri.parse("s3://staging/kg/loads"), "run-1");

            assertEquals("s3://staging/kg/loads/run-1/products-0001.nq", staged.toString());
            var object = s3.getObjectAsBytes(b -> b.bucket("staging").key("kg/loads/run-1/products-0001.nq"));
            assertArrayEquals(content, object.asByteArray());
            assertEquals("application/n-quads", object.response().contentType());
            assertEquals(1, s3.listObjectsV2(b -> b.bucket("staging").prefix("kg/loads/run-1/")).keyCount());
        }
    }

    @Test
    void missingBucketFailsLoudly(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.nq"), "");
        try (S3ProxyServer s3proxy = new S3ProxyServer(); S3Client s3 = s3proxy.client()) {
            assertThrows(NoSuchBucketException.class, () -> new S3Staging(s3, System.out)
                    .stage(file, S3Uri.parse("s3://nope/p"), "r"));
        }
    }
}
