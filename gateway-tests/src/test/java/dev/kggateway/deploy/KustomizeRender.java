package dev.kggateway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The subset of kustomize the manifests use, so the test checks what {@code kubectl apply -k}
 * would apply rather than every YAML file that happens to lie below k8s/: resources (files and
 * folders), components, patches by file - strategic merge (maps merge, lists are replaced, which
 * is what kustomize does for lists without a merge key) or, with a target, a JSON patch of "add"
 * operations - and
 * secretGenerator (the Secret is synthesised from its name: its env file is not in the
 * repository by design). Anything else in a kustomization fails loudly instead of being
 * silently ignored. {@code K8sManifestsTest} cross-checks this against {@code kubectl kustomize}
 * where kubectl is installed.
 */
final class KustomizeRender {

    /** Kustomization fields this renderer understands; images/namespace do not change what the test checks. */
    static final Set<String> KNOWN_FIELDS = Set.of(
            "apiVersion", "kind", "resources", "components", "patches", "secretGenerator", "images", "namespace");

    /** One rendered manifest: the file it came from and its content. */
    record Doc(Path file, Map<String, Object> body) {
        String kind() {
            return (String) body.get("kind");
        }

        String name() {
            Object md = body.get("metadata");
            return md instanceof Map<?, ?> m ? (String) m.get("name") : null;
        }

        /** A Secret made by a secretGenerator (no data in the repository). */
        boolean generated() {
            return body.containsKey(GENERATED_FROM);
        }

        @Override
        public String toString() {
            return kind() + "/" + name() + " (" + file + ")";
        }
    }

    /** Marker key on synthesised Secrets: the env files the generator reads. */
    static final String GENERATED_FROM = "x-test-generated-from-envs";

    /** Every file a rendering read (kustomization files included). */
    final Set<Path> filesRead = new LinkedHashSet<>();

    /** Renders a kustomization folder, plus extra components as if listed in its components:. */
    List<Doc> render(Path dir, List<Path> extraComponents) throws IOException {
        List<Doc> docs = new ArrayList<>();
        Map<String, Object> k = kustomization(dir, "Kustomization");
        for (String r : strings(k, "resources")) {
            addResource(dir.resolve(r).normalize(), docs);
        }
        for (Map<String, Object> g : maps(k, "secretGenerator")) {
            docs.add(generatedSecret(dir, g));
        }
        List<Path> components = new ArrayList<>();
        strings(k, "components").forEach(c -> components.add(dir.resolve(c).normalize()));
        components.addAll(extraComponents);
        for (Path c : components) {
            applyComponent(c, docs);
        }
        applyPatches(dir, k, docs);
        return docs;
    }

    private void addResource(Path p, List<Doc> docs) throws IOException {
        if (Files.isDirectory(p)) {
            docs.addAll(render(p, List.of()));
        } else {
            docs.addAll(load(p));
        }
    }

    private void applyComponent(Path dir, List<Doc> docs) throws IOException {
        Map<String, Object> k = kustomization(dir, "Component");
        for (String r : strings(k, "resources")) {
            addResource(dir.resolve(r).normalize(), docs);
        }
        for (Map<String, Object> g : maps(k, "secretGenerator")) {
            docs.add(generatedSecret(dir, g));
        }
        applyPatches(dir, k, docs);
    }

    private void applyPatches(Path dir, Map<String, Object> k, List<Doc> docs) throws IOException {
        for (Map<String, Object> patch : maps(k, "patches")) {
            assertTrue(patch.containsKey("path") && Set.of("path", "target").containsAll(patch.keySet()),
                    dir + ": only patches by file (path:, optionally target:) are supported here");
            if (patch.containsKey("target")) {
                applyJsonPatch(dir.resolve((String) patch.get("path")).normalize(), map(patch, "target"), docs);
                continue;
            }
            List<Doc> ps = load(dir.resolve((String) patch.get("path")).normalize());
            for (Doc p : ps) {
                Doc target = docs.stream()
                        .filter(d -> Objects.equals(d.kind(), p.kind()) && Objects.equals(d.name(), p.name()))
                        .findFirst()
                        .orElseGet(() -> fail(p.file() + ": patch target " + p.kind() + "/" + p.name() + " is not in the rendering"));
                docs.set(docs.indexOf(target), new Doc(target.file(), merge(target.body(), p.body())));
            }
        }
    }

