package dev.kggateway.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kggateway.support.Gql;
import dev.kggateway.support.ModelProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Operators are told (docs/production.md) which series to watch: every metric name written there must exist on
 * {@code /q/metrics} of a gateway that has served GraphQL, store and model traffic, and the latencies the docs
 * ask a p99 of must carry histogram buckets. With the real model (ModelProfile) so inference metrics exist.
 */
@QuarkusTest
@TestProfile(ModelProfile.class)
class DocumentedMetricsTest {

    /** Backticked names with a metric family prefix; an optional {a,b} suffix list or {label=…} selector; a trailing *. */
    private static final Pattern DOC_NAME = Pattern.compile(
            "`((?:mp|kg|http|cache|ft|jvm|process|system|vertx)_[a-z0-9_]*)(\\{[^}`]*\\})?(\\*)?`");
    /** prometheus-adapter renames (k8s): `as: "<derived>"`, computed from the metric in its seriesQuery. */
    private static final Pattern ADAPTER_RULE = Pattern.compile(
            "seriesQuery: '([a-z0-9_]+)\\{[^']*'[\\s\\S]*?as: \"([a-z0-9_]+)\"");

    @Test
    void everyMetricTheDocsNameExists() throws IOException {
        traffic();
        Set<String> series = seriesNames(given().get("/q/metrics").then().statusCode(200).extract().asString());
        Map<String, String> derived = adapterRules();
        List<String> documented = documentedNames(Files.readString(Path.of("../docs/production.md")));
        assertTrue(documented.size() >= 15 && documented.contains("mp_graphql_seconds_bucket")
                && documented.contains("ft_circuitbreaker_state_current"), "docs/production.md not read as expected: "
                + documented);
        List<String> missing = new ArrayList<>();
        for (String name : documented) {
            String wanted = derived.getOrDefault(name, name);
            boolean found = wanted.endsWith("*")
                    ? series.stream().anyMatch(s -> s.startsWith(wanted.substring(0, wanted.length() - 1)))
                    : series.contains(wanted) || series.stream().anyMatch(s -> s.equals(wanted + "_count")
                            || s.equals(wanted + "_total") || s.equals(wanted + "_bucket"));
            if (!found) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "named in docs/production.md but not on /q/metrics; series:\n" + series);
    }

    @Test
    void latenciesHaveHistogramBuckets() {
        traffic();
        String m = given().get("/q/metrics").then().statusCode(200).extract().asString();
        // Micrometer orders labels alphabetically, le last.
        for (String bucket : List.of(
                "mp_graphql_seconds_bucket\\{name=\"products\",source=\"false\",type=\"QUERY\",le=\"0\\.1\"}",
                "mp_graphql_seconds_bucket\\{name=\"extractProperties\"[^}]*le=\"\\+Inf\"}",
                "kg_sparql_seconds_bucket\\{[^}]*query=\"property-type-stats\",le=\"0\\.005\"}",
                "kg_ner_inference_seconds_bucket\\{outcome=\"ok\",le=\"1\\.0\"}",
                "http_server_requests_seconds_bucket\\{[^}]*uri=\"/graphql\",le=\"0\\.25\"}")) {
            assertTrue(Pattern.compile(bucket).matcher(m).find(), "no series " + bucket + " in\n"
                    + ObservabilityTest.grep(m, bucket.substring(0, bucket.indexOf('_', 4))));
        }
        // Bounded cardinality: tags come from the schema, not from aliases or operation names.
        Gql.ok("query Whatever { a1: propertyTypes { type } }");
        String after = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(!after.contains("\"a1\"") && !after.contains("Whatever"), ObservabilityTest.grep(after, "mp_graphql"));
        assertTrue(Pattern.compile("mp_graphql_seconds_count\\{[^}]*name=\"propertyTypes\"").matcher(after).find());
    }

    /** A query (store), a store-free query through the model; both through GraphQL. */
    private static void traffic() {
        Gql.ok("{ products(first: 3) { edges { node { id } } } propertyTypes { type } }");
        Gql.ok("query($t: String!) { extractProperties(text: $t) { type value } }",
                Map.of("t", "Sterile polypropylene centrifuge tubes, 50 mL"));
    }

    static List<String> documentedNames(String markdown) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = DOC_NAME.matcher(markdown);
        while (m.find()) {
            String name = m.group(1);
            String braces = m.group(2);
            boolean prefix = m.group(3) != null;
            if (braces != null && name.endsWith("_") && !braces.contains("=")) {
                for (String suffix : braces.substring(1, braces.length() - 1).split(",")) {
                    names.add(name + suffix.trim());
                }
            } else {
                names.add(prefix ? name + "*" : name);
            }
        }
        return new ArrayList<>(names);
    }

    private static Set<String> seriesNames(String exposition) {
        Set<String> names = new LinkedHashSet<>();
        exposition.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }

    private static Map<String, String> adapterRules() throws IOException {
        Path rules = Path.of("../k8s/components/hpa-request-rate/prometheus-adapter-rules.yaml");
        Map<String, String> derived = new java.util.HashMap<>();
        if (Files.exists(rules)) {
            Matcher m = ADAPTER_RULE.matcher(Files.readString(rules));
            while (m.find()) {
                derived.put(m.group(2), m.group(1));
            }
        }
        return derived;
    }
}
