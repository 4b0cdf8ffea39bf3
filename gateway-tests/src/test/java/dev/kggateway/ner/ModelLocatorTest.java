package dev.kggateway.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.aws.S3ProxyServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Model download from a real S3 API (S3Proxy): folder and tar.gz layouts, cache reuse, verification, zip-slip. */
class ModelLocatorTest {

    static S3ProxyServer s3proxy;
    static S3Client s3;

    @TempDir
    Path cache;

    @BeforeAll
    static void startS3() throws Exception {
        s3proxy = new S3ProxyServer();
        s3 = s3proxy.client();
        s3.createBucket(b -> b.bucket("models"));
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
        s3proxy.close();
    }

    /** A fake model folder: every file MODEL_CONTRACT.md requires, with distinct contents. */
    static Map<String, byte[]> fakeModel(String version) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("saved_model.pb", ("graph-" + version).getBytes(StandardCharsets.UTF_8));
        files.put("variables/variables.index", ("index-" + version).getBytes(StandardCharsets.UTF_8));
        files.put("variables/variables.data-00000-of-00001", new byte[4096]);
        files.put("tokenizer.json", "{\"model\":{}}".getBytes(StandardCharsets.UTF_8));
        files.put("int2tag.json", "{\"0\":\"O\"}".getBytes(StandardCharsets.UTF_8));
        files.put("config.json", "{\"max_sequence_length\":64}".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private ModelLocator locator() {
        // The locator closes the client it is given after each resolve, so hand it a fresh one each time.
        return new ModelLocator(cache, s3proxy::client);
    }

    static void upload(String prefix, Map<String, byte[]> files) {
        files.forEach((name, bytes) -> s3.putObject(b -> b.bucket("models").key(prefix + name),
                RequestBody.fromBytes(bytes)));
    }

    static byte[] tarGz(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    static void assertSameFiles(Map<String, byte[]> expected, Path folder) throws IOException {
        for (Map.Entry<String, byte[]> f : expected.entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(folder.resolve(f.getKey())), f.getKey());
        }
    }

    @Test
    void folderPrefixIsDownloadedOnceAndReusedUntilAnObjectChanges() throws Exception {
        Map<String, byte[]> v1 = fakeModel("1");
        upload("ner/folder/", v1);
        Path model = locator().resolve("s3://models/ner/folder");
        assertTrue(model.startsWith(cache));
        assertSameFiles(v1, model);

        // Reuse: a download would replace the folder, so a file we drop into it survives only if nothing is fetched.
        Files.writeString(model.resolve("sentinel"), "still here");
        assertEquals(model, locator().resolve("s3://models/ner/folder/"));
        assertTrue(Files.exists(model.resolve("sentinel")));

        // A retrained model under the same prefix (new ETag) is fetched again.
        s3.putObject(b -> b.bucket("models").key("ner/folder/saved_model.pb"),
                RequestBody.fromBytes("graph-2".getBytes(StandardCharsets.UTF_8)));
        Path again = locator().resolve("s3://models/ner/folder");
        assertEquals("graph-2", Files.readString(again.resolve("saved_model.pb")));
        assertFalse(Files.exists(again.resolve("sentinel")));
    }

    @Test
    void sageMakerTarGzIsDownloadedAndExtracted() throws Exception {
        Map<String, byte[]> v1 = fakeModel("tar");
        s3.putObject(b -> b.bucket("models").key("jobs/42/output/model.tar.gz"), RequestBody.fromBytes(tarGz(v1)));
        Path model = locator().resolve("s3://models/jobs/42/output/model.tar.gz");
        assertSameFiles(v1, model);
        assertTrue(Files.isDirectory(model.resolve("variables")));
        assertFalse(Files.exists(model.resolve("model.tar.gz")), "the archive itself is not kept in the model folder");
        Files.writeString(model.resolve("sentinel"), "x");
        assertEquals(model, locator().resolve("s3://models/jobs/42/output/model.tar.gz"));
        assertTrue(Files.exists(model.resolve("sentinel")), "second resolve must reuse the cache");
    }

    @Test
    void tarEntriesEscapingTheCacheAreRefused() throws Exception {
        Map<String, byte[]> evil = fakeModel("evil");
        evil.put("../../escaped.txt", "pwned".getBytes(StandardCharsets.UTF_8));
        s3.putObject(b -> b.bucket("models").key("evil/model.tar.gz"), RequestBody.fromBytes(tarGz(evil)));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> locator().resolve("s3://models/evil/model.tar.gz"));
        assertTrue(e.getMessage().contains("outside the cache"), e.getMessage());
        try (var walk = Files.walk(cache.getParent(), 4)) {
            assertFalse(walk.anyMatch(p -> p.getFileName().toString().equals("escaped.txt")));
        }
    }

    @Test
    void incompleteModelIsRejectedNamingTheMissingFile(@TempDir Path local) throws Exception {
        Map<String, byte[]> partial = fakeModel("partial");
        partial.remove("int2tag.json");
        upload("partial/", partial);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> locator().resolve("s3://models/partial"));
        assertTrue(e.getMessage().contains("int2tag.json"), e.getMessage());

        // Local folders get the same check and are returned as they are.
        for (Map.Entry<String, byte[]> f : fakeModel("local").entrySet()) {
            Files.createDirectories(local.resolve(f.getKey()).getParent());
            Files.write(local.resolve(f.getKey()), f.getValue());
        }
        assertEquals(local, locator().resolve(local.toString()));
        Files.delete(local.resolve("tokenizer.json"));
        e = assertThrows(IllegalStateException.class, () -> locator().resolve(local.toString()));
        assertTrue(e.getMessage().contains("tokenizer.json"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> locator().resolve(local.resolve("nope").toString()));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }
}
