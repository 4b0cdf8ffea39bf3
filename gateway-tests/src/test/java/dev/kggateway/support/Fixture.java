package dev.kggateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.similarity.SimilarityMetric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The test catalogue read straight from its JSON-lines file, with expectations computed here, independently of the
 * gateway's SPARQL: property sets, filters, similarity rankings.
 */
public final class Fixture {

    public static final Path FILE = Path.of("src/test/resources/fixtures/catalogue.jsonl");

    public record Item(String id, String name, String description, double price, String currency, String manufacturer,
            Set<String> properties) {
    }

    public record Ranked(String id, double score, int shared, Set<String> sharedProperties) {
    }

    private static Fixture instance;
    public final Map<String, Item> items = new TreeMap<>();

    public static synchronized Fixture get() {
        if (instance == null) {
            instance = new Fixture(FILE);
        }
        return instance;
    }

    private Fixture(Path file) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = mapper.readTree(line);
                Set<String> props = new TreeSet<>();
                for (JsonNode p : n.path("properties")) {
                    props.add(key(p.get("type").asText(), p.get("value").asText()));
                }
                items.put(n.get("id").asText(), new Item(n.get("id").asText(), n.get("name").asText(),
                        n.path("description").asText(null), n.get("price").asDouble(), n.get("currency").asText(),
                        n.get("manufacturer").asText(), props));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "type=value" with the value normalised as the seed does: lower-case, single spaces. */
    public static String key(String type, String value) {
        String v = Normalizer.normalize(value, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return type.toLowerCase(Locale.ROOT).strip() + "=" + v;
    }

    public List<String> ids() {
        return new ArrayList<>(items.keySet());
    }

    /** Every distinct property key with the ids of the products having it. */
    public Map<String, Set<String>> productsByProperty() {
        Map<String, Set<String>> by = new TreeMap<>();
        items.values().forEach(i -> i.properties().forEach(p -> by.computeIfAbsent(p, k -> new TreeSet<>()).add(i.id())));
        return by;
    }

    /** Similarity ranking computed by brute force over all pairs, scored by {@link SimilarityOracle}. */
    public List<Ranked> similar(String id, int first, int minShared, SimilarityMetric metric) {
        Item source = items.get(id);
        Map<String, Set<String>> byProp = productsByProperty();
        int n = items.size();
        List<Ranked> ranked = new ArrayList<>();
        for (Item other : items.values()) {
            if (other.id().equals(id)) {
                continue;
            }
            Set<String> shared = new TreeSet<>(source.properties());
            shared.retainAll(other.properties());
            if (shared.size() < minShared || shared.isEmpty()) {
                continue;
            }
            double score = SimilarityOracle.score(metric, n, shared.stream().map(p -> byProp.get(p).size()).toList(),
                    source.properties().size(), other.properties().size());
            ranked.add(new Ranked(other.id(), score, shared.size(), shared));
        }
        ranked.sort(Comparator.comparingDouble((Ranked r) -> -r.score()).thenComparing(Ranked::id));
        return ranked.subList(0, Math.min(first, ranked.size()));
    }

    /** Per type: number of distinct values and of products with one. */
    public Map<String, int[]> typeStats() {
        Map<String, Set<String>> values = new HashMap<>();
        Map<String, Set<String>> products = new HashMap<>();
        items.values().forEach(i -> i.properties().forEach(p -> {
            String type = p.substring(0, p.indexOf('='));
            values.computeIfAbsent(type, k -> new HashSet<>()).add(p);
            products.computeIfAbsent(type, k -> new HashSet<>()).add(i.id());
        }));
        Map<String, int[]> stats = new TreeMap<>();
        values.forEach((t, v) -> stats.put(t, new int[] { v.size(), products.get(t).size() }));
        return stats;
    }

    /** A product with many properties: a good similarity probe. */
    public String richestProduct() {
        return items.values().stream().max(Comparator.comparingInt((Item i) -> i.properties().size())
                .thenComparing(Item::id, Comparator.reverseOrder())).orElseThrow().id();
    }

    public static Map<String, Object> vars(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
