package dev.kggateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.introspection.IntrospectionQuery;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The checked-in SDL must be exactly what the server serves, both as {@code /graphql/schema.graphql} and through
 * introspection (what codegen and GraphiQL read); every schema element is described; GraphiQL and readiness are
 * reachable.
 */
@QuarkusTest
class ServedSchemaTest {

    static final Path SDL = Path.of("../graphql-schema/schema.graphql"); // tests run in gateway-tests/
    static final ObjectMapper JSON = new ObjectMapper();
    /** graphql-java and SmallRye disagree on @deprecated(reason: String vs String!); neither is in the SDL. */
    static final java.util.regex.Pattern BUILT_IN_DIRECTIVE =
            java.util.regex.Pattern.compile("\\.directives\\[(deprecated|skip|include|specifiedBy|oneOf)\\]\\..*");
    static final java.util.regex.Pattern BUILT_IN_DESCRIPTION =
            java.util.regex.Pattern.compile("\\.types\\[(Int|Float|String|Boolean|ID)\\]\\.description");

    /** The schema SmallRye GraphQL serves (its CDI producer). */
    @Inject
    GraphQLSchema servedSchema;

    /**
     * With {@code quarkus.smallrye-graphql.field-visibility} at its default, no field is hidden and none is matched
     * against patterns per request (api/schema/DefaultFieldVisibility; SmallRye would install a BlockedFields).
     */
    @Test
    void defaultFieldVisibilityChecksNothingPerField() {
        assertEquals(DefaultGraphqlFieldVisibility.class,
                servedSchema.getCodeRegistry().getFieldVisibility().getClass());
    }

    /**
     * Quarkus' GraphQL handler executes through api/schema/DirectJsonExecutionService (responses printed without a
     * jakarta.json tree), and a served answer is SmallRye's text for the same result.
     */
    @Test
    void requestsRunThroughTheDirectJsonService() throws Exception {
        assertEquals(dev.kggateway.api.schema.DirectJsonExecutionService.class,
                io.quarkus.arc.Arc.container().instance(io.smallrye.graphql.execution.ExecutionService.class).get()
                        .getClass());
        String query = "{ __typename a: __typename }";
        String served = given().contentType(ContentType.JSON).body(JSON.writeValueAsString(Map.of("query", query)))
                .post("/graphql").then().statusCode(200).extract().asString();
        ExecutionResult result = GraphQL.newGraphQL(servedSchema).build().execute(query);
        assertEquals(new io.smallrye.graphql.execution.ExecutionResponse(result).getExecutionResultAsString(), served);
    }

