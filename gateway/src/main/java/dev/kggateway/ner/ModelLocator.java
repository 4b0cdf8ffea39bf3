package dev.kggateway.ner;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.aws.S3Clients;
import dev.kggateway.aws.S3Uri;
import dev.kggateway.config.KgConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Resolves {@code kg.ner.model-path} to a local model folder (MODEL_CONTRACT.md). A local path is checked and returned
 * as is. {@code s3://bucket/prefix} (a folder) or {@code s3://bucket/key.tar.gz} (as SageMaker writes
 * {@code model.tar.gz}) is downloaded once into {@code kg.ner.cache-dir}, verified (sizes and ETags against the
 * listing, required files present) and reused on later starts while the objects' ETags are unchanged.
 */
@ApplicationScoped
public class ModelLocator {

    private static final Logger LOG = Logger.getLogger(ModelLocator.class);

    /** Files every model folder must contain (MODEL_CONTRACT.md); {@code variables} is a folder. */
    public static final List<String> REQUIRED = List.of("saved_model.pb", "variables", "tokenizer.json",
            "int2tag.json", "config.json");
    static final String MARKER = ".kg-model-source.json";

    private final Path cacheDir;
    private final Supplier<S3Client> s3;
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    public ModelLocator(KgConfig config) {
        this(Path.of(config.ner().cacheDir()), () -> S3Clients.create(config.s3()));
    }

    public ModelLocator(Path cacheDir, Supplier<S3Client> s3) {
        this.cacheDir = cacheDir;
        this.s3 = s3;
    }

