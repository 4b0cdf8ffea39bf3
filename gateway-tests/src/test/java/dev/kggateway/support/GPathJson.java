package dev.kggateway.support;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RestAssured's JsonPath for GraphQL responses, with the plain dotted paths the tests use ({@code data.products.edges
 * .node.id}, {@code errors[0].extensions.code}) followed in Java instead of through Groovy. RestAssured re-parses the
 * document and compiles a Groovy script for every {@code get...(path)} — 20–60 ms each on the shared 2 cores, about as
 * long as the gateway takes to answer — and the suites read several paths from each of thousands of responses. The
 * document is parsed by RestAssured itself (its root, {@code $}: same config, so the same value types:
 * Integer/Long/BigInteger, Double, Boolean, String, maps and lists), and a path is walked the way Groovy's GPath walks it: a map's key, a list's
 * elements' values collected (null elements skipped), {@code [i]} indexing from either end with null outside. Every
 * other path (closures, wildcards, a null or a scalar met before the path ends, names Groovy reads as a list's own
 * properties) goes to RestAssured unchanged, so a path answers exactly what it answered before. The typed getters
 * (getList, getInt, getString, ...) all read through {@link #get(String)} and keep RestAssured's conversions.
 */
public final class GPathJson extends JsonPath {

    private static final Pattern SIMPLE = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]*(\\[-?\\d+])*(\\.[A-Za-z_][A-Za-z0-9_]*(\\[-?\\d+])*)*");
    /** Names Groovy may resolve as the object's own properties (or GDK getters) rather than as keys: left to it. */
    private static final Set<String> LIST_PROPERTIES = Set.of("class", "metaClass", "empty", "indices", "first", "last",
            "head", "tail", "init", "size");

    private final JsonPath groovy;

    public GPathJson(String json, JsonPathConfig config) {
        super(json);
        this.groovy = new JsonPath(json).using(config);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(String path) {
        if (path == null || !SIMPLE.matcher(path).matches()) {
            return groovy.get(path);
        }
        // A fresh parse per read, as RestAssured does: a caller that changes a returned list or map changes no later read.
        Object at = groovy.get("$");
        for (String step : path.split("\\.")) {
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            if (LIST_PROPERTIES.contains(name)) {
                return groovy.get(path);
            }
            if (at instanceof Map<?, ?> map) {
                at = map.get(name);
            } else if (at instanceof List<?> list) {
                at = collect(list, name);
                if (at == null) {
                    return groovy.get(path);
                }
            } else {
                return groovy.get(path);
            }
            if (bracket >= 0) {
                for (String index : step.substring(bracket + 1, step.length() - 1).split("]\\[")) {
                    if (!(at instanceof List<?> list)) {
                        return groovy.get(path);
                    }
                    int i = Integer.parseInt(index);
                    int k = i < 0 ? list.size() + i : i;
                    at = k >= 0 && k < list.size() ? list.get(k) : null;
                }
            }
        }
        return (T) at;
    }

    /** GPath's {@code list.name}: each non-null element's value, in order; null when an element is not a map. */
    private static List<Object> collect(List<?> list, String name) {
        List<Object> values = new ArrayList<>(list.size());
        for (Object element : list) {
            if (element == null) {
                continue;
            }
            if (!(element instanceof Map<?, ?> map)) {
                return null;
            }
            values.add(map.get(name));
        }
        return values;
    }
}
