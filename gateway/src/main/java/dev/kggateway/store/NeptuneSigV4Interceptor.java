package dev.kggateway.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpException;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.NameValuePair;
import org.apache.http.client.utils.URLEncodedUtils;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.protocol.HttpContext;
import org.apache.http.protocol.HttpCoreContext;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Signs every SPARQL HTTP request with AWS Signature V4 for Neptune IAM database authentication (service
 * {@code neptune-db}). Runs as the last request interceptor, so method, final URI, {@code Host} and body are what goes
 * on the wire. Credentials are resolved per request, so rotated (web identity, instance profile) keys are picked up.
 */
public final class NeptuneSigV4Interceptor implements HttpRequestInterceptor {

    static final String SERVICE = "neptune-db";

    private final AwsCredentialsProvider credentials;
    private final String region;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public NeptuneSigV4Interceptor(AwsCredentialsProvider credentials, String region, Clock clock) {
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
    }

    /** Environment, system properties, profile, web identity (Kubernetes service accounts), container, instance. */
    public static NeptuneSigV4Interceptor withDefaultCredentials(String region) {
        return new NeptuneSigV4Interceptor(DefaultCredentialsProvider.builder().build(), region, Clock.systemUTC());
    }

    @Override
    public void process(HttpRequest request, HttpContext context) throws HttpException, IOException {
        HttpHost target = (HttpHost) context.getAttribute(HttpCoreContext.HTTP_TARGET_HOST);
        URI uri = URI.create(request.getRequestLine().getUri());
        if (target == null) {
            if (!uri.isAbsolute()) {
                throw new HttpException("cannot sign a request without a target host");
            }
            target = new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme());
        }
        SdkHttpFullRequest.Builder sdk = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(request.getRequestLine().getMethod()))
                .protocol(target.getSchemeName())
                .host(target.getHostName())
                .encodedPath(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (target.getPort() > 0) {
            sdk.port(target.getPort());
        }
        if (uri.getRawQuery() != null) {
            for (NameValuePair p : URLEncodedUtils.parse(uri.getRawQuery(), StandardCharsets.UTF_8)) {
                sdk.appendRawQueryParameter(p.getName(), p.getValue() == null ? "" : p.getValue());
            }
        }
        // Sign only headers no proxy or client layer rewrites: the Host actually sent and the body's type.
        Header host = request.getFirstHeader("Host");
        if (host != null) {
            sdk.putHeader("Host", host.getValue());
        }
        Header contentType = request.getFirstHeader("Content-Type");
        byte[] body = body(request);
        if (contentType == null && request instanceof HttpEntityEnclosingRequest e && e.getEntity() != null
                && e.getEntity().getContentType() != null) {
            contentType = e.getEntity().getContentType();
        }
        if (contentType != null) {
            sdk.putHeader("Content-Type", contentType.getValue());
        }
        SdkHttpFullRequest unsigned = sdk.build();
        SignedRequest signed = signer.sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(unsigned)
                .payload(body == null ? null : ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        copyAuthHeaders(signed.request(), request);
    }

    /** The body, buffered so it can be both hashed and sent; null for requests without one. */
    private static byte[] body(HttpRequest request) throws IOException {
        if (!(request instanceof HttpEntityEnclosingRequest enclosing) || enclosing.getEntity() == null) {
            return null;
        }
        HttpEntity entity = enclosing.getEntity();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entity.writeTo(out);
        byte[] bytes = out.toByteArray();
        if (!entity.isRepeatable()) {
            // The stream was consumed by hashing; send an identical, repeatable copy.
            ByteArrayEntity copy = new ByteArrayEntity(bytes);
            copy.setContentType(entity.getContentType());
            copy.setContentEncoding(entity.getContentEncoding());
            enclosing.setEntity(copy);
        }
        return bytes;
    }

    private static void copyAuthHeaders(SdkHttpRequest signed, HttpRequest request) {
        for (Map.Entry<String, List<String>> h : signed.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("authorization") || name.startsWith("x-amz-")) {
                request.setHeader(h.getKey(), h.getValue().get(0));
            }
        }
    }
}
