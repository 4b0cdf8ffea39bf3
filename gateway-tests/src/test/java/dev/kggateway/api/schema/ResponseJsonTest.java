package dev.kggateway.api.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQL;
import graphql.GraphqlErrorBuilder;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ResponseJson} against SmallRye's own text ({@link ExecutionResponse#getExecutionResultAsString()}) for the
 * same result: byte-equal for every value graphql-java hands SmallRye (numbers at the edges of their printing, every
 * character below U+0080, non-ASCII text and lone surrogates, nesting, key order, nulls), and null (SmallRye's text
 * then) for the shapes it does not write.
 */
class ResponseJsonTest {

    private enum Currency { EUR, USD }

    private static String smallRye(ExecutionResult result) {
        return new ExecutionResponse(result).getExecutionResultAsString();
    }

    private static ExecutionResult data(Object data) {
        return ExecutionResultImpl.newExecutionResult().data(data).build();
    }

    private static void assertSameText(Object data) {
        ExecutionResult result = data(data);
        String ours = ResponseJson.write(result);
        assertNotNull(ours, "written directly: " + data);
        assertEquals(smallRye(result), ours);
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void numbersPrintAsParssonPrintsThem() {
        List<Object> numbers = new ArrayList<>(List.of(0.0, -0.0, 1.0, 0.1, 12.5, 1.0E10, 1.0E-7, 123456789.125,
                Double.MAX_VALUE, Double.MIN_VALUE, -3.75, 1e21, 1e-300, 7.0E22));
        numbers.addAll(List.of(0.1f, 1.0E10f, -2.5f, Float.MAX_VALUE, Float.MIN_VALUE, 3.4028235E38f));
        numbers.addAll(List.of(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, (short) 7, (byte) -8, 0L, Long.MAX_VALUE,
                Long.MIN_VALUE));
        numbers.addAll(List.of(new BigDecimal("1.50"), new BigDecimal("1E+3"), new BigDecimal("-0.000001"),
                BigDecimal.valueOf(123, -5), new BigInteger("123456789012345678901234567890"), BigInteger.ZERO));
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            numbers.add(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            numbers.add(random.nextFloat() * (float) Math.pow(10, random.nextInt(20) - 10));
        }
        assertSameText(object("numbers", numbers));
    }

    @Test
    void stringsEscapeAsParssonEscapesThem() {
        StringBuilder ascii = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            ascii.append(c);
        }
        assertSameText(object("ascii", ascii.toString(), ascii.toString(), "as a key too",
                "text", "Bücher — «naïve» 価格 \u2028 \u2029 \uD83D\uDE00 / </script>",
                "lone surrogates", "a\uD800b\uDC00c", "empty", ""));
    }

    @Test
    void nestingKeyOrderNullsBooleansAndEnumsAsSmallRye() {
        Map<String, Object> product = object("id", "p1", "name", null, "price", 19.99, "inStock", true,
                "discontinued", false, "currency", Currency.EUR, "properties",
                List.of(object("type", "colour", "value", "red", "confidence", 0.93),
                        object("type", "size", "value", null, "confidence", null)),
                "empty list", List.of(), "empty object", object(), "list of lists",
                List.of(List.of(1, 2), Arrays.asList(null, "x")));
        assertSameText(object("z", 1, "product", product, "a", Currency.USD));
        assertSameText(object("product", null));
        assertSameText(null);
    }

    @Test
    void aRealExecutionPrintsAsSmallRye() {
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
                type Query { product(id: ID!): Product }
                type Product { id: ID! name: String price: Float count: Int tags: [String] similar: [Product] }
                """), RuntimeWiring.newRuntimeWiring().type("Query", t -> t.dataFetcher("product",
                env -> object("id", env.getArgument("id"), "name", "Tab \t \"quoted\" \\ \u0001", "price", 1.0E10,
                        "count", 3, "tags", List.of("a", "b"), "similar",
                        List.of(object("id", "s1", "price", 0.5), object("id", "s2", "price", null)))))
                .build());
        ExecutionResult result = GraphQL.newGraphQL(schema).build().execute(ExecutionInput.newExecutionInput()
                .query("{ product(id: \"p\") { id name price count tags similar { id price } } }").build());
        assertTrue(result.getErrors().isEmpty(), result.getErrors().toString());
        String ours = ResponseJson.write(result);
        assertEquals(smallRye(result), ours);
        assertTrue(ours.contains("\"price\":1.0E+10"), ours); // Parsson's BigDecimal text, not Java's 1.0E10
    }

    @Test
    void otherShapesAreLeftToSmallRye() {
        assertNull(ResponseJson.write(ExecutionResultImpl.newExecutionResult().data(object("a", 1))
                .addError(GraphqlErrorBuilder.newError().message("boom").build()).build()), "errors");
        assertNull(ResponseJson.write(ExecutionResultImpl.newExecutionResult().data(object("a", 1))
                .extensions(Map.of("cost", 3)).build()), "extensions");
        assertNull(ResponseJson.write(ExecutionResultImpl.newExecutionResult().build()), "no data");
        assertNull(ResponseJson.write(data(object("json", Json.createValue("x")))), "a JsonValue");
        assertNull(ResponseJson.write(data(object("date", LocalDate.of(2026, 12, 3)))), "an object for JSON-B");
        assertNull(ResponseJson.write(data(Map.of(1, "x"))), "a key that is not a string");
        assertNull(ResponseJson.write(data(object("array", new int[] {1}))), "an array");
    }

    @Test
    void theResponseHandedToTheWriterPrintsTheSameText() {
        ExecutionResult result = data(object("product", object("id", "p1", "price", 2.5)));
        ExecutionResponse original = new ExecutionResponse(result);
        var response = new DirectJsonExecutionService.DirectResponse(original);
        assertSame(result, response.getExecutionResult());
        assertEquals(original.getExecutionResultAsString(), response.getExecutionResultAsString());
        assertEquals(original.getExecutionResultAsJsonObject(), response.getExecutionResultAsJsonObject());
        ExecutionResult failed = ExecutionResultImpl.newExecutionResult().data(null)
                .addError(GraphqlErrorBuilder.newError().message("boom").build()).build();
        var failedResponse = new DirectJsonExecutionService.DirectResponse(new ExecutionResponse(failed));
        assertEquals(smallRye(failed), failedResponse.getExecutionResultAsString());
        // The writer passes failures on unchanged.
        Throwable[] failedWith = new Throwable[1];
        ExecutionResponseWriter quarkus = new ExecutionResponseWriter() {
            @Override
            public void write(ExecutionResponse er) {
            }

            @Override
            public void fail(Throwable t) {
                failedWith[0] = t;
            }
        };
        RuntimeException boom = new RuntimeException("boom");
        new DirectJsonExecutionService.DirectWriter(quarkus).fail(boom);
        assertSame(boom, failedWith[0]);
    }
}
