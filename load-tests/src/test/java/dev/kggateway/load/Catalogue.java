package dev.kggateway.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Test data, loaded once per run before any virtual user starts:
 * <ul>
 * <li>product ids from the feeder file written by the data generator, or else the first 100
 * products of the running gateway (the sample catalogue on a fresh store);</li>
 * <li>filter values (manufacturers, property type/value pairs, price range) sampled from the
 * same 100 products, so filtered queries hit real data instead of returning nothing;</li>
 * <li>free texts for extractProperties (texts file or a built-in set).</li>
 * </ul>
 * Fails fast with an explicit message when there is nothing to test against: a load test
 * whose every request 404s or returns null would "pass" with excellent latencies.
 */
final class Catalogue {

    record Property(String type, String value) {
    }

    final List<String> ids;
    final List<String> manufacturers;
    final List<Property> properties;
    final double minPrice;
    final double maxPrice;
    final List<String> texts;

    private static Catalogue instance;

    static synchronized Catalogue get() {
        if (instance == null) {
            instance = load();
        }
        return instance;
    }

    private Catalogue(List<String> ids, List<String> manufacturers, List<Property> properties,
            double minPrice, double maxPrice, List<String> texts) {
        this.ids = ids;
        this.manufacturers = manufacturers;
        this.properties = properties;
        this.minPrice = minPrice;
        this.maxPrice = maxPrice;
        this.texts = texts;
    }

    private static Catalogue load() {
        JsonNode edges = null;
        String bootstrapError = null;
        try {
            edges = bootstrap();
        } catch (IOException | RuntimeException e) {
            bootstrapError = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            bootstrapError = e.toString();
        }

        List<String> ids = readIds(Paths.get(LoadConfig.idsFile()));
        String idSource = LoadConfig.idsFile();
        Set<String> manufacturers = new LinkedHashSet<>();
        Set<Property> properties = new LinkedHashSet<>();
        double min = Double.MAX_VALUE;
        double max = 0;
        if (edges != null) {
            List<String> liveIds = new ArrayList<>();
            for (JsonNode edge : edges) {
                JsonNode node = edge.path("node");
                liveIds.add(node.path("id").asText());
                if (node.hasNonNull("manufacturer")) {
                    manufacturers.add(node.get("manufacturer").asText());
                }
                if (node.hasNonNull("price")) {
                    min = Math.min(min, node.get("price").asDouble());
                    max = Math.max(max, node.get("price").asDouble());
                }
                for (JsonNode p : node.path("properties")) {
                    properties.add(new Property(p.path("type").asText(), p.path("value").asText()));
                }
            }
            if (ids.isEmpty()) {
                ids = liveIds;
                idSource = "products(first: 100) on " + LoadConfig.baseUrl();
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("No product ids: " + LoadConfig.idsFile()
                    + " is missing or empty, and querying products(first: 100) on " + LoadConfig.baseUrl()
                    + (bootstrapError != null ? " failed: " + bootstrapError : " returned no products")
                    + ". Load data first (or start the gateway with KG_SAMPLE_LOAD_ON_EMPTY=true).");
        }
        if (min > max) { // no prices seen
            min = 0;
            max = 1000;
        }
        List<String> texts = readLines(Paths.get(LoadConfig.textsFile()));
        if (texts.isEmpty()) {
            texts = DEFAULT_TEXTS;
        }
        System.out.printf("[kg-load] %d product ids from %s; %d manufacturers, %d property values, price %.2f..%.2f; %d texts%n",
                ids.size(), idSource, manufacturers.size(), properties.size(), min, max, texts.size());
        return new Catalogue(List.copyOf(ids), List.copyOf(manufacturers), List.copyOf(properties), min, max,
                List.copyOf(texts));
    }

    private static JsonNode bootstrap() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(LoadConfig.baseUrl() + "/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(GraphQl.body(GraphQl.BOOTSTRAP, Map.of("first", 100))))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
        JsonNode json = GraphQl.JSON.readTree(response.body());
        if (json.hasNonNull("errors")) {
            throw new IOException("GraphQL errors: " + json.get("errors"));
        }
        return json.path("data").path("products").path("edges");
    }

    /** .jsonl: one JSON object per line with an "id" field; otherwise CSV with an "id" column. */
    static List<String> readIds(Path file) {
        List<String> lines = readLines(file);
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        if (file.toString().endsWith(".jsonl") || file.toString().endsWith(".ndjson")) {
            for (String line : lines) {
                try {
                    JsonNode node = GraphQl.JSON.readTree(line);
                    if (node.hasNonNull("id")) {
                        ids.add(node.get("id").asText());
                    }
                } catch (IOException e) {
                    throw new IllegalArgumentException(file + ": not JSON lines: " + line, e);
                }
            }
            return ids;
        }
        List<String> header = Arrays.stream(lines.get(0).split(",")).map(String::strip).collect(Collectors.toList());
        int col = header.indexOf("id");
        if (col < 0) {
            throw new IllegalArgumentException(file + ": CSV needs an 'id' column, header is " + header);
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length > col && !cells[col].isBlank()) {
                ids.add(cells[col].strip().replaceAll("^\"|\"$", ""));
            }
        }
        return ids;
    }

