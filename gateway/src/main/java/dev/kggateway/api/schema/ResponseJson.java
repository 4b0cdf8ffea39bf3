package dev.kggateway.api.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import graphql.ExecutionResult;
import io.smallrye.graphql.execution.ExecutionResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * A GraphQL response's text, written straight from graphql-java's result with Jackson, byte for byte the text
 * SmallRye's {@link ExecutionResponse#getExecutionResultAsString()} makes. SmallRye first copies the whole result into
 * a tree of jakarta.json values (an object builder per map, a JsonString per string, a BigDecimal per double), then
 * prints the tree with Parsson: 3–5 % of an uncached product(id)'s server CPU samples and ~36 KB of its ~315 KB
 * allocation (BENCHMARKS.md "Uncached product by id, fifth pass").
 * <p>
 * Only the common shape is written here: data only (no errors, no extensions), made of the values graphql-java gives
 * SmallRye (maps with string keys, collections, strings, numbers, booleans, enums, null). Anything else (errors,
 * extensions, a JsonValue or another object SmallRye would pass through JSON-B) returns null, and the caller uses
 * SmallRye's own text. The rules are Parsson's, as SmallRye reaches them: a {@code Double} printed as
 * {@code BigDecimal.valueOf(d).toString()} ({@code 1.0E+10}, not Java's {@code 1.0E10}), a {@code Float} as
 * {@code new BigDecimal(String.valueOf(f))}; strings escape {@code "}, {@code \} and the characters below U+0020
 * ({@code \b \f \n \r \t}, the others as six-character escapes with lower-case hex digits); nothing else is
 * escaped, no spaces.
 */
public final class ResponseJson {

    /** Jackson's escapes are Parsson's but for the case of the hex digits (Jackson's default: upper case). */
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();

    private ResponseJson() {
    }

    /** SmallRye's response text for this result, or null when the result is not of the shape written here. */
    public static String write(ExecutionResult result) {
        if (!result.getErrors().isEmpty() || result.getExtensions() != null || !result.isDataPresent()) {
            return null;
        }
        StringWriter out = new StringWriter(2048);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeFieldName("data");
            if (!value(json, result.getData())) {
                return null;
            }
            json.writeEndObject();
        } catch (IOException e) {
            return null; // not a failure to write (a StringWriter does not fail) but a Jackson limit: SmallRye's text
        }
        return out.toString();
    }

    /** Writes one value as SmallRye's {@code toJsonValue} then Parsson would; false when it is of another kind. */
    private static boolean value(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    return false;
                }
                json.writeFieldName(key);
                if (!value(json, e.getValue())) {
                    return false;
                }
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                if (!value(json, element)) {
                    return false;
                }
            }
            json.writeEndArray();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Double d) {
            json.writeNumber(BigDecimal.valueOf(d).toString());
        } else if (value instanceof Float f) {
            json.writeNumber(new BigDecimal(String.valueOf(f)).toString());
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            json.writeNumber(((Number) value).intValue());
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d.toString());
        } else if (value instanceof BigInteger i) {
            json.writeNumber(new BigDecimal(i).toString());
        } else if (value instanceof Enum<?> e) {
            json.writeString(e.name());
        } else {
            return false; // a JsonValue, or an object SmallRye serialises through JSON-B
        }
        return true;
    }
}