    /** RFC 6902 "add" operations on the one document the target names (kind + name). */
    @SuppressWarnings("unchecked")
    private void applyJsonPatch(Path file, Map<String, Object> target, List<Doc> docs) throws IOException {
        filesRead.add(file);
        List<Doc> targets = docs.stream()
                .filter(d -> Objects.equals(d.kind(), target.get("kind")) && Objects.equals(d.name(), target.get("name")))
                .toList();
        assertEquals(1, targets.size(), file + ": target " + target + " must match exactly one document");
        Doc t = targets.get(0);
        Object ops;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ops = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        }
        assertTrue(ops instanceof List, file + ": a JSON patch is a list of operations");
        Map<String, Object> body = deepCopy(t.body());
        for (Map<String, Object> op : (List<Map<String, Object>>) ops) {
            assertEquals("add", op.get("op"), file + ": only add operations are supported here");
            String[] path = ((String) op.get("path")).substring(1).split("/");
            Object node = body;
            for (int i = 0; i < path.length - 1; i++) {
                node = node instanceof Map ? ((Map<String, Object>) node).get(path[i])
                        : ((List<Object>) node).get(Integer.parseInt(path[i]));
                assertNotNull(node, file + ": path " + op.get("path") + " does not exist in " + t);
            }
            String last = path[path.length - 1];
            if (node instanceof List) {
                List<Object> list = (List<Object>) node;
                list.add(last.equals("-") ? list.size() : Integer.parseInt(last), op.get("value"));
            } else {
                ((Map<String, Object>) node).put(last, op.get("value"));
            }
        }
        docs.set(docs.indexOf(t), new Doc(t.file(), body));
    }

    /** Maps and lists copied, so a patch never changes another rendering's documents. */
    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((key, v) -> c.put((String) key, deepCopy(v)));
            return (T) c;
        }
        if (o instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            l.forEach(v -> c.add(deepCopy(v)));
            return (T) c;
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> patch) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        patch.forEach((key, v) -> {
            Object old = out.get(key);
            if (v instanceof Map && old instanceof Map) {
                out.put(key, merge((Map<String, Object>) old, (Map<String, Object>) v));
            } else {
                out.put(key, v); // scalars and lists replace
            }
        });
        return out;
    }

    private Doc generatedSecret(Path dir, Map<String, Object> g) {
        assertTrue(!g.containsKey("literals") && !g.containsKey("files"),
                dir + ": secretGenerator " + g.get("name") + " must read env files only (literals/files put keys in the repository)");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "v1");
        body.put("kind", "Secret");
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("name", g.get("name"));
        body.put("metadata", md);
        List<String> envs = new ArrayList<>();
        for (String e : strings(g, "envs")) {
            envs.add(dir.resolve(e).normalize().toString());
        }
        body.put(GENERATED_FROM, envs);
        return new Doc(dir.resolve("kustomization.yaml"), body);
    }

    private Map<String, Object> kustomization(Path dir, String kind) throws IOException {
        Path f = dir.resolve("kustomization.yaml");
        assertTrue(Files.exists(f), "no kustomization.yaml in " + dir);
        filesRead.add(f);
        Map<String, Object> k = loadOne(f);
        assertEquals(kind, k.get("kind"), f + ": kind");
        for (String field : k.keySet()) {
            assertTrue(KNOWN_FIELDS.contains(field), f + ": field " + field + " is not understood by this test's renderer");
        }
        return k;
    }

    List<Doc> load(Path f) throws IOException {
        assertTrue(Files.isRegularFile(f), "referenced file does not exist: " + f);
        filesRead.add(f);
        List<Doc> docs = new ArrayList<>();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            for (Object o : yaml.loadAll(r)) {
                if (o == null) {
                    continue; // empty document, e.g. a trailing "---"
                }
                assertTrue(o instanceof Map, f + ": a document is not a mapping");
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) o;
                assertNotNull(m.get("kind"), f + ": document without kind");
                Doc d = new Doc(f, m);
                assertNotNull(d.name(), f + ": document without metadata.name");
                docs.add(d);
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> loadOne(Path f) throws IOException {
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            assertTrue(o instanceof Map, f + " is not a mapping");
            return (Map<String, Object>) o;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof List ? (List<String>) v : List.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof List ? (List<Map<String, Object>>) v : List.of();
    }
}
