package dev.kggateway.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** Posts GraphQL documents to the running test gateway. */
public final class Gql {

    private Gql() {
    }

    public static JsonPath post(String query) {
        return post(query, Map.of());
    }

    public static JsonPath post(String query, Map<String, ?> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        io.restassured.response.Response r = given().contentType(ContentType.JSON).body(body)
                .when().post("/graphql");
        String response = r.then().extract().asString();
        // Doubles, not RestAssured's default floats: scores are compared to 1e-9. GPathJson: the same JsonPath, with
        // plain paths read in Java instead of a Groovy script per read.
        JsonPath json = new GPathJson(response, new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        // GraphQL over HTTP: 200 when the operation ran (errors or not), 400 when the request was refused
        // before execution (parse, validation, limits), which then has errors and no data at all.
        if (r.statusCode() == 400) {
            if (json.get("errors") == null || json.getMap("").containsKey("data")) {
                throw new AssertionError("HTTP 400 must carry errors and no data: " + response);
            }
        } else if (r.statusCode() != 200) {
            throw new AssertionError("HTTP " + r.statusCode() + ": " + response);
        }
        return json;
    }

    /** Posts and fails on any GraphQL error. */
    public static JsonPath ok(String query, Map<String, ?> variables) {
        JsonPath json = post(query, variables);
        Object errors = json.get("errors");
        if (errors != null) {
            throw new AssertionError("unexpected GraphQL errors: " + errors + " for " + query);
        }
        return json;
    }

    public static JsonPath ok(String query) {
        return ok(query, Map.of());
    }

    /** The {@code extensions.code} of the first error; fails when there is none. */
    public static String errorCode(JsonPath json) {
        Object errors = json.get("errors");
        if (errors == null) {
            throw new AssertionError("expected a GraphQL error, got data " + json.get("data"));
        }
        return json.getString("errors[0].extensions.code");
    }
}
