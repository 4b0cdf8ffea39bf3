package com.kggateway.ner.data;

import dev.kggateway.ner.contract.TagSet;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real-text TRAINING set (data/real-train.csv) must stay apart from the real-text DEV set (devset/, evaluation
 * only): no training line may equal or nearly equal a dev line, and no training line may come from a dev source.
 * Also keeps the training CSV consistent with its provenance file, like {@link DevSetTest} does for the dev set.
 */
class RealTrainSetTest {
    private static final Path TRAIN = Path.of("data/real-train.csv");
    private static final Path TRAIN_SOURCES = Path.of("data/real-train-sources.tsv");
    private static final Path DEV_SOURCES = Path.of("devset/sources.tsv");

    /** Near-duplicate thresholds: character similarity of the normalised lines, and word-set overlap. */
    static final double MAX_CHAR_SIMILARITY = 0.85;
    static final double MAX_WORD_JACCARD = 0.7;

    private static List<TaggedSentence> train;
    private static Map<String, String[]> trainSources;
    private static Map<String, String[]> devSources;

    @BeforeAll
    static void load() throws IOException {
        train = NerCsv.read(TRAIN);
        trainSources = readSources(TRAIN_SOURCES);
        devSources = readSources(DEV_SOURCES);
    }

    static Map<String, String[]> readSources(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(List.of("sentence_id", "source_url", "source_name", "category", "text"),
                List.of(lines.get(0).split("\t", -1)), file + " header");
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            assertEquals(5, f.length, file + " row needs 5 fields: " + line);
            for (String v : f) {
                assertFalse(v.isBlank(), "empty field in " + file + " row: " + line);
            }
            if (rows.put(f[0], f) != null) {
                fail("duplicate sentence id in " + file + ": " + f[0]);
            }
        }
        return rows;
    }

    /** Lower case, every run of non-letters/digits one space: "Tubes, 1.5 mL" and "tubes 1 5 ml" are the same line. */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    /**
     * The largest edit distance at which two lines whose longer one has {@code longer} characters still count as
     * similar ({@link #MAX_CHAR_SIMILARITY}), by the same floating-point test {@link #overlap} applies, so a bounded
     * distance below decides exactly as the full one did.
     */
    static int maxSimilarDistance(int longer) {
        int d = (int) Math.floor((1 - MAX_CHAR_SIMILARITY) * longer) + 1;
        while (d >= 0 && 1.0 - (double) d / longer < MAX_CHAR_SIMILARITY) {
            d--;
        }
        return d;
    }

    /**
     * Words of a normalised line as a set, with a number glued to the unit after it ("50 ml" = "50ml") and a plural
     * s dropped ("tubes" = "tube"), so re-ordered or re-spelled listings of one product compare equal.
     */
    static Set<String> wordSet(String normalised) {
        Set<String> words = new HashSet<>();
        for (String w : normalised.replaceAll("(\\p{N}) (?=\\p{L})", "$1").split(" ")) {
            words.add(w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
        }
        return words;
    }

    static double jaccard(Set<String> x, Set<String> y) {
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return union.isEmpty() ? 1 : (double) both.size() / union.size();
    }

    /** A line as {@link #overlap} compares it, worked out once instead of once per pair. */
    record Line(String text, String normalised, int words, Set<String> wordSet) {
        static Line of(String text) {
            String normalised = normalise(text);
            return new Line(text, normalised, normalised.split(" ").length, RealTrainSetTest.wordSet(normalised));
        }
    }

    /** Why a training line is too close to a dev line, or null. Short lines (1-2 words) only count when equal. */
    static String overlap(String trainText, String devText) {
        return overlap(Line.of(trainText), Line.of(devText));
    }

    static String overlap(Line train, Line dev) {
        String a = train.normalised();
        String b = dev.normalised();
        if (a.equals(b)) {
            return "equal after normalisation";
        }
        if (train.words() < 3 || dev.words() < 3) {
            return null;
        }
        int longer = Math.max(a.length(), b.length());
        int similar = maxSimilarDistance(longer);
        // -1 when the distance is above the bound; the threshold lets it stop early (lines normalised once and this
        // bound took the class from 37 s to 8-10 s, BENCHMARKS.md suite24)
        int distance = new LevenshteinDistance(similar).apply(a, b);
        if (distance >= 0) {
            return String.format(Locale.ROOT, "character similarity %.2f", 1.0 - (double) distance / longer);
        }
        double jac = jaccard(train.wordSet(), dev.wordSet());
        if (jac >= MAX_WORD_JACCARD) {
            return String.format(Locale.ROOT, "word overlap %.2f", jac);
        }
        return null;
    }

    @Test
    void noTrainingLineEqualsOrNearlyEqualsADevLine() {
        List<String> problems = new ArrayList<>();
        List<Line> devLines = devSources.values().stream().map(dev -> Line.of(dev[4])).toList();
        for (TaggedSentence s : train) {
            Line line = Line.of(s.text());
            int d = 0;
            for (String[] dev : devSources.values()) {
                String why = overlap(line, devLines.get(d++));
                if (why != null) {
                    problems.add(s.id() + " '" + s.text() + "' ~ dev " + dev[0] + " '" + dev[4] + "': " + why);
                }
            }
        }
        assertTrue(problems.isEmpty(), "training lines overlap the dev set:\n" + String.join("\n", problems));
    }

    @Test
    void noTrainingLineComesFromADevSource() {
        // Dev sources are recorded as URLs / repository paths; a training source naming one of the dev set's
        // repositories or files would leak the dev set's product lines even without an identical line.
        Set<String> devRepos = new HashSet<>();
        for (String[] dev : devSources.values()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("github:([^@:\\s)]+)").matcher(dev[1]);
            while (m.find()) {
                devRepos.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        assertFalse(devRepos.isEmpty(), "dev sources name no repository; the check would be empty");
        List<String> problems = new ArrayList<>();
        for (String[] row : trainSources.values()) {
            String url = row[1].toLowerCase(Locale.ROOT);
            for (String repo : devRepos) {
                if (url.contains(repo)) {
                    problems.add(row[0] + " uses dev-set source " + repo);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theOverlapCheckCatchesCopiesAndNearCopies() {
        // The check above is only worth something if it fires: a dev line, a re-punctuated copy and a copy with one
        // word changed must be flagged; two different products of the same kind must not.
        String dev = "Potassium Permanganate Crystal ACS Reagent Grade";
        assertEquals("equal after normalisation", overlap("POTASSIUM PERMANGANATE, Crystal - ACS Reagent Grade", dev));
        assertTrue(overlap("Potassium Permanganate Crystals ACS Reagent Grade", dev) != null);
        assertTrue(overlap("Potassium Permanganate Powder ACS Reagent Grade", dev) != null);
        assertEquals(null, overlap("Sodium Chloride Granular Lab Grade", dev));
        // the same product listed by another vendor page in another word order and unit spelling
        assertTrue(overlap("50 mL Falcon conical centrifuge tube", "Falcon 50mL Conical Centrifuge Tubes") != null);
    }

    @Test
    void atLeast400SentencesFromSeveralSourcesEachWithItsSource() {
        assertTrue(train.size() >= 400, "only " + train.size() + " sentences");
        Set<String> names = new HashSet<>();
        trainSources.values().forEach(f -> names.add(f[2]));
        assertTrue(names.size() >= 8, "only " + names.size() + " distinct sources");
        Set<String> ids = new HashSet<>();
        for (TaggedSentence s : train) {
            assertTrue(ids.add(s.id()), "duplicate sentence id " + s.id());
            String[] row = trainSources.get(s.id());
            if (row == null) {
                fail("no source recorded for " + s.id() + ": " + s.text());
            }
            assertEquals(row[4], s.text(), "real-train-sources.tsv text differs for " + s.id());
        }
        assertEquals(ids, trainSources.keySet(), "real-train-sources.tsv lists sentences the CSV lacks");
    }

    @Test
    void tagsAreValidBioOverTheTenTypes() {
        List<String> problems = new ArrayList<>();
        for (TaggedSentence s : train) {
            String open = null;
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
                    problems.add(s.id() + " word " + i + ": entity starts with punctuation-only word");
                }
                open = type;
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
