package dev.kggateway.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.catalogue.CatalogueGenerator;
import dev.kggateway.cli.ExportTrainingDataCommand;
import dev.kggateway.support.Gql;
import dev.kggateway.support.WritableStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * export-training-data on a generated catalogue in a real embedded store: every tagged span is a vendor value of its
 * product and type, every vendor value present in the description is covered, products without one are skipped.
 */
@QuarkusTest
@TestProfile(WritableStoreProfile.class)
class TrainingDataExportTest {

    @Inject
    ExportTrainingDataCommand command;

    record Sentence(List<String> words, List<String> tags) {
    }

    @SuppressWarnings("unchecked")
    @Test
    void exportedTagsAreTheVendorValuesFoundInEachDescription() throws Exception {
        StringWriter jsonl = new StringWriter();
        new CatalogueGenerator(11).write(400, jsonl);
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (String line : jsonl.toString().split("\n")) {
            Map<String, Object> p = mapper.readValue(line, Map.class);
            p.put("enrich", false);
            byId.put((String) p.get("id"), p);
        }
        // One product whose vendor value is not in its description: read, but not exported.
        byId.put("EXP-NONE", Map.of("id", "EXP-NONE", "name", "n", "description", "Nitrile exam gloves",
                "properties", List.of(Map.of("type", "color", "value", "orange")), "enrich", false));
        Gql.ok("mutation($in: [ProductInput!]!) { addProducts(inputs: $in) { added } }",
                Map.of("in", new ArrayList<>(byId.values())));

        Path out = Files.createTempDirectory("export").resolve("train.csv");
        assertEquals(0, command.run(new String[] { "--out", out.toString() }));
        List<Sentence> sentences = read(out);

        // Expected independently: products (in id order) with at least one vendor value present as whole words.
        List<String> expectedIds = new ArrayList<>();
        for (Map<String, Object> p : byId.values().stream().sorted((a, b) -> ((String) a.get("id")).compareTo((String) b.get("id"))).toList()) {
            if (values(p).stream().anyMatch(v -> present((String) p.get("description"), v.value()))) {
                expectedIds.add((String) p.get("id"));
            }
        }
        assertTrue(expectedIds.size() > 200, "the generated catalogue has vendor values in its descriptions");
        // This profile's store is shared with other test classes, whose products may have located values too:
        // the export is in id order, so our sentences are the ones that align, in order, with our expected ids.
        List<Sentence> all = sentences;
        sentences = new ArrayList<>();
        for (Sentence sentence : all) {
            if (sentences.size() < expectedIds.size() && String.join(" ", sentence.words()).equals(
                    ((String) byId.get(expectedIds.get(sentences.size())).get("description")).strip().replaceAll("\\s+", " "))) {
                sentences.add(sentence);
            }
        }
        assertEquals(expectedIds.size(), sentences.size(), "one sentence per product with a located value, in id order");
        int covered = 0;
        for (int s = 0; s < sentences.size(); s++) {
            Map<String, Object> p = byId.get(expectedIds.get(s));
            Sentence sentence = sentences.get(s);
            String description = (String) p.get("description");
            assertEquals(description.strip().replaceAll("\\s+", " "), String.join(" ", sentence.words()), "the words are the description's");
            List<VendorValueLocator.Value> values = values(p);
            for (int i = 0; i < sentence.tags().size(); i++) {
                String tag = sentence.tags().get(i);
                assertTrue(tag.equals("?") || tag.matches("[BI]-[a-z]+"), tag);
                if (tag.startsWith("B-")) {
                    int end = i + 1;
                    while (end < sentence.tags().size() && sentence.tags().get(end).equals("I-" + tag.substring(2))) {
                        end++;
                    }
                    String span = String.join(" ", sentence.words().subList(i, end));
                    String type = tag.substring(2);
                    assertTrue(values.stream().anyMatch(v -> v.type().equals(type) && sameWords(span, v.value())),
                            expectedIds.get(s) + ": span '" + span + "' as " + type + " is no vendor value of " + values);
                    covered++;
                } else if (tag.startsWith("I-")) {
                    assertTrue(i > 0 && !sentence.tags().get(i - 1).equals("?"), "I- continues a span");
                }
            }
            // Each vendor value in the description is tagged (possibly inside a longer vendor value).
            for (VendorValueLocator.Value v : values) {
                if (present(description, v.value())) {
                    int n = v.value().strip().split("\\s+").length;
                    boolean tagged = false;
                    for (int i = 0; i + n <= sentence.words().size() && !tagged; i++) {
                        tagged = sameWords(String.join(" ", sentence.words().subList(i, i + n)), v.value())
                                && sentence.tags().subList(i, i + n).stream().noneMatch(t -> t.equals("?"));
                    }
                    assertTrue(tagged, expectedIds.get(s) + ": " + v + " is in the description but not tagged: " + sentence);
                }
            }
        }
        assertTrue(covered >= expectedIds.size());

        // --limit caps the sentences.
        Path limited = out.resolveSibling("limited.csv");
        assertEquals(0, command.run(new String[] { "--out", limited.toString(), "--limit", "7" }));
        assertEquals(7, read(limited).size());
        assertEquals(2, command.run(new String[] { "--limit", "7" }), "--out is required");
    }

    @SuppressWarnings("unchecked")
    static List<VendorValueLocator.Value> values(Map<String, Object> p) {
        List<Map<String, String>> props = (List<Map<String, String>>) p.getOrDefault("properties", List.of());
        return props.stream().map(m -> new VendorValueLocator.Value(m.get("type").toLowerCase(Locale.ROOT), m.get("value"))).toList();
    }

    /** Whole-word, case-insensitive occurrence, allowing framing punctuation around the words (independent of the locator). */
    static boolean present(String description, String value) {
        String words = String.join("\\s+", java.util.Arrays.stream(value.strip().split("\\s+")).map(Pattern::quote).toList());
        return Pattern.compile("(^|\\s)[(\"']*" + words + "[,;:.)\"']*(\\s|$)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(description).find();
    }

    static boolean sameWords(String span, String value) {
        return strip(span).equalsIgnoreCase(strip(value).replaceAll("\\s+", " "));
    }

    static String strip(String s) {
        return s.strip().replaceAll("^[(\"']+|[,;:.)\"']+$", "");
    }

    static List<Sentence> read(Path csv) throws Exception {
        List<Sentence> sentences = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                if (!rec.get("Sentence #").isEmpty()) {
                    sentences.add(new Sentence(new ArrayList<>(), new ArrayList<>()));
                }
                sentences.get(sentences.size() - 1).words().add(rec.get("Word"));
                sentences.get(sentences.size() - 1).tags().add(rec.get("Tag"));
            }
        }
        return sentences;
    }
}
