package dev.kggateway.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.ingest.EnrichmentThreshold;
import dev.kggateway.ingest.IngestService;
import dev.kggateway.ner.ExtractedProperty;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Extractions from a running gateway: one {@code extractProperties} request per text, as a client sends it, with the
 * latency of each request recorded.
 */
public final class GraphQlExtraction implements ExtractionEvaluation.Extraction {

    private static final String QUERY = "query($t: String!) { extractProperties(text: $t) "
            + "{ type value confidence start end belowThreshold minConfidence } }";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI endpoint;
    private final String apiKey;
    private final List<Long> latencies = new ArrayList<>();

    public GraphQlExtraction(URI endpoint, String apiKey) {
        this.endpoint = endpoint;
        this.apiKey = apiKey;
    }

    @Override
    public List<IngestService.Preview> extract(List<String> texts) throws IOException, InterruptedException {
        List<IngestService.Preview> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                            Map.of("query", QUERY, "variables", Map.of("t", text)))));
            if (apiKey != null) {
                request.header("X-API-Key", apiKey);
            }
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - start);
            JsonNode body = json.readTree(response.body());
            if (response.statusCode() != 200 || body.hasNonNull("errors")) {
                throw new IOException("extractProperties failed (HTTP " + response.statusCode() + "): " + response.body());
            }
            List<ExtractedProperty> found = new ArrayList<>();
            Map<String, Double> byType = new TreeMap<>();
            double lastReported = 0;
            for (JsonNode p : body.path("data").path("extractProperties")) {
                found.add(new ExtractedProperty(p.path("type").asText(), p.path("value").asText(),
                        p.path("confidence").asDouble(), p.path("start").asInt(), p.path("end").asInt()));
                // the gateway reports the threshold of each property's type; types it did not return need none
                lastReported = p.path("minConfidence").asDouble();
                byType.put(p.path("type").asText(), lastReported);
            }
            out.add(new IngestService.Preview(found, found.isEmpty() ? null
                    : new EnrichmentThreshold.Threshold(lastReported, "gateway", byType)));
        }
        return out;
    }

    /** Request latency percentile in milliseconds (nearest rank). */
    public double latencyMs(double percentile) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    public int requests() {
        return latencies.size();
    }
}
