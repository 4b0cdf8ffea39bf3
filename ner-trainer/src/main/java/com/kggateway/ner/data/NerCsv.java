package com.kggateway.ner.data;

import dev.kggateway.ner.contract.Words;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and writes the seed's CSV shape: header {@code Sentence #,Word,Tag} (extra columns such as POS are
 * ignored). The sentence id may be given only on the first word of a sentence (Kaggle NER style, blank after)
 * or on every row; a new non-blank id that differs from the previous one starts a new sentence. A Word is one
 * whitespace-separated word (the labelling unit); the tag {@code ?} marks a word whose tag is unknown (partial
 * labels from distant supervision): it carries no loss in training.
 */
public final class NerCsv {
    public static final String SENTENCE = "Sentence #";
    public static final String WORD = "Word";
    public static final String TAG = "Tag";
    private static final Pattern TAG_PATTERN = Pattern.compile("O|\\?|[BI]-[A-Za-z][A-Za-z0-9_]*");

    private NerCsv() { }

    public static List<TaggedSentence> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    public static List<TaggedSentence> read(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(false).build();
        List<TaggedSentence> sentences = new ArrayList<>();
        try (CSVParser parser = new CSVParser(reader, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String required : List.of(SENTENCE, WORD, TAG)) {
                if (!header.containsKey(required)) {
                    throw new CsvFormatException(1, "missing column '" + required + "' (header: " + header.keySet() + ")");
                }
            }
            int columns = header.size();
            String currentId = null;
            List<String> words = new ArrayList<>();
            List<String> tags = new ArrayList<>();
            long lastLine = 1;
            for (CSVRecord rec : parser) {
                // the line on which this record starts: after the previous record ended
                long line = lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (rec.size() == 1 && rec.get(0).isBlank()) {
                    continue; // tolerate blank lines
                }
                if (rec.size() != columns) {
                    throw new CsvFormatException(line, "expected " + columns + " fields but found " + rec.size());
                }
                String id = rec.get(SENTENCE).trim();
                String word = rec.get(WORD);
                String tag = rec.get(TAG).trim();
                if (word.isBlank()) {
                    throw new CsvFormatException(line, "empty Word");
                }
                if (Words.containsWhitespace(word.strip())) {
                    throw new CsvFormatException(line, "Word must not contain whitespace: '" + word + "'");
                }
                if (!TAG_PATTERN.matcher(tag).matches()) {
                    throw new CsvFormatException(line, "invalid BIO tag '" + tag + "' (expected O, B-type, I-type or ? for unknown)");
                }
                if (!id.isEmpty() && !id.equals(currentId)) {
                    if (!words.isEmpty()) {
                        sentences.add(new TaggedSentence(currentId, words, tags));
                    }
                    currentId = id;
                    words = new ArrayList<>();
                    tags = new ArrayList<>();
                } else if (currentId == null) {
                    throw new CsvFormatException(line, "first row has no '" + SENTENCE + "' value");
                }
                words.add(word.strip());
                tags.add(tag);
            }
            if (!words.isEmpty()) {
                sentences.add(new TaggedSentence(currentId, words, tags));
            }
        }
        return sentences;
    }

    /** Writes Kaggle style: the sentence id only on the first word of each sentence. */
    public static void write(List<TaggedSentence> sentences, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(sentences, w);
        }
    }

    public static void write(List<TaggedSentence> sentences, Writer writer) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(SENTENCE, WORD, TAG).setRecordSeparator("\n").build();
        CSVPrinter printer = new CSVPrinter(writer, format);
        int n = 0;
        for (TaggedSentence s : sentences) {
            n++;
            for (int i = 0; i < s.words().size(); i++) {
                printer.printRecord(i == 0 ? "Sentence: " + n : null, s.words().get(i), s.tags().get(i));
            }
        }
        printer.flush();
    }
}
