package dev.kggateway.bulk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kggateway.aws.S3ProxyServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * S3Proxy as the staging bucket and a local HTTP server playing the Neptune loader API, for the whole
 * {@code bulk-load --target neptune} flow. The fake loader records each start request and answers LOAD_IN_PROGRESS
 * twice, then the outcome {@link #nextOutcome} names.
 */
public class NeptuneBulkLoadResource implements QuarkusTestResourceLifecycleManager {

    static S3ProxyServer s3;
    static HttpServer loader;
    static final List<String> startBodies = new CopyOnWriteArrayList<>();
    static final List<String> requests = new CopyOnWriteArrayList<>();
    static volatile String nextOutcome = "LOAD_COMPLETED";
    private static final AtomicInteger polls = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        try {
            s3 = new S3ProxyServer();
            try (var client = s3.client()) {
                client.createBucket(b -> b.bucket("staging"));
            }
            loader = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            loader.createContext("/loader", NeptuneBulkLoadResource::handle);
            loader.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        // The AWS default credentials chain reads these system properties first.
        System.setProperty("aws.accessKeyId", S3ProxyServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3ProxyServer.SECRET_KEY);
        return Map.of(
                "kg.store.neptune.loader-endpoint", "http://127.0.0.1:" + loader.getAddress().getPort(),
                "kg.store.neptune.staging-uri", "s3://staging/kg/bulk",
                "kg.store.neptune.region", "eu-west-1",
                "kg.store.neptune.iam-role-arn", "arn:aws:iam::123456789012:role/NeptuneLoadFromS3",
                "kg.store.neptune.poll-interval", "10ms",
                "kg.s3.endpoint", s3.endpoint(),
                "kg.s3.path-style", "true",
                "kg.s3.region", "us-east-1");
    }

    private static void handle(HttpExchange ex) throws IOException {
        requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
        String answer;
        if (ex.getRequestMethod().equals("POST")) {
            startBodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            polls.set(0);
            answer = "{\"status\":\"200 OK\",\"payload\":{\"loadId\":\"L" + startBodies.size() + "\"}}";
        } else if (ex.getRequestURI().getQuery() != null) {
            answer = "{\"status\":\"200 OK\",\"payload\":{\"errors\":{\"errorLogs\":[{\"errorCode\":\"FROM_LOADER\"}]}}}";
        } else {
            String status = polls.incrementAndGet() <= 2 ? "LOAD_IN_PROGRESS" : nextOutcome;
            answer = "{\"status\":\"200 OK\",\"payload\":{\"overallStatus\":{\"status\":\"" + status
                    + "\",\"totalRecords\":10,\"totalTimeSpent\":1}}}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void stop() {
        loader.stop(0);
        try {
            s3.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }
}
