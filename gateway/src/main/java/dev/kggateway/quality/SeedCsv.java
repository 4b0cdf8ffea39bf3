package dev.kggateway.quality;

import dev.kggateway.ner.contract.LabelledText;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labelled sentences in the seed's CSV shape ({@code Sentence #,Word,Tag}; the sentence id on the first word
 * or on every word, a new id starting a new sentence), as the trainer does.
 */
public final class SeedCsv {

    private SeedCsv() {
    }

    public static List<LabelledText> read(Path file) throws IOException {
        List<LabelledText> sentences = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String id = null;
            List<String> words = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                if (rec.size() == 1 && rec.get(0).isBlank()) {
                    continue;
                }
                if (!rec.isConsistent() || !rec.isMapped("Sentence #") || !rec.isMapped("Word") || !rec.isMapped("Tag")) {
                    throw new IOException(file + " record " + rec.getRecordNumber() + ": expected columns Sentence #, Word, Tag");
                }
                String sentence = rec.get("Sentence #").strip();
                if (!sentence.isEmpty() && !sentence.equals(id)) {
                    if (!words.isEmpty()) {
                        sentences.add(LabelledText.of(words, tags));
                    }
                    id = sentence;
                    words = new ArrayList<>();
                    tags = new ArrayList<>();
                } else if (id == null) {
                    throw new IOException(file + ": the first row has no sentence id");
                }
                words.add(rec.get("Word").strip());
                tags.add(rec.get("Tag").strip());
            }
            if (!words.isEmpty()) {
                sentences.add(LabelledText.of(words, tags));
            }
        }
        return sentences;
    }
}
