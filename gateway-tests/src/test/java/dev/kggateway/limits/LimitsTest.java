package dev.kggateway.limits;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kggateway.support.Gql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each configured limit rejects the request with its code; requests just inside the limits still run. */
@QuarkusTest
class LimitsTest {

    /** 14 levels: products > edges > node > (similarProducts > product) x5 > id. */
    static final String DEEP = "{ products(first: 1) { edges { node { similarProducts(first: 1) { product { similarProducts(first: 1) { product {"
            + " similarProducts(first: 1) { product { similarProducts(first: 1) { product { similarProducts(first: 1) { product { id } } } } } } } } } } } } } }";

    @Test
    void tooDeep() {
        assertEquals("QUERY_TOO_DEEP", Gql.errorCode(Gql.post(DEEP)));
    }

    @Test
    void deepViaFragmentsCountsExpanded() {
        String q = "query { products(first: 1) { edges { node { ...A } } } }"
                + " fragment A on Product { similarProducts(first: 1) { product { ...B } } }"
                + " fragment B on Product { similarProducts(first: 1) { product { ...C } } }"
                + " fragment C on Product { similarProducts(first: 1) { product { ...D } } }"
                + " fragment D on Product { similarProducts(first: 1) { product { ...E } } }"
                + " fragment E on Product { similarProducts(first: 1) { product { id } } }";
        assertEquals("QUERY_TOO_DEEP", Gql.errorCode(Gql.post(q)));
    }

    @Test
    void justWithinDepthRuns() {
        // 12 levels (products > edges > node > (similarProducts > product) x4 > id).
        String q = "{ products(first: 1) { edges { node { similarProducts(first: 1) { product { similarProducts(first: 1) { product {"
                + " similarProducts(first: 1) { product { similarProducts(first: 1) { product { id } } } } } } } } } } } }";
        Gql.ok(q);
    }

