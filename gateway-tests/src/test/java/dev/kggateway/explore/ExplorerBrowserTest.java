package dev.kggateway.explore;

import static dev.kggateway.support.Fixture.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kggateway.support.BrowserScript;
import dev.kggateway.support.Gql;
import dev.kggateway.support.ModelProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The graph explorer (/explore) in a real headless Chromium (Debian's, driven by playwright-core through
 * src/test/browser/explore.mjs): what the page draws is compared with what the public GraphQL API answers for the
 * same product. The real NER model runs (ModelProfile), so the hub product has both VENDOR and NER property nodes.
 * Screenshots are kept in target/browser-artefacts.
 */
@QuarkusTest
@TestProfile(ModelProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerBrowserTest {

    static final String HUB = "EXPL-HUB";
    static final String SIM_3 = "EXPL-SIM3";
    static final String SIM_2 = "EXPL-SIM2";
    static final String HOSTILE = "EXPL-XSS";
    static final String FAR = "EXPL-FAR";
    /** Markup a careless page would run or render: an inline handler, a script element, an entity. */
    static final String HOSTILE_NAME = "<img src=x onerror=\"window.__kgPwned='img'\"><script>window.__kgPwned='script'"
            + "</script> Coupling &amp; \"co\"";
    static final String HOSTILE_VALUE = "<svg onload=\"window.__kgPwned='svg'\">";
    /** The seed's own example: the model finds type, product, add-on, series, material and size in it. */
    static final String COUPLING = "General Purpose Couplings with valve, PMC Series, Acetal, 1/4 in. hose barb";

    static final String NEIGHBOURHOOD = """
            query($id: ID!) { product(id: $id) { id name
              properties { type value source property { id } }
              similarProducts(first: 10) { product { id name } shared { id } } } }""";

    @TestHTTPResource("/")
    URL root;

    JsonNode result;
    AssertionError setupFailure;
    Map<String, Object> hub;
    Map<String, Object> hostile;

    /**
     * Seeds the products and runs the browser once for all tests (RestAssured knows the test port only inside a test
     * method, hence not in a @BeforeAll). A failure here fails every test with the same cause.
     */
    JsonNode browsed() {
        if (setupFailure != null) {
            throw setupFailure;
        }
        if (result == null) {
            try {
                seedAndBrowse();
            } catch (IOException | RuntimeException | AssertionError e) {
                setupFailure = e instanceof AssertionError a ? a : new AssertionError("setting up the explorer test", e);
                throw setupFailure;
            }
        }
        return result;
    }

    void seedAndBrowse() throws IOException {
        BrowserScript.requireTools();
        // Only the hub goes through the model; the others carry vendor properties chosen to share 6, 3, 2 and 1
        // nodes with it (1 is below similarProducts' minShared of 2).
        Gql.ok("mutation($in: [ProductInput!]!) { addProducts(inputs: $in) { added } }", vars("in", List.of(
                vars("id", HUB, "name", "PMC Series acetal coupling", "description", COUPLING, "manufacturer", "CPC",
                        "properties", List.of(prop("brand", "CPC"), prop("material", "Acetal"))),
                vars("id", HOSTILE, "name", HOSTILE_NAME, "enrich", false, "properties", List.of(prop("brand", "CPC"),
                        prop("material", "Acetal"), prop("series", "PMC Series"), prop("addon", "valve"),
                        prop("product", "couplings"), prop("type", "general purpose"), prop("color", HOSTILE_VALUE))),
                vars("id", SIM_3, "name", "CPC inline coupling", "enrich", false, "properties", List.of(
                        prop("brand", "CPC"), prop("material", "Acetal"), prop("series", "PMC Series"))),
                vars("id", SIM_2, "name", "CPC coupling body", "enrich", false, "properties", List.of(
                        prop("brand", "CPC"), prop("product", "couplings"))),
                vars("id", FAR, "name", "Acetal syringe filter", "enrich", false, "properties", List.of(
                        prop("brand", "Pall"), prop("material", "Acetal"))))));
        hub = Gql.ok(NEIGHBOURHOOD, vars("id", HUB)).getMap("data.product");
        hostile = Gql.ok(NEIGHBOURHOOD, vars("id", HOSTILE)).getMap("data.product");

        Path shots = BrowserScript.ARTEFACTS.resolve("explore");
        deleteScreenshots(shots);
        String base = root.toString().replaceFirst("/$", "");
        JsonNode run = BrowserScript.run("explore.mjs", vars("baseUrl", base, "hubId", HUB, "hostileId", HOSTILE,
                "searchText", "coupling", "unknownId", "EXPL-NONE", "outDir", shots.toAbsolutePath().toString()),
                Duration.ofMinutes(3));
        assertTrue(run.path("failure").isMissingNode(), "the browser script failed: " + run.path("failure"));
        result = run;
    }

    static Map<String, Object> prop(String type, String value) {
        return vars("type", type, "value", value);
    }

    @Test
    void drawsTheProductItsPropertyNodesAndItsSimilarProductsAsTheApiAnswers() {
        JsonNode page = browsed().at("/steps/hub");
        assertEquals("ready", page.path("state").asText(), page.path("status").asText());
        assertEquals(HUB, page.path("productId").asText());
        assertEquals(hub.get("name"), page.path("title").asText());

        List<JsonNode> nodes = list(page.path("nodes"));
        assertEquals(List.of(HUB), nodes.stream().filter(n -> kind(n, "product")).map(n -> n.path("productId").asText()).toList());

        // Property nodes: exactly the product's links, with their types and sources.
        Map<String, String> expectedSources = new HashMap<>();
        Map<String, String> expectedTypes = new HashMap<>();
        for (Map<String, Object> p : properties(hub)) {
            String id = (String) ((Map<?, ?>) p.get("property")).get("id");
            expectedSources.put(id, (String) p.get("source"));
            expectedTypes.put(id, (String) p.get("type"));
        }
        Map<String, String> drawnSources = new HashMap<>();
        Map<String, String> drawnTypes = new HashMap<>();
        nodes.stream().filter(n -> kind(n, "property")).forEach(n -> {
            drawnSources.put(n.path("propertyId").asText(), n.path("provenance").asText());
            drawnTypes.put(n.path("propertyId").asText(), n.path("type").asText());
        });
        assertEquals(expectedSources, drawnSources);
        assertEquals(expectedTypes, drawnTypes);
        assertEquals("VENDOR", drawnSources.get("brand/cpc"), "the vendor's brand: " + drawnSources);
        assertTrue(drawnSources.containsValue("NER"), "the model found properties the vendor did not give: " + drawnSources);
        assertEquals(1 + expectedSources.size() + similar(hub).size(), nodes.size(), "product + properties + similar");

        // Similar products: the API's ranking, in the graph and in the side list; the product sharing one node is not.
        List<String> similarIds = similar(hub).stream().map(s -> (String) ((Map<?, ?>) s.get("product")).get("id")).toList();
        assertTrue(similarIds.containsAll(List.of(HOSTILE, SIM_3, SIM_2)), similarIds.toString());
        assertFalse(similarIds.contains(FAR));
        assertEquals(new TreeSet<>(similarIds), nodes.stream().filter(n -> kind(n, "similar"))
                .map(n -> n.path("productId").asText()).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(similarIds, list(page.path("similarList")).stream().map(n -> n.path("id").asText()).toList());

        // Edges: product -> each property (styled by source), similar product -> each node it shares.
        Set<String> expectedEdges = new HashSet<>();
        expectedSources.keySet().forEach(id -> expectedEdges.add("has product:" + HUB + " -> property:" + id));
        Set<String> sharedIds = new HashSet<>();
        for (Map<String, Object> s : similar(hub)) {
            String sid = (String) ((Map<?, ?>) s.get("product")).get("id");
            for (Object shared : (List<?>) s.get("shared")) {
                String pid = (String) ((Map<?, ?>) shared).get("id");
                sharedIds.add(pid);
                expectedEdges.add("shares product:" + sid + " -> property:" + pid);
            }
        }
        assertEquals(expectedEdges, list(page.path("edges")).stream().map(e -> e.path("kind").asText() + " "
                + e.path("source").asText() + " -> " + e.path("target").asText()).collect(Collectors.toSet()));
        for (JsonNode e : list(page.path("edges"))) {
            if (e.path("kind").asText().equals("has")) {
                assertEquals("NER".equals(e.path("provenance").asText()) ? "dashed" : "solid", e.path("lineStyle").asText(),
                        "link style follows the source: " + e);
            }
        }

        // Shared nodes are highlighted (a halo), the others are not.
        for (JsonNode n : nodes) {
            if (kind(n, "property")) {
                boolean shared = sharedIds.contains(n.path("propertyId").asText());
                assertEquals(shared, n.path("shared").asBoolean(), n.toString());
                assertEquals(shared, n.path("underlayOpacity").asDouble() > 0, "halo on shared nodes only: " + n);
            }
        }
        assertTrue(sharedIds.containsAll(Set.of("brand/cpc", "material/acetal")), sharedIds.toString());
    }

    @Test
    void coloursPropertyNodesByTypeAndOutlinesThemBySource() {
        JsonNode page = browsed().at("/steps/hub");
        Map<String, Set<String>> coloursByType = new LinkedHashMap<>();
        for (JsonNode n : list(page.path("nodes"))) {
            if (!kind(n, "property")) {
                continue;
            }
            coloursByType.computeIfAbsent(n.path("type").asText(), t -> new HashSet<>()).add(n.path("background").asText());
            String source = n.path("provenance").asText();
            assertEquals(source.equals("NER") ? "dashed" : "solid", n.path("borderStyle").asText(), n.toString());
            assertEquals(source.equals("NER") ? "rgb(194,65,12)" : "rgb(30,41,59)", n.path("borderColor").asText(), n.toString());
        }
        coloursByType.forEach((type, colours) -> assertEquals(1, colours.size(), type + " has one colour: " + colours));
        Set<String> distinct = coloursByType.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertEquals(coloursByType.size(), distinct.size(), "each type its own colour: " + coloursByType);
        assertEquals(new TreeSet<>(coloursByType.keySet()).stream().toList(),
                list(page.path("legendTypes")).stream().map(JsonNode::asText).toList(), "the legend lists the drawn types");
    }

    @Test
    void drawsOnTheCanvasWithEveryNodeInView() {
        for (String step : List.of("hub", "hostile")) {
            JsonNode page = browsed().at("/steps/" + step);
            assertTrue(page.path("canvases").asInt() >= 1, step);
            assertTrue(page.path("paintedPixels").asInt() > 10_000, step + " paints the graph: " + page.path("paintedPixels"));
            for (JsonNode n : list(page.path("nodes"))) {
                assertTrue(n.path("inView").asBoolean(), step + ": node outside the visible graph: " + n);
            }
        }
    }

    @Test
    void showsAHostileNameAsTextAndRunsNothingFromTheData() {
        JsonNode page = browsed().at("/steps/hostile");
        assertEquals("ready", page.path("state").asText(), page.path("status").asText());
        assertEquals(HOSTILE, page.path("productId").asText(), "clicking the similar product explored it");
        assertEquals("/explore/?id=" + HOSTILE, page.path("url").asText());
        assertEquals(HOSTILE_NAME, page.path("title").asText(), "the name is shown verbatim, as text");
        assertEquals(0, page.path("titleChildElements").asInt());
        assertTrue(list(page.path("nodes")).stream().anyMatch(n -> n.path("label").asText().contains("<svg onload=")),
                "the hostile property value is a canvas label: " + page.path("nodes"));
        assertEquals(similar(hostile).size(), list(page.path("similarList")).size());
        JsonNode hubPage = browsed().at("/steps/hub");
        assertTrue(list(hubPage.path("similarList")).stream().anyMatch(
                s -> s.path("id").asText().equals(HOSTILE) && s.path("name").asText().equals(HOSTILE_NAME)));
        for (JsonNode step : list(browsed().path("steps"))) {
            if (step.has("state")) {
                assertTrue(step.path("pwned").isNull(), "markup from the data ran: " + step.path("pwned"));
                assertEquals(0, step.path("injectedElements").asInt(), "markup from the data became elements");
                assertEquals(0, step.path("violations").size(), "the page itself breaks its CSP: " + step.path("violations"));
            }
        }
        assertEquals(0, browsed().path("pageErrors").size(), browsed().path("pageErrors").toString());
        assertEquals(0, browsed().path("consoleErrors").size(), browsed().path("consoleErrors").toString());
    }

    @Test
    void searchesByNameAndById() {
        JsonNode byName = browsed().at("/steps/searchByName");
        List<Map<String, Object>> expected = Gql.ok("{ products(filter: {text: \"coupling\"}, first: 20) { edges { node { id name } } } }")
                .getList("data.products.edges.node");
        assertEquals(expected.stream().map(p -> p.get("id") + "=" + p.get("name")).toList(),
                list(byName.path("searchList")).stream().map(n -> n.path("id").asText() + "=" + n.path("name").asText()).toList());
        assertTrue(list(byName.path("searchList")).stream().anyMatch(n -> n.path("name").asText().equals(HOSTILE_NAME)));

        JsonNode byId = browsed().at("/steps/searchById");
        assertEquals("ready", byId.path("state").asText());
        assertEquals(HUB, byId.path("productId").asText());
    }

    @Test
    void saysWhenThereIsNoSuchProductOrTheIdIsRefused() {
        JsonNode unknown = browsed().at("/steps/unknown");
        assertEquals("empty", unknown.path("state").asText());
        assertTrue(unknown.path("status").asText().contains("EXPL-NONE"), unknown.path("status").asText());
        assertEquals(0, unknown.path("nodes").size());
        JsonNode invalid = browsed().at("/steps/invalid");
        assertEquals("error", invalid.path("state").asText());
        assertTrue(invalid.path("status").asText().contains("INVALID_ID"), invalid.path("status").asText());
    }

    @Test
    void isServedWithARestrictiveContentSecurityPolicyThatTheBrowserEnforces() {
        String csp = browsed().at("/steps/hub/csp").asText();
        for (String directive : List.of("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'")) {
            assertTrue(csp.contains(directive), directive + " in " + csp);
        }
        assertFalse(csp.contains("unsafe"), csp);
        JsonNode probe = browsed().at("/steps/cspProbe");
        assertFalse(probe.path("inlineRan").asBoolean(), "an injected inline script ran");
        assertTrue(probe.path("newViolations").toString().contains("script-src"), probe.toString());
        given().redirects().follow(false).get("/explore?id=" + HUB).then().statusCode(302)
                .header("Location", "/explore/?id=" + HUB);
        given().get("/explore/").then().statusCode(200).header("Content-Security-Policy", csp)
                .header("X-Content-Type-Options", "nosniff");
        // Everything the page loaded came from the gateway: no CDN, nothing from elsewhere.
        String base = root.toString().replaceFirst("/$", "");
        for (JsonNode url : list(browsed().path("requests"))) {
            assertTrue(url.asText().startsWith(base + "/"), "request outside the gateway: " + url.asText());
        }
        assertTrue(list(browsed().path("requests")).stream().anyMatch(u -> u.asText().contains("/webjars/cytoscape/")));
    }

    @Test
    void keepsScreenshots() throws IOException {
        browsed();
        for (String name : List.of("explore-hub.png", "explore-hostile.png", "explore-search.png")) {
            Path shot = BrowserScript.ARTEFACTS.resolve("explore").resolve(name);
            assertTrue(Files.isRegularFile(shot), shot + " kept");
            byte[] png = Files.readAllBytes(shot);
            assertTrue(png.length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', shot + " is a PNG picture");
        }
    }

    static boolean kind(JsonNode n, String kind) {
        return kind.equals(n.path("kind").asText());
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> properties(Map<String, Object> product) {
        return (List<Map<String, Object>>) product.get("properties");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> similar(Map<String, Object> product) {
        return (List<Map<String, Object>>) product.get("similarProducts");
    }

    static void deleteScreenshots(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
