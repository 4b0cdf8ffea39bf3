package dev.kggateway.aws;

import java.net.URI;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API (S3Proxy over an in-memory jclouds blob store) on a free local port, with SigV4 authentication on, so
 * our clients' signing, path-style addressing and endpoint override are exercised for real.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "test-access";
    public static final String SECRET_KEY = "test-secret";

    private final S3Proxy proxy;
    private final BlobStoreContext context;

    public S3ProxyServer() throws Exception {
        context = ContextBuilder.newBuilder("transient").credentials("unused", "unused")
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(20);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /** A client configured exactly as the gateway configures one for an S3-compatible endpoint. */
    public S3Client client() {
        return S3Clients.create("us-east-1", endpoint(), true,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
