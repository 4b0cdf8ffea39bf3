package dev.kggateway.bulk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kggateway.ingest.ProductInput;
import dev.kggateway.ingest.PropertyInput;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a catalogue file one product at a time, streaming: JSON lines of ProductInput, or CSV with the documented
 * header (README "Bulk load"). A row that cannot be read becomes an error for its line; the rest go on.
 */
abstract class ProductRows implements Closeable {

    /** One record: its (first) line, and the product or why there is none. */
    record Row(long line, ProductInput input, String error) {
    }

    /** The next record, or null at the end. */
    abstract Row next() throws IOException;

    /** The next record with at least its id read (the first pass needs no more), or null at the end. */
    Row nextId() throws IOException {
        return next();
    }

    static ProductRows open(Path file) throws IOException {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? new Csv(file)
                : new JsonLines(file);
    }

    private static final class JsonLines extends ProductRows {
        private static final ObjectMapper MAPPER = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        private final BufferedReader reader;
        private long lineNo;

        JsonLines(Path file) throws IOException {
            reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        }

        /** The next non-blank line (counting every line read), or null at the end of the file. */
        private String nextLine() throws IOException {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (!line.isBlank()) {
                    return line;
                }
            }
            return null;
        }

        @Override
        Row next() throws IOException {
            String line = nextLine();
            if (line == null) {
                return null;
            }
            try {
                ProductInput input = MAPPER.readValue(line, ProductInput.class);
                return input == null ? new Row(lineNo, null, "not a JSON object") : new Row(lineNo, input, null);
            } catch (IOException e) {
                return new Row(lineNo, null, e.getMessage().lines().findFirst().orElse("not JSON"));
            }
        }

        /**
         * Only the top-level id, streaming: the other fields are skipped token by token, never built into objects, so
         * the first pass over a large file costs a fraction of the second.
         */
        @Override
        Row nextId() throws IOException {
            String line = nextLine();
            if (line == null) {
                return null;
            }
            ProductInput input = new ProductInput();
            try (JsonParser json = MAPPER.getFactory().createParser(line)) {
                if (json.nextToken() != JsonToken.START_OBJECT) {
                    return new Row(lineNo, null, "not a JSON object");
                }
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    JsonToken value = json.nextToken();
                    if (field.equals("id")) {
                        input.id = value == JsonToken.VALUE_STRING ? json.getText() : null;
                    } else {
                        json.skipChildren();
                    }
                }
                return new Row(lineNo, input, null);
            } catch (IOException e) {
                return new Row(lineNo, null, "not JSON");
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /**
     * {@code id,name,description,price,currency,manufacturer} (id and name required, the others optional, any order)
     * plus any number of {@code property:TYPE} columns whose cells hold {@code ;}-separated values.
     */
    static final class Csv extends ProductRows {
        static final Set<String> FIELDS = Set.of("id", "name", "description", "price", "currency", "manufacturer");
        static final String PROPERTY_PREFIX = "property:";

        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final List<String> header;
        private long nextLine = 2; // line 1 is the header

        Csv(Path file) throws IOException {
            parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                    .build().parse(Files.newBufferedReader(file, StandardCharsets.UTF_8));
            header = parser.getHeaderNames();
            List<String> unknown = new ArrayList<>();
            for (String column : header) {
                if (!FIELDS.contains(column) && !(column.startsWith(PROPERTY_PREFIX)
                        && column.length() > PROPERTY_PREFIX.length())) {
                    unknown.add(column);
                }
            }
            if (!header.contains("id") || !header.contains("name") || !unknown.isEmpty()) {
                parser.close();
                throw new BulkLoader.BadInputFile("CSV header must have columns id and name, optionally description, price, currency,"
                        + " manufacturer and property:TYPE columns" + (unknown.isEmpty() ? "" : "; unknown " + unknown));
            }
            records = parser.iterator();
        }

        @Override
        Row next() throws IOException {
            CSVRecord record;
            long line = nextLine;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                // An unbalanced quote: the parser cannot find where the next record starts, so reading ends here.
                throw new BulkLoader.BadInputFile("CSV unreadable after line " + line + ": " + e.getMessage());
            }
            nextLine = parser.getCurrentLineNumber() + 1;
            if (!record.isConsistent()) {
                return new Row(line, null, "has " + record.size() + " fields, the header has " + header.size());
            }
            ProductInput in = new ProductInput();
            in.id = cell(record, "id");
            in.name = cell(record, "name");
            in.description = cell(record, "description");
            in.currency = cell(record, "currency");
            in.manufacturer = cell(record, "manufacturer");
            String price = cell(record, "price");
            if (price != null) {
                try {
                    in.price = Double.valueOf(price);
                } catch (NumberFormatException e) {
                    return new Row(line, null, "price is not a number: " + price);
                }
            }
            List<PropertyInput> properties = new ArrayList<>();
            for (String column : header) {
                if (!column.startsWith(PROPERTY_PREFIX)) {
                    continue;
                }
                String cell = cell(record, column);
                if (cell == null) {
                    continue;
                }
                for (String value : cell.split(";")) {
                    if (!value.isBlank()) {
                        PropertyInput p = new PropertyInput();
                        p.type = column.substring(PROPERTY_PREFIX.length());
                        p.value = value.strip();
                        properties.add(p);
                    }
                }
            }
            in.properties = properties;
            return new Row(line, in, null);
        }

        private static String cell(CSVRecord record, String column) {
            if (!record.isMapped(column)) {
                return null;
            }
            String value = record.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