    public Path resolve(String modelPath) {
        if (S3Uri.isS3(modelPath)) {
            try (S3Client client = s3.get()) {
                return fromS3(client, S3Uri.parse(modelPath));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot fetch NER model from " + modelPath, e);
            }
        }
        Path path = Path.of(modelPath);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("NER model folder not found: " + path.toAbsolutePath()
                    + " (kg.ner.model-path)");
        }
        verify(path, modelPath);
        return path;
    }

    /** Throws naming the first missing required file. */
    static void verify(Path folder, String source) {
        for (String name : REQUIRED) {
            Path f = folder.resolve(name);
            boolean ok = name.equals("variables") ? Files.isDirectory(f) : Files.isRegularFile(f);
            if (!ok) {
                throw new IllegalStateException("NER model at " + source + " is missing " + name
                        + (name.equals("variables") ? "/" : "") + " (see MODEL_CONTRACT.md)");
            }
        }
    }

    private Path fromS3(S3Client client, S3Uri uri) throws IOException {
        boolean archive = uri.key().endsWith(".tar.gz") || uri.key().endsWith(".tgz");
        Map<String, String> source = archive ? archiveSource(client, uri) : folderSource(client, uri);
        // "s3://b/p" and "s3://b/p/" name the same folder: one cache slot.
        String identity = archive ? uri.toString() : "s3://" + uri.bucket() + "/" + uri.keyAsPrefix();
        Path slot = cacheDir.resolve(sha256(identity).substring(0, 16));
        Path model = slot.resolve("model");
        Path marker = slot.resolve(MARKER);
        if (Files.isRegularFile(marker) && Files.isDirectory(model)) {
            @SuppressWarnings("unchecked")
            Map<String, String> cached = json.readValue(marker.toFile(), TreeMap.class);
            if (cached.equals(source)) {
                verify(model, uri + " (cached in " + model + ")");
                LOG.infof("NER model %s: using cache %s", uri, model);
                return model;
            }
        }
        Files.createDirectories(slot);
        Path staging = Files.createTempDirectory(slot, "download-");
        try {
            Path root = archive ? downloadArchive(client, uri, source, staging) : downloadFolder(client, uri, source,
                    staging);
            verify(root, uri.toString());
            Files.deleteIfExists(marker); // a crash from here on leaves no marker: the next start downloads again
            deleteTree(model);
            Files.move(root, model, StandardCopyOption.ATOMIC_MOVE);
            json.writeValue(marker.toFile(), source);
            LOG.infof("NER model %s: downloaded into %s", uri, model);
            return model;
        } finally {
            deleteTree(staging);
        }
    }

    /** key (relative) → "etag/size" of every object under the prefix; the identity of a folder version. */
    private static Map<String, String> folderSource(S3Client client, S3Uri uri) {
        Map<String, String> source = new TreeMap<>();
        String prefix = uri.keyAsPrefix();
        for (S3Object o : client.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(uri.bucket())
                .prefix(prefix).build()).contents()) {
            String rel = o.key().substring(prefix.length());
            if (!rel.isEmpty() && !rel.endsWith("/")) {
                source.put(rel, o.eTag() + "/" + o.size());
            }
        }
        if (source.isEmpty()) {
            throw new IllegalStateException("no model objects under " + uri);
        }
        return source;
    }

    private static Map<String, String> archiveSource(S3Client client, S3Uri uri) {
        HeadObjectResponse head = client.headObject(b -> b.bucket(uri.bucket()).key(uri.key()));
        Map<String, String> source = new TreeMap<>();
        source.put(uri.key(), head.eTag() + "/" + head.contentLength());
        return source;
    }

    private static Path downloadFolder(S3Client client, S3Uri uri, Map<String, String> source, Path staging)
            throws IOException {
        Path root = staging.resolve("model");
        for (Map.Entry<String, String> e : source.entrySet()) {
            Path target = safeResolve(root, e.getKey());
            Files.createDirectories(target.getParent());
            fetch(client, uri.bucket(), uri.keyAsPrefix() + e.getKey(), e.getValue(), target);
        }
        return root;
    }

    private static Path downloadArchive(S3Client client, S3Uri uri, Map<String, String> source, Path staging)
            throws IOException {
        Path file = staging.resolve("model.tar.gz");
        fetch(client, uri.bucket(), uri.key(), source.get(uri.key()), file);
        Path root = staging.resolve("model");
        extractTarGz(file, root);
        Files.delete(file);
        // Accept both layouts: files at the archive root (SageMaker) or inside one top-level folder.
        if (!Files.exists(root.resolve("saved_model.pb"))) {
            try (var children = Files.list(root)) {
                List<Path> dirs = children.toList();
                if (dirs.size() == 1 && Files.isDirectory(dirs.get(0))) {
                    return dirs.get(0);
                }
            }
        }
        return root;
    }

    /** Downloads one object and checks that it is the version listed (ETag) and complete (size). */
    private static void fetch(S3Client client, String bucket, String key, String expected, Path target)
            throws IOException {
        try (ResponseInputStream<GetObjectResponse> in = client.getObject(GetObjectRequest.builder().bucket(bucket)
                .key(key).build())) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            String got = in.response().eTag() + "/" + Files.size(target);
            if (!got.equals(expected)) {
                throw new IllegalStateException("s3://" + bucket + "/" + key + " changed or was truncated during "
                        + "download: expected etag/size " + expected + ", got " + got);
            }
        }
    }

    /** Extracts regular files and folders only; any entry that would land outside {@code root} is refused. */
    static void extractTarGz(Path archive, Path root) throws IOException {
        Files.createDirectories(root);
        try (InputStream raw = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = safeResolve(root, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    // Links could point outside the cache; a model folder never needs them.
                    throw new IllegalStateException("model archive entry " + entry.getName()
                            + " is a link or special file; refused");
                }
            }
        }
    }

    /** root.resolve(name), refusing absolute names and any '..' escape (zip-slip). */
    static Path safeResolve(Path root, String name) {
        Path base = root.toAbsolutePath().normalize();
        Path target = base.resolve(name).normalize();
        if (name.startsWith("/") || name.contains("\\") || !target.startsWith(base)) {
            throw new IllegalStateException("model entry '" + name + "' would be written outside the cache; refused");
        }
        return target;
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            List<Path> all = new ArrayList<>(walk.toList());
            Collections.reverse(all);
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