    @Test
    void tooManyAliases() {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 31; i++) {
            q.append(" a").append(i).append(": propertyTypes { type }");
        }
        JsonPath json = Gql.post(q.append(" }").toString());
        assertEquals("TOO_MANY_ALIASES", Gql.errorCode(json));
        assertNull(json.get("data"));
    }

    @Test
    void aliasesOfIntrospectionFieldsCount() {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 1000; i++) {
            q.append(" t").append(i).append(": __typename");
        }
        assertEquals("TOO_MANY_ALIASES", Gql.errorCode(Gql.post(q.append(" }").toString())));
    }

    @Test
    void duplicatedFieldsCount() {
        // 14,000 copies of one field: under the parser's token cap, each a comparison for graphql-java's
        // overlapping-fields rule (quadratic), so the field limit must refuse it before validation runs.
        String q = "{ propertyTypes {" + " type".repeat(14_000) + " } }";
        assertEquals("TOO_MANY_FIELDS", Gql.errorCode(Gql.post(q)));
        assertEquals("TOO_MANY_FIELDS", Gql.errorCode(Gql.post("{" + " __typename".repeat(1001) + " }")));
    }

    @Test
    void graphiqlIntrospectionRuns() {
        // Deeper than max-depth (TypeRef nests ofType 7 times) and ~200 fields: must stay within the limits.
        Gql.ok(INTROSPECTION);
    }

    static final String INTROSPECTION = """
            query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name }
              types { ...FullType } directives { name description locations args { ...InputValue } } } }
            fragment FullType on __Type { kind name description
              fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
              inputFields { ...InputValue } interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } }
            fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
            fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
              ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }""";

    @Test
    void thirtyAliasesRun() {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 30; i++) {
            q.append(" a").append(i).append(": propertyTypes { type }");
        }
        assertNotNull(Gql.ok(q.append(" }").toString()).get("data.a29"));
    }

    @Test
    void tooManyOperations() {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            q.append("query Q").append(i).append(" { propertyTypes { type } }\n");
        }
        String response = given().contentType(ContentType.JSON)
                .body(Map.of("query", q.toString(), "operationName", "Q0"))
                .post("/graphql").then().statusCode(400).extract().asString();
        assertEquals("TOO_MANY_OPERATIONS", Gql.errorCode(new JsonPath(response)));
    }

    @Test
    void tooComplexWithLiteralAndVariablePageSizes() {
        // 100 products x 100 similar x 10 similar: 100,000 product ids, over the 50,000 budget.
        String q = "{ products(first: 100) { edges { node { similarProducts(first: 100) { product { similarProducts(first: 10) { product { id } } } } } } } }";
        assertEquals("QUERY_TOO_COMPLEX", Gql.errorCode(Gql.post(q)));
        String v = "query($n: Int) { products(first: $n) { edges { node { similarProducts(first: $n) { product { similarProducts(first: 10) { product { id } } } } } } } }";
        // Same document text: the second run hits SmallRye's validated-document cache, complexity is still checked.
        Gql.ok(v, Map.of("n", 3));
        assertEquals("QUERY_TOO_COMPLEX", Gql.errorCode(Gql.post(v, Map.of("n", 100))));
        // Backward pages are priced like forward ones (last, literal or variable).
        assertEquals("QUERY_TOO_COMPLEX", Gql.errorCode(Gql.post(q.replace("products(first: 100)", "products(last: 100)"))));
        String l = v.replace("products(first: $n)", "products(last: $n)");
        Gql.ok(l, Map.of("n", 3));
        assertEquals("QUERY_TOO_COMPLEX", Gql.errorCode(Gql.post(l, Map.of("n", 100))));
    }

    @Test
    void ordinaryFullPageRuns() {
        Gql.ok("{ products(first: 100) { edges { node { id name properties { type value source } } } } }");
        // A page of pages (about 20,000 values) is still fine.
        Gql.ok("{ properties(first: 100) { edges { node { id type value products(first: 100) { totalCount edges { node { id } } } } } } }");
        // An over-large page size is the resolver's INVALID_ARGUMENT, not a complexity error: priced at max-first.
        assertEquals("INVALID_ARGUMENT", Gql.errorCode(Gql.post("{ products(first: 100000) { totalCount edges { node { id } } } }")));
    }

    @Test
    void facetsArePricedPerTypeAndValueNotPerEdge() {
        // A listing page with facets: 3 types x 100 values, priced beside the 100 edges, not multiplied by them
        // (two aliased facets of 100 x 100 each would be 60,000 if they were).
        Gql.ok("{ products(first: 100) { totalCount priceStats { min max avg } edges { node { id } }"
                + " a: facets(types: [\"material\"], first: 100) { type values { value count } }"
                + " b: facets(types: [\"colour\", \"size\"], first: 100) { type values { value count } } } }");
        // Facets of every type (priced at 20 types) of each of 100 property listings: 100 x 20 x 100 values.
        assertEquals("QUERY_TOO_COMPLEX", Gql.errorCode(Gql.post("{ properties(first: 100) { edges { node {"
                + " products(first: 1) { facets(first: 100) { type values { value count } } } } } } }")));
        // The number of types named (variable) is priced too: 100 x 25 x 100 values; the list size limit itself is
        // the resolver's INVALID_ARGUMENT.
        String v = "query($t: [String!]) { properties(first: 100) { edges { node {"
                + " products(first: 1) { facets(types: $t, first: 100) { values { value } } } } } } }";
        Gql.ok(v, Map.of("t", java.util.List.of("material")));
        assertEquals("QUERY_TOO_COMPLEX", Gql.errorCode(Gql.post(v, Map.of("t", java.util.Collections.nCopies(25, "material")))));
    }

    /** A filter nested {@code levels} deep: not { anyOf [ allOf [ ... { minPrice: 1 } ] ] }. */
    static Map<String, Object> nested(int levels) {
        Map<String, Object> f = Map.of("minPrice", 1.0);
        for (int i = 1; i < levels; i++) {
            f = switch (i % 3) {
                case 0 -> Map.of("not", f);
                case 1 -> Map.of("anyOf", java.util.List.of(f));
                default -> Map.of("allOf", java.util.List.of(f, Map.of("text", "a")));
            };
        }
        return f;
    }

    static final String FILTERED = "query($f: ProductFilter) { products(filter: $f, first: 1) { totalCount } }";

    /** Posts and expects a refusal before execution: HTTP 400, no data, the given code. */
    static void refused(String query, Map<String, ?> variables, String code) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        String response = given().contentType(ContentType.JSON).body(body).post("/graphql").then().statusCode(400)
                .extract().asString();
        JsonPath json = new JsonPath(response);
        assertEquals(code, Gql.errorCode(json), response);
        assertNull(json.get("data"));
    }

    @Test
    void deepFiltersAreRefusedBeforeExecution() {
        Gql.ok(FILTERED, Map.of("f", nested(4)));
        refused(FILTERED, Map.of("f", nested(5)), "FILTER_TOO_COMPLEX");
        // Far beyond the cap (the JSON body depth limit, 64, bounds variables further); a literal is measured like a
        // variable.
        refused(FILTERED, Map.of("f", nested(20)), "FILTER_TOO_COMPLEX");
        refused("{ products(filter: {not: {not: {not: {not: {minPrice: 1}}}}}) { totalCount } }", Map.of(),
                "FILTER_TOO_COMPLEX");
        // Inside a literal, a variable holding a group counts its levels too.
        refused("query($g: ProductFilter) { products(filter: {not: {not: {not: $g}}}) { totalCount } }",
                Map.of("g", Map.of("not", Map.of("minPrice", 1.0))), "FILTER_TOO_COMPLEX");
    }

    @Test
    void wideFiltersAreRefusedBeforeExecution() {
        java.util.List<String> twenty = java.util.Collections.nCopies(20, "acme");
        Gql.ok(FILTERED, Map.of("f", Map.of("manufacturerIn", twenty)));
        refused(FILTERED, Map.of("f", Map.of("manufacturerIn", java.util.Collections.nCopies(21, "acme"))),
                "FILTER_TOO_COMPLEX");
        refused(FILTERED, Map.of("f", Map.of("anyOf", java.util.Collections.nCopies(21, Map.of("minPrice", 1.0)))),
                "FILTER_TOO_COMPLEX");
        refused(FILTERED, Map.of("f", Map.of("propertyIn", java.util.List.of(Map.of("type", "color",
                "values", java.util.Collections.nCopies(21, "red"))))), "FILTER_TOO_COMPLEX");
        // Many narrow groups: 5 x (1 + 20 + 1) conditions, over the 100 conditions cap though every list has 20.
        Map<String, Object> group = Map.of("manufacturerIn", twenty);
        refused(FILTERED, Map.of("f", Map.of("allOf", java.util.Collections.nCopies(5, group))), "FILTER_TOO_COMPLEX");
        Gql.ok(FILTERED, Map.of("f", Map.of("allOf", java.util.Collections.nCopies(3, group))));
    }

    @Test
    void filterConditionsCountTowardsComplexity() {
        // 27 aliased listings of 100 edges: 1,802 field values each (48,654 in all), within the 50,000 budget
        // without filters; each of the 27 filters holds 80 conditions (4 x (1 + 18 + 1)): 2,160 more, over it.
        Map<String, Object> group = Map.of("manufacturerIn", java.util.Collections.nCopies(18, "acme"));
        Map<String, Object> f = Map.of("allOf", java.util.Collections.nCopies(4, group));
        String page = "{ edges { node { id name description price currency manufacturer properties"
                + " { type value source confidence modelVersion property { id type value } } } cursor } } ";
        StringBuilder q = new StringBuilder("query($f: ProductFilter) {");
        StringBuilder plain = new StringBuilder("{");
        for (int i = 0; i < 27; i++) {
            q.append(" a").append(i).append(": products(filter: $f, first: 100) ").append(page);
            plain.append(" a").append(i).append(": products(first: 100) ").append(page);
        }
        assertEquals("QUERY_TOO_COMPLEX", Gql.errorCode(Gql.post(q.append("}").toString(), Map.of("f", f))));
        Gql.ok(plain.append("}").toString(), Map.of());
    }

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void oversizedBodyIs413() throws Exception {
        String big = "{\"query\": \"{ propertyTypes { type } }\", \"pad\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        // Expect: 100-continue lets the server refuse on Content-Length before the client streams 5 MB into a
        // connection the server is about to close.
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(graphql).expectContinue(true)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(big)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode());
    }
}
