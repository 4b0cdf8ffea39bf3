package dev.kggateway.aws;

import dev.kggateway.config.KgConfig;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the S3 client used for bulk-load staging and model download, from {@code kg.s3.*}. */
public final class S3Clients {

    private S3Clients() {
    }

    /** Credentials from the AWS default chain (environment, profile, web identity, container, instance). */
    public static S3Client create(KgConfig.S3 config) {
        return create(config, DefaultCredentialsProvider.builder().build());
    }

    public static S3Client create(KgConfig.S3 config, AwsCredentialsProvider credentials) {
        return create(config.region().orElse(null), config.endpoint().orElse(null), config.pathStyle(), credentials);
    }

    public static S3Client create(String region, String endpoint, boolean pathStyle,
            AwsCredentialsProvider credentials) {
        S3ClientBuilder builder = S3Client.builder()
                // The JDK-based client: no second Apache HttpClient next to the one RDF4J uses.
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofMinutes(2)))
                .credentialsProvider(credentials)
                .forcePathStyle(pathStyle);
        if (region != null) {
            builder.region(Region.of(region));
        } else if (endpoint != null) {
            // S3-compatible stores ignore the region, but the signer needs one.
            builder.region(regionOrDefault());
        }
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
            // S3-compatible stores often lack the newer default integrity trailers (aws-chunked CRC32).
            builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    private static Region regionOrDefault() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (RuntimeException none) {
            return Region.US_EAST_1;
        }
    }
}
