package com.kggateway.ner.data;

import com.kggateway.ner.features.TagSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps the real-text development set (devset/, evaluation only) readable by the trainer and consistent with its
 * provenance file: every line has a recorded source and its text is exactly the CSV words joined by spaces, so the
 * labelling unit stays the whitespace-separated word.
 */
class DevSetTest {
    private static final Path DIR = Path.of("devset");
    private static List<TaggedSentence> sentences;
    private static Map<String, String[]> sources;

    @BeforeAll
    static void load() throws IOException {
        sentences = NerCsv.read(DIR.resolve("real-dev.csv"));
        sources = readSources(DIR.resolve("sources.tsv"));
    }

    /** sentence_id, source_url, source_name, category, text; tab-separated with a header row. */
    private static Map<String, String[]> readSources(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(List.of("sentence_id", "source_url", "source_name", "category", "text"),
                List.of(lines.get(0).split("\t", -1)), "sources.tsv header");
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            assertEquals(5, f.length, "sources.tsv row needs 5 fields: " + line);
            for (String v : f) {
                assertTrue(!v.isBlank(), "empty field in sources.tsv row: " + line);
            }
            if (rows.put(f[0], f) != null) {
                fail("duplicate sentence id in sources.tsv: " + f[0]);
            }
        }
        return rows;
    }

    @Test
    void hasAtLeast150SentencesFromAtLeastFiveSources() {
        assertTrue(sentences.size() >= 150, "only " + sentences.size() + " sentences");
        Set<String> names = new HashSet<>();
        sources.values().forEach(f -> names.add(f[2]));
        assertTrue(names.size() >= 5, "only " + names.size() + " distinct sources: " + names);
    }

    @Test
    void everySentenceHasItsSourceAndTheSameText() {
        Set<String> ids = new HashSet<>();
        for (TaggedSentence s : sentences) {
            assertTrue(ids.add(s.id()), "duplicate sentence id " + s.id());
            String[] row = sources.get(s.id());
            if (row == null) {
                fail("no source recorded for " + s.id() + ": " + s.text());
            }
            assertEquals(row[4], s.text(), "sources.tsv text differs for " + s.id());
            for (String w : s.words()) {
                assertTrue(w.split("\\s+").length == 1 && !w.isEmpty(), "not a whitespace word: '" + w + "'");
            }
        }
        assertEquals(ids, sources.keySet(), "sources.tsv lists sentences the CSV lacks");
    }

    @Test
    void tagsAreValidBioOverTheTenTypes() {
        List<String> problems = new ArrayList<>();
        for (TaggedSentence s : sentences) {
            String open = null; // type of the entity the previous word belongs to, null after O
            for (int i = 0; i < s.tags().size(); i++) {
                String tag = s.tags().get(i);
                if (tag.equals("O")) {
                    open = null;
                    continue;
                }
                String prefix = tag.substring(0, 2);
                String type = tag.substring(2);
                if (!TagSet.STANDARD_TYPES.contains(type) || !(prefix.equals("B-") || prefix.equals("I-"))) {
                    problems.add(s.id() + " word " + i + ": tag " + tag);
                } else if (prefix.equals("I-") && !type.equals(open)) {
                    problems.add(s.id() + " word " + i + ": " + tag + " without a preceding B/I-" + type);
                }
                if (prefix.equals("B-") && !s.words().get(i).matches("(?s).*[\\p{L}\\p{N}].*")) {
                    problems.add(s.id() + " word " + i + ": entity starts with punctuation-only word '"
                            + s.words().get(i) + "'");
                }
                open = type;
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
