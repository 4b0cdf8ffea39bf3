package dev.kggateway.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.util.EntityUtils;

/**
 * Client of the Neptune bulk loader HTTP API: {@code POST /loader} starts a load of staged S3 files, {@code GET
 * /loader/{id}} reports its status until it completes or fails, {@code GET /loader/{id}?details=true&errors=true}
 * explains a failure. Requests are SigV4-signed by the given interceptor when the cluster uses IAM auth.
 */
public final class NeptuneLoader implements AutoCloseable {

    /** Statuses after which the load will not progress any more, other than LOAD_COMPLETED. */
    static final Set<String> RUNNING = Set.of("LOAD_NOT_STARTED", "LOAD_IN_PROGRESS", "LOAD_IN_QUEUE");

    public record Request(String source, String iamRoleArn, String region, String mode, String parallelism,
            boolean failOnError) {
    }

    public record Result(String loadId, String status, long totalRecords, long insertErrors, long parsingErrors,
            String errorDetails) {
        public boolean completed() {
            return "LOAD_COMPLETED".equals(status);
        }
    }

    private final String loaderUrl;
    private final Duration pollInterval;
    private final PrintStream progress;
    private final CloseableHttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /** {@code endpoint} is the cluster base URL, e.g. {@code https://my-cluster...:8182}. */
    public NeptuneLoader(String endpoint, HttpRequestInterceptor signer, Duration pollInterval, PrintStream progress) {
        this.loaderUrl = endpoint.replaceAll("/+$", "") + "/loader";
        this.pollInterval = pollInterval;
        this.progress = progress;
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(10_000).setSocketTimeout(60_000)
                        .build())
                // Starting a load is not idempotent: never resend it behind our back.
                .disableAutomaticRetries();
        if (signer != null) {
            builder.addInterceptorLast(signer);
        }
        this.http = builder.build();
    }

    /** Starts the load and returns its id. */
    public String start(Request r) throws IOException {
        ObjectNode body = json.createObjectNode()
                .put("source", r.source())
                .put("format", "nquads")
                .put("iamRoleArn", r.iamRoleArn())
                .put("region", r.region())
                .put("mode", r.mode())
                .put("parallelism", r.parallelism())
                .put("failOnError", r.failOnError() ? "TRUE" : "FALSE")
                // Queue behind a running load instead of being rejected.
                .put("queueRequest", "TRUE");
        HttpPost post = new HttpPost(loaderUrl);
        post.setEntity(new StringEntity(json.writeValueAsString(body), ContentType.APPLICATION_JSON));
        JsonNode answer = call(post);
        String loadId = answer.path("payload").path("loadId").asText(null);
        if (loadId == null) {
            throw new IOException("loader answered without a loadId: " + answer);
        }
        progress.printf("Neptune load %s started for %s%n", loadId, r.source());
        return loadId;
    }

    /** Polls until the load leaves the running states; prints progress and, on failure, the loader's error log. */
    public Result await(String loadId) throws IOException, InterruptedException {
        String last = null;
        while (true) {
            JsonNode overall = call(new HttpGet(loaderUrl + "/" + enc(loadId))).path("payload").path("overallStatus");
            String status = overall.path("status").asText("UNKNOWN");
            long records = overall.path("totalRecords").asLong();
            String line = String.format("Neptune load %s: %s, %d records, %d s", loadId, status, records,
                    overall.path("totalTimeSpent").asLong());
            if (!line.equals(last)) {
                progress.println(line);
                last = line;
            }
            if (!RUNNING.contains(status)) {
                String details = null;
                if (!"LOAD_COMPLETED".equals(status)) {
                    JsonNode d = call(new HttpGet(loaderUrl + "/" + enc(loadId) + "?details=true&errors=true"
                            + "&page=1&errorsPerPage=10"));
                    details = json.writerWithDefaultPrettyPrinter().writeValueAsString(d.path("payload"));
                    progress.println("Neptune load " + loadId + " failed: " + details);
                }
                return new Result(loadId, status, records, overall.path("insertErrors").asLong(),
                        overall.path("parsingErrors").asLong(), details);
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    private JsonNode call(HttpUriRequest request) throws IOException {
        try (CloseableHttpResponse response = http.execute(request)) {
            String text = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(),
                    StandardCharsets.UTF_8);
            int code = response.getStatusLine().getStatusCode();
            if (code / 100 != 2) {
                throw new IOException("Neptune loader " + request.getMethod() + " " + request.getURI().getPath()
                        + " answered HTTP " + code + ": " + text);
            }
            return json.readTree(text);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
