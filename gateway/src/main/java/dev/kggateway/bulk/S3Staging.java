package dev.kggateway.bulk;

import dev.kggateway.aws.S3Uri;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** Puts bulk-load files where the Neptune loader reads them: {@code s3://bucket/prefix/run/file}. */
public final class S3Staging {

    private final S3Client s3;
    private final PrintStream progress;

    public S3Staging(S3Client s3, PrintStream progress) {
        this.s3 = s3;
        this.progress = progress;
    }

    /** Uploads the file under {@code staging/run/}; returns the object's URI (what the loader's source names). */
    public S3Uri stage(Path file, S3Uri staging, String run) throws IOException {
        S3Uri target = staging.resolve(run + "/" + file.getFileName());
        long size = Files.size(file);
        long start = System.nanoTime();
        // One PUT: S3 takes objects up to 5 GB that way; larger catalogues are written as several files per run.
        PutObjectResponse put = s3.putObject(PutObjectRequest.builder().bucket(target.bucket()).key(target.key())
                .contentType("application/n-quads").build(), RequestBody.fromFile(file));
        progress.printf("Staged %s (%,d bytes, etag %s) in %.1f s%n", target, size, put.eTag(),
                (System.nanoTime() - start) / 1e9);
        return target;
    }
}