    @Test
    void checkedInSchemaEqualsServedSchema() throws Exception {
        String served = given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("schema.write")) {
            Files.writeString(SDL, served);
        }
        assertEquals(Files.readString(SDL), served,
                "graphql-schema/schema.graphql drifted from the served schema; regenerate with "
                        + "./mvnw test -Dtest=ServedSchemaTest -Dschema.write=true and review the diff");
    }

    /**
     * Introspection of the running server equals introspection of a schema built from the checked-in SDL alone:
     * every type, field, argument, default value, enum value, description, scalar and directive.
     */
    @Test
    void introspectionEqualsCheckedInSchema() throws Exception {
        JsonNode served = normalise(servedIntrospection());
        GraphQLSchema fromSdl = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(Files.readString(SDL)));
        ExecutionResult local = GraphQL.newGraphQL(fromSdl).build().execute(IntrospectionQuery.INTROSPECTION_QUERY);
        assertTrue(local.getErrors().isEmpty(), local.getErrors().toString());
        JsonNode expected = normalise(JSON.valueToTree(local.getData()).get("__schema"));
        List<String> differences = new ArrayList<>();
        diff("", expected, served, differences);
        assertTrue(differences.isEmpty(), "introspection differs from graphql-schema/schema.graphql (expected=SDL, "
                + "actual=served):\n" + String.join("\n", differences));
    }

    /** Every type, field, argument, input field and enum value outside the built-ins has a description. */
    @Test
    void everySchemaElementIsDescribed() {
        JsonNode schema = servedIntrospection();
        Set<String> builtIn = Set.of("String", "Boolean", "Int", "Float", "ID");
        List<String> missing = new ArrayList<>();
        int elements = 0;
        for (JsonNode type : schema.get("types")) {
            String name = type.get("name").asText();
            if (name.startsWith("__") || builtIn.contains(name)) {
                continue;
            }
            elements++;
            if (blank(type)) {
                missing.add("type " + name);
            }
            for (JsonNode field : list(type, "fields")) {
                elements++;
                if (blank(field)) {
                    missing.add("field " + name + "." + field.get("name").asText());
                }
                for (JsonNode arg : list(field, "args")) {
                    elements++;
                    if (blank(arg)) {
                        missing.add("argument " + name + "." + field.get("name").asText() + "("
                                + arg.get("name").asText() + ")");
                    }
                }
            }
            for (JsonNode field : list(type, "inputFields")) {
                elements++;
                if (blank(field)) {
                    missing.add("input field " + name + "." + field.get("name").asText());
                }
            }
            for (JsonNode value : list(type, "enumValues")) {
                elements++;
                if (blank(value)) {
                    missing.add("enum value " + name + "." + value.get("name").asText());
                }
            }
        }
        assertTrue(elements > 100, "the walk saw the schema: " + elements);
        assertTrue(missing.isEmpty(), missing.size() + " of " + elements + " schema elements lack a description:\n"
                + String.join("\n", missing));
    }

    /** Scalars nothing uses (SmallRye registers BigDecimal and BigInteger) do not show in introspection. */
    @Test
    void noUnusedScalars() {
        Set<String> scalars = new TreeSet<>();
        for (JsonNode type : servedIntrospection().get("types")) {
            if ("SCALAR".equals(type.get("kind").asText())) {
                scalars.add(type.get("name").asText());
            }
        }
        assertEquals(new TreeSet<>(List.of("Boolean", "Float", "ID", "Int", "String")), scalars);
    }

    @Test
    void graphiqlIsServed() {
        given().redirects().follow(true).when().get("/q/graphql-ui/").then().statusCode(200)
                .body(containsString("GraphiQL"));
    }

    /** README "GraphQL over HTTP": @defer is accepted and its fragment comes in the one JSON answer. */
    @Test
    void deferredFragmentsComeInTheOneAnswer() throws Exception {
        String body = given().contentType(ContentType.JSON)
                .body(Map.of("query", "{ products(first: 1) { edges { node { id } } ... @defer { totalCount } } }"))
                .when().post("/graphql").then().statusCode(200).contentType(ContentType.JSON).extract().asString();
        JsonNode json = JSON.readTree(body);
        assertTrue(json.get("errors") == null, body);
        assertTrue(json.path("data").path("products").path("totalCount").isInt(), body);
        assertTrue(json.get("hasNext") == null, "no incremental payloads: " + body);
    }

    @Test
    void readinessIsUpOnceTheStoreIsOpen() {
        given().when().get("/q/health/ready").then().statusCode(200).body(containsString("graph-store"));
    }

    static JsonNode servedIntrospection() {
        String body = given().contentType(ContentType.JSON).body(Map.of("query", IntrospectionQuery.INTROSPECTION_QUERY))
                .when().post("/graphql").then().statusCode(200).extract().asString();
        try {
            JsonNode json = JSON.readTree(body);
            assertTrue(json.get("errors") == null, body);
            return json.get("data").get("__schema");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean blank(JsonNode element) {
        JsonNode d = element.get("description");
        return d == null || d.isNull() || d.asText().isBlank();
    }

    private static Iterable<JsonNode> list(JsonNode node, String name) {
        JsonNode list = node.get(name);
        return list == null || list.isNull() ? List.of() : list;
    }

    /** Arrays of named elements sorted by name, so that order (which GraphQL does not define) does not count. */
    static JsonNode normalise(JsonNode node) {
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(n -> items.add(normalise(n)));
            if (items.stream().allMatch(n -> n.isObject() && n.hasNonNull("name"))) {
                items.sort(Comparator.comparing(n -> n.get("name").asText()));
            }
            ArrayNode sorted = JSON.createArrayNode();
            items.forEach(sorted::add);
            return sorted;
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            names(node).forEach(k -> copy.set(k, normalise(node.get(k))));
            return copy;
        }
        return node;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (out.size() > 40) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> keys = names(expected);
            actual.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                JsonNode e = expected.get(k);
                JsonNode a = actual.get(k);
                if (e == null || a == null) {
                    out.add(path + "." + k + ": " + (e == null ? "only served" : "only in SDL"));
                } else {
                    diff(path + "." + k, e, a, out);
                }
            }
        } else if (expected.isArray() && actual.isArray() && named(expected) && named(actual)) {
            Map<String, JsonNode> e = byName(expected);
            Map<String, JsonNode> a = byName(actual);
            Set<String> names = new TreeSet<>(e.keySet());
            names.addAll(a.keySet());
            for (String n : names) {
                if (!e.containsKey(n) || !a.containsKey(n)) {
                    out.add(path + "[" + n + "]: " + (e.containsKey(n) ? "only in SDL" : "only served"));
                } else {
                    diff(path + "[" + n + "]", e.get(n), a.get(n), out);
                }
            }
        } else if (BUILT_IN_DESCRIPTION.matcher(path).matches() || BUILT_IN_DIRECTIVE.matcher(path).matches()) {
            // SmallRye replaces the built-in scalars, with its own wording of their descriptions: not ours to pin.
        } else if (!expected.equals(actual)) {
            out.add(path + ": SDL " + expected + " served " + actual);
        }
    }

    private static boolean named(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isObject() || !n.hasNonNull("name")) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byName(JsonNode array) {
        Map<String, JsonNode> m = new java.util.TreeMap<>();
        array.forEach(n -> m.put(n.get("name").asText(), n));
        return m;
    }
}
