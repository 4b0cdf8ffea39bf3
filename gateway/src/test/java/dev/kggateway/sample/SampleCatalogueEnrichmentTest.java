package dev.kggateway.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.support.Fixture;
import dev.kggateway.support.Gql;
import dev.kggateway.support.ModelProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * First start as a user gets it: the bundled sample catalogue loaded and enriched by the shipped model. No stored
 * property node may be junk, whatever the model: every value has a letter or digit, is a handful of words at most,
 * and is not just a function word.
 */
@QuarkusTest
@TestProfile(SampleCatalogueEnrichmentTest.SampleWithModel.class)
class SampleCatalogueEnrichmentTest {

    public static class SampleWithModel extends ModelProfile {
        @Override
        protected Map<String, String> extraOverrides() {
            return Map.of("kg.sample.load-on-empty", "true",
                    "kg.sample.enrich", "true",
                    "kg.sample.resource", "sample/catalogue.jsonl");
        }
    }

    static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "and", "as", "at", "by", "for", "from", "in", "of",
            "on", "or", "per", "the", "to", "with", "x");

    @Test
    void theEnrichedSampleCatalogueHasNoJunkNode() {
        assertEquals(300, Gql.ok("{ products { totalCount } }").getInt("data.products.totalCount"));
        List<Map<String, Object>> nodes = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = Gql.ok("query($after: String) { properties(first: 100, after: $after) { edges { node { type value productCount } } "
                    + "pageInfo { hasNextPage endCursor } } }", Fixture.vars("after", after));
            nodes.addAll(page.getList("data.properties.edges.node"));
            after = page.getBoolean("data.properties.pageInfo.hasNextPage") ? page.getString("data.properties.pageInfo.endCursor") : null;
        } while (after != null);
        assertTrue(nodes.size() > 100, "the catalogue has many distinct properties: " + nodes.size());
        List<String> junk = new ArrayList<>();
        for (Map<String, Object> n : nodes) {
            String value = (String) n.get("value");
            String[] words = value.split(" ");
            boolean bad = value.codePoints().noneMatch(Character::isLetterOrDigit) || words.length > 6
                    || (words.length == 1 && FUNCTION_WORDS.contains(value.replaceAll("\\p{Punct}", "")))
                    || !value.equals(value.strip()) || value.contains("  ");
            if (bad) {
                junk.add(n.get("type") + "=" + value + " (" + n.get("productCount") + " products)");
            }
        }
        assertTrue(junk.isEmpty(), "junk nodes: " + junk);
        int ner = Gql.ok("{ products(first: 100) { edges { node { properties(source: NER) { value } } } } }")
                .getList("data.products.edges.node.properties.value").stream().mapToInt(l -> ((List<?>) l).size()).sum();
        assertTrue(ner > 0, "the sample catalogue was enriched");
    }
}