    private static List<String> readLines(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file, e);
        }
    }

    /** Typical catalogue descriptions: sizes, materials, colours, brands, grades, quantities. */
    static final List<String> DEFAULT_TEXTS = List.of(
            "3/4 in. brass ball valve with lever handle, lead-free, 600 psi",
            "Stainless steel hex bolt M8 x 40 mm, grade A2-70, pack of 50",
            "1/2 in. x 10 ft. PEX-B tubing in red for hot water lines",
            "White vinyl privacy fence panel 6 ft. x 8 ft. by Veranda",
            "Cordless 20V MAX drill driver kit with two batteries, DeWalt",
            "Black oil-rubbed bronze single-handle kitchen faucet with pull-down sprayer",
            "2 in. x 4 in. x 8 ft. premium kiln-dried whitewood stud",
            "Galvanized steel deck screws #10 x 3 in., 5 lb. box",
            "Clear silicone sealant 10.1 oz cartridge for windows and doors",
            "Schedule 40 PVC pipe 1-1/2 in. x 10 ft. plain end",
            "Matte black aluminum outdoor wall lantern with seeded glass",
            "Copper 90-degree elbow fitting 3/4 in. sweat, pack of 10");

    /** A filter built from real catalogue values, varied so that caches do not answer everything. */
    Map<String, Object> randomFilter(java.util.Random random) {
        Map<String, Object> filter = new LinkedHashMap<>();
        int kind = random.nextInt(5);
        if (kind == 0 && !properties.isEmpty()) {
            Property p = properties.get(random.nextInt(properties.size()));
            filter.put("properties", List.of(Map.of("type", p.type(), "value", p.value())));
        } else if (kind == 1 && !properties.isEmpty()) {
            filter.put("propertyType", properties.get(random.nextInt(properties.size())).type());
        } else if (kind == 2 && !manufacturers.isEmpty()) {
            filter.put("manufacturer", manufacturers.get(random.nextInt(manufacturers.size())));
        } else if (kind == 3) {
            double a = minPrice + random.nextDouble() * (maxPrice - minPrice);
            double b = minPrice + random.nextDouble() * (maxPrice - minPrice);
            filter.put("minPrice", Math.floor(Math.min(a, b)));
            filter.put("maxPrice", Math.ceil(Math.max(a, b)));
        } else {
            String text = texts.get(random.nextInt(texts.size()));
            String[] words = text.replaceAll("[^A-Za-z ]", " ").trim().split("\\s+");
            String word = Arrays.stream(words).filter(w -> w.length() > 4).findFirst().orElse(words[0]);
            filter.put("text", word.toLowerCase(java.util.Locale.ROOT));
        }
        return filter;
    }
}
