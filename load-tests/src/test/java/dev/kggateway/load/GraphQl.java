package dev.kggateway.load;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * GraphQL request bodies. Queries are constants with variables (never string-concatenated
 * values), like real clients: the server can cache the parsed document, and the load test
 * measures execution rather than parsing of ever-new documents.
 *
 * <p>Jackson comes with Gatling (transitive dependency of gatling-core).
 */
final class GraphQl {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String PRODUCT_BY_ID = """
            query ProductById($id: ID!) {
              product(id: $id) {
                id name description price currency manufacturer
                properties { type value source confidence }
              }
            }""";

    static final String PRODUCTS_FILTERED = """
            query ProductsFiltered($filter: ProductFilter, $first: Int, $after: String) {
              products(filter: $filter, first: $first, after: $after) {
                totalCount
                edges { cursor node { id name price currency manufacturer } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    static final String PRODUCTS_PAGE_NESTED = """
            query ProductsPage($first: Int, $after: String) {
              products(first: $first, after: $after) {
                totalCount
                edges {
                  cursor
                  node {
                    id name description price currency manufacturer
                    properties { type value source confidence modelVersion }
                  }
                }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    static final String SIMILAR_PRODUCTS = """
            query Similar($id: ID!, $first: Int, $minShared: Int) {
              similarProducts(id: $id, first: $first, minShared: $minShared) {
                score sharedCount
                product { id name }
                shared { type value }
              }
            }""";

    static final String EXTRACT_PROPERTIES = """
            query Extract($text: String!) {
              extractProperties(text: $text) { type value confidence }
            }""";

    static final String ADD_PRODUCTS = """
            mutation Add($inputs: [ProductInput!]!) {
              addProducts(inputs: $inputs) { added failed durationMs errors { __typename } }
            }""";

    /** The latency gate's baseline: touches neither store nor model. */
    static final String TYPENAME = "{ __typename }";

    /** Used once at start-up to find ids and realistic filter values. */
    static final String BOOTSTRAP = """
            query Bootstrap($first: Int) {
              products(first: $first) {
                edges { node { id manufacturer price properties { type value } } }
              }
            }""";

    private GraphQl() {
    }

    static String body(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
