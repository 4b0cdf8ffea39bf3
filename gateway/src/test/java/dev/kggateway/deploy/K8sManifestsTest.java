package dev.kggateway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks that the Kubernetes manifests in {@code k8s/} are wired to the application as it is
 * actually configured: ports, health paths, config keys, volumes, ServiceAccount, HPA and PDB
 * targets. Plain JUnit (no Quarkus boot), so it is cheap and runs in every build.
 *
 * <p>It parses every YAML document below {@code k8s/} (multi-document aware) and ignores
 * kustomize's own files. Failures name the file and the broken reference.
 */
class K8sManifestsTest {

    static final int HTTP_PORT = 8080;
    static final String LIVE = "/q/health/live";
    static final String READY = "/q/health/ready";
    static final String STARTED = "/q/health/started";
    static final String METRICS = "/q/metrics";

    /**
     * The configuration keys the service documents (its contract with ops). Kept here as well as
     * read from application.properties, because a key may legitimately have no default there.
     */
    static final List<String> DOCUMENTED_KEYS = List.of(
            "quarkus.http.port",
            "kg.store.kind",
            "kg.store.path",
            "kg.store.query-endpoint",
            "kg.store.update-endpoint",
            "kg.store.neptune.iam-auth",
            "kg.store.neptune.region",
            "kg.ner.model-path",
            "kg.ner.cache-dir",
            "kg.ner.tensorflow-library-path",
            "kg.auth.enabled",
            "kg.auth.api-keys",
            "kg.cache.enabled",
            "kg.sample.load-on-empty",
            "quarkus.smallrye-graphql.ui.always-include");

    /** Read by the container image's launcher (run-java.sh), not by MicroProfile Config. */
    static final Set<String> LAUNCHER_VARS = Set.of("JAVA_OPTS", "JAVA_OPTS_APPEND");

    static Path root;
    static final List<Doc> docs = new ArrayList<>();
    static final Set<String> knownEnvVars = new LinkedHashSet<>();
    static Integer configuredHttpPort;

    /** One parsed manifest: where it came from and its content. */
    record Doc(Path file, Map<String, Object> body) {
        String kind() {
            return (String) body.get("kind");
        }

        String name() {
            return str(map(body, "metadata"), "name");
        }

        @Override
        public String toString() {
            return kind() + "/" + name() + " (" + root.relativize(file) + ")";
        }
    }

    @BeforeAll
    static void load() throws IOException {
        root = findProjectRoot();
        Path k8s = root.resolve("k8s");
        List<Path> files;
        try (Stream<Path> s = Files.walk(k8s)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .collect(Collectors.toList());
        }
        assertFalse(files.isEmpty(), "no YAML files under " + k8s);
        for (Path f : files) {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                for (Object o : yaml.loadAll(r)) {
                    if (o == null) {
                        continue; // empty document, e.g. a trailing "---"
                    }
                    assertTrue(o instanceof Map, f + ": a document is not a mapping");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) o;
                    String apiVersion = String.valueOf(m.get("apiVersion"));
                    if (apiVersion.startsWith("kustomize.config.k8s.io")) {
                        continue; // kustomization.yaml: build instructions, not a resource
                    }
                    assertNotNull(m.get("kind"), f + ": document without kind");
                    assertNotNull(map(m, "metadata").get("name"), f + ": document without metadata.name");
                    docs.add(new Doc(f, m));
                }
            }
        }

        for (String key : DOCUMENTED_KEYS) {
            knownEnvVars.add(toEnvVar(key));
        }
        knownEnvVars.addAll(LAUNCHER_VARS);
        Path props = root.resolve("src/main/resources/application.properties");
        if (Files.exists(props)) {
            for (String line : Files.readAllLines(props, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                    continue;
                }
                int sep = indexOfSeparator(t);
                String key = (sep < 0 ? t : t.substring(0, sep)).strip();
                String value = sep < 0 ? "" : t.substring(sep + 1).strip();
                boolean profiled = key.startsWith("%");
                if (profiled) {
                    key = key.substring(key.indexOf('.') + 1); // %prod.kg.x -> kg.x
                }
                if (key.startsWith("kg.") || key.startsWith("quarkus.")) {
                    knownEnvVars.add(toEnvVar(key));
                }
                if (!profiled && key.equals("quarkus.http.port") && value.matches("\\d+")) {
                    configuredHttpPort = Integer.valueOf(value);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Tests

    @Test
    void expectedResourcesArePresent() {
        for (String kind : List.of("Deployment", "Service", "ConfigMap", "Secret", "ServiceAccount",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "StatefulSet")) {
            assertFalse(ofKind(kind).isEmpty(), "no " + kind + " under k8s/");
        }
    }

    @Test
    void containerPortIsTheApplicationPort() {
        if (configuredHttpPort != null) {
            assertEquals(HTTP_PORT, configuredHttpPort,
                    "application.properties sets quarkus.http.port; the manifests assume " + HTTP_PORT);
        }
        for (Doc w : workloads()) {
            Map<String, Integer> ports = containerPorts(w);
            assertTrue(ports.containsValue(HTTP_PORT), w + ": no containerPort " + HTTP_PORT + " in " + ports);
        }
    }

    @Test
    void servicesTargetAContainerPortOfTheirPods() {
        for (Doc svc : ofKind("Service")) {
            Map<String, Object> selector = map(map(svc.body(), "spec"), "selector");
            assertFalse(selector.isEmpty(), svc + ": no selector");
            List<Doc> backends = workloads().stream()
                    .filter(w -> matches(selector, podLabels(w)))
                    .collect(Collectors.toList());
            assertFalse(backends.isEmpty(), svc + ": selector " + selector + " matches no pod template");
            for (Map<String, Object> port : list(map(svc.body(), "spec"), "ports")) {
                Object target = port.getOrDefault("targetPort", port.get("port"));
                for (Doc w : backends) {
                    assertEquals(HTTP_PORT, resolvePort(w, target),
                            svc + ": port " + port.get("name") + " targetPort " + target
                                    + " does not reach container port " + HTTP_PORT + " of " + w);
                }
            }
        }
        Doc main = byName("Service", "kg-gateway");
        Map<String, Object> p = list(map(main.body(), "spec"), "ports").get(0);
        assertEquals(80, p.get("port"), main + ": clients expect port 80");
        assertEquals("http", p.get("name"), main + ": port should be named http");
    }

    @Test
    void probesUseTheHealthEndpointsOnTheHttpPort() {
        Map<String, String> expected = Map.of(
                "livenessProbe", LIVE, "readinessProbe", READY, "startupProbe", STARTED);
        for (Doc w : workloads()) {
            for (Map<String, Object> c : containers(w)) {
                expected.forEach((probe, path) -> {
                    Map<String, Object> get = map(map(c, probe), "httpGet");
                    assertEquals(path, get.get("path"), w + ": " + probe + " path");
                    assertEquals(HTTP_PORT, resolvePort(w, get.get("port")), w + ": " + probe + " port");
                });
            }
        }
    }

    @Test
    void prometheusAnnotationsPointAtTheMetricsEndpoint() {
        for (Doc w : workloads()) {
            Map<String, Object> ann = map(map(podTemplate(w), "metadata"), "annotations");
            assertEquals("true", ann.get("prometheus.io/scrape"), w + ": prometheus.io/scrape");
            assertEquals(String.valueOf(HTTP_PORT), ann.get("prometheus.io/port"), w + ": prometheus.io/port");
            assertEquals(METRICS, ann.get("prometheus.io/path"), w + ": prometheus.io/path");
        }
    }

    @Test
    void everyEnvironmentVariableIsAKnownConfigKey() {
        List<String> unknown = new ArrayList<>();
        for (Doc w : workloads()) {
            for (Map<String, Object> c : containers(w)) {
                for (Map<String, Object> e : list(c, "env")) {
                    check(unknown, w, (String) e.get("name"));
                }
            }
        }
        for (Doc cm : ofKind("ConfigMap")) {
            map(cm.body(), "data").keySet().forEach(k -> check(unknown, cm, k));
        }
        for (Doc s : ofKind("Secret")) {
            map(s.body(), "stringData").keySet().forEach(k -> check(unknown, s, k));
            map(s.body(), "data").keySet().forEach(k -> check(unknown, s, k));
        }
        assertTrue(unknown.isEmpty(), "env vars that no config key maps to (typo, or a key the app "
                + "does not have): " + unknown + "\nknown: " + knownEnvVars);
    }

    @Test
    void envSourcesExist() {
        for (Doc w : workloads()) {
            for (Map<String, Object> c : containers(w)) {
                for (Map<String, Object> from : list(c, "envFrom")) {
                    if (from.containsKey("configMapRef")) {
                        byName("ConfigMap", str(map(from, "configMapRef"), "name"));
                    }
                    if (from.containsKey("secretRef")) {
                        byName("Secret", str(map(from, "secretRef"), "name"));
                    }
                }
                for (Map<String, Object> e : list(c, "env")) {
                    Map<String, Object> vf = map(e, "valueFrom");
                    if (vf.containsKey("configMapKeyRef")) {
                        Map<String, Object> ref = map(vf, "configMapKeyRef");
                        assertTrue(map(byName("ConfigMap", str(ref, "name")).body(), "data").containsKey(ref.get("key")),
                                w + ": configMapKeyRef " + ref);
                    }
                    if (vf.containsKey("secretKeyRef")) {
                        Map<String, Object> ref = map(vf, "secretKeyRef");
                        Doc s = byName("Secret", str(ref, "name"));
                        assertTrue(map(s.body(), "stringData").containsKey(ref.get("key"))
                                || map(s.body(), "data").containsKey(ref.get("key")), w + ": secretKeyRef " + ref);
                    }
                }
            }
        }
    }

    @Test
    void runsAsNonRootWithReadOnlyRootAndEveryMountedVolumeExists() {
        for (Doc w : workloads()) {
            Map<String, Object> spec = map(podTemplate(w), "spec");
            Set<String> volumes = new LinkedHashSet<>();
            list(spec, "volumes").forEach(v -> volumes.add((String) v.get("name")));
            list(map(w.body(), "spec"), "volumeClaimTemplates").forEach(v -> volumes.add(str(map(v, "metadata"), "name")));
            for (Map<String, Object> c : containers(w)) {
                Map<String, Object> sc = map(c, "securityContext");
                assertEquals(Boolean.TRUE, sc.get("readOnlyRootFilesystem"), w + ": readOnlyRootFilesystem");
                Object nonRoot = sc.containsKey("runAsNonRoot") ? sc.get("runAsNonRoot")
                        : map(spec, "securityContext").get("runAsNonRoot");
                assertEquals(Boolean.TRUE, nonRoot, w + ": runAsNonRoot");
                Set<String> mountPaths = new LinkedHashSet<>();
                for (Map<String, Object> m : list(c, "volumeMounts")) {
                    assertTrue(volumes.contains(m.get("name")),
                            w + ": volumeMount " + m.get("name") + " has no volume (volumes: " + volumes + ")");
                    mountPaths.add(str(m, "mountPath"));
                }
                // With a read-only root, anything the app writes must land on a mount.
                assertTrue(mountPaths.contains("/tmp"), w + ": /tmp must be a writable volume");
                String cacheDir = envValue(w, c, toEnvVar("kg.ner.cache-dir"));
                assertNotNull(cacheDir, w + ": KG_NER_CACHE_DIR is not set (default would be on the read-only root)");
                assertTrue(isUnder(cacheDir, mountPaths), w + ": KG_NER_CACHE_DIR " + cacheDir + " is not on a mount " + mountPaths);
                String kind = envValue(w, c, toEnvVar("kg.store.kind"));
                if ("embedded".equals(kind)) {
                    String path = envValue(w, c, toEnvVar("kg.store.path"));
                    assertNotNull(path, w + ": embedded store without KG_STORE_PATH");
                    assertTrue(isUnder(path, mountPaths), w + ": KG_STORE_PATH " + path + " is not on a mount " + mountPaths);
                    assertEquals("StatefulSet", w.kind(), w + ": the embedded store needs a StatefulSet");
                    assertEquals(1, map(w.body(), "spec").get("replicas"), w + ": the embedded store is single-writer");
                }
                Map<String, Object> res = map(c, "resources");
                for (String kindOf : List.of("requests", "limits")) {
                    assertNotNull(map(res, kindOf).get("memory"), w + ": resources." + kindOf + ".memory");
                    assertNotNull(map(res, kindOf).get("cpu"), w + ": resources." + kindOf + ".cpu");
                }
            }
        }
    }

    @Test
    void workloadsUseTheIrsaServiceAccount() {
        for (Doc w : workloads()) {
            String sa = str(map(podTemplate(w), "spec"), "serviceAccountName");
            assertNotNull(sa, w + ": no serviceAccountName (would run as 'default', without IRSA)");
            Doc account = byName("ServiceAccount", sa);
            Object arn = map(map(account.body(), "metadata"), "annotations").get("eks.amazonaws.com/role-arn");
            assertTrue(arn instanceof String && ((String) arn).startsWith("arn:aws:iam::"),
                    account + ": eks.amazonaws.com/role-arn annotation missing or not an IAM role ARN");
        }
    }

    @Test
    void selectorsMatchTheirPodTemplates() {
        for (Doc w : workloads()) {
            Map<String, Object> sel = map(map(map(w.body(), "spec"), "selector"), "matchLabels");
            assertFalse(sel.isEmpty(), w + ": empty selector");
            assertTrue(matches(sel, podLabels(w)), w + ": selector " + sel + " does not match its pod labels");
        }
    }

    @Test
    void hpaTargetsTheDeploymentOnCpu() {
        for (Doc hpa : ofKind("HorizontalPodAutoscaler")) {
            assertEquals("autoscaling/v2", hpa.body().get("apiVersion"), hpa + ": apiVersion");
            Map<String, Object> spec = map(hpa.body(), "spec");
            Map<String, Object> ref = map(spec, "scaleTargetRef");
            Doc target = byName((String) ref.get("kind"), (String) ref.get("name"));
            assertEquals("Deployment", target.kind(), hpa + ": should scale the stateless Deployment");
            assertEquals(target.body().get("apiVersion"), ref.get("apiVersion"), hpa + ": scaleTargetRef.apiVersion");
            assertFalse(map(target.body(), "spec").containsKey("replicas"),
                    target + ": spec.replicas fights the HPA on every apply");
            boolean cpu = list(spec, "metrics").stream()
                    .anyMatch(m -> "cpu".equals(map(m, "resource").get("name")));
            assertTrue(cpu, hpa + ": no CPU metric");
            int min = (Integer) spec.getOrDefault("minReplicas", 1);
            assertTrue(min >= 2, hpa + ": minReplicas < 2 leaves no replica during a disruption");
            // CPU utilization is relative to requests: without a CPU request the HPA cannot work.
            for (Map<String, Object> c : containers(target)) {
                assertNotNull(map(map(c, "resources"), "requests").get("cpu"), target + ": CPU request needed by the HPA");
            }
        }
    }

    @Test
    void pdbSelectsTheDeploymentPods() {
        for (Doc pdb : ofKind("PodDisruptionBudget")) {
            Map<String, Object> sel = map(map(map(pdb.body(), "spec"), "selector"), "matchLabels");
            assertFalse(sel.isEmpty(), pdb + ": empty selector");
            List<Doc> selected = ofKind("Deployment").stream()
                    .filter(d -> matches(sel, podLabels(d)))
                    .collect(Collectors.toList());
            assertFalse(selected.isEmpty(), pdb + ": selector " + sel + " matches no Deployment's pods");
        }
    }

    @Test
    void statefulSetsHaveTheirGoverningService() {
        for (Doc sts : ofKind("StatefulSet")) {
            Doc svc = byName("Service", str(map(sts.body(), "spec"), "serviceName"));
            assertEquals("None", map(svc.body(), "spec").get("clusterIP"), svc + ": governing Service should be headless");
            assertTrue(matches(map(map(svc.body(), "spec"), "selector"), podLabels(sts)),
                    svc + ": does not select the pods of " + sts);
        }
    }

    /**
     * The manifests rely on facts about the JVM image: its user (runAsUser), its port and where
     * it puts the model (KG_NER_MODEL_PATH defaults to the copy in the image).
     */
    @Test
    void manifestsAgreeWithTheJvmImage() throws IOException {
        Path dockerfile = root.resolve("gateway/src/main/docker/Dockerfile.jvm");
        assertTrue(Files.exists(dockerfile), "the JVM image's Dockerfile moved: " + dockerfile);
        String user = null;
        String modelDir = null;
        Set<String> exposed = new LinkedHashSet<>();
        for (String line : Files.readAllLines(dockerfile, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.startsWith("USER ")) {
                user = t.substring(5).strip();
            } else if (t.startsWith("EXPOSE ")) {
                exposed.addAll(List.of(t.substring(7).strip().split("\\s+")));
            } else if (t.startsWith("COPY ") && t.contains(" model/ner")) {
                String[] parts = t.split("\\s+");
                modelDir = stripSlash(parts[parts.length - 1]);
            }
        }
        assertTrue(exposed.contains(String.valueOf(HTTP_PORT)), dockerfile + " does not EXPOSE " + HTTP_PORT);
        assertNotNull(modelDir, dockerfile + " does not copy model/ner into the image");
        for (Doc w : workloads()) {
            Map<String, Object> podSc = map(map(podTemplate(w), "spec"), "securityContext");
            if (podSc.get("runAsUser") != null) {
                assertEquals(user, String.valueOf(podSc.get("runAsUser")), w + ": runAsUser differs from the image's USER");
            }
            for (Map<String, Object> c : containers(w)) {
                String model = envValue(w, c, toEnvVar("kg.ner.model-path"));
                if (model != null && !model.startsWith("s3://")) {
                    assertEquals(modelDir, stripSlash(model), w + ": KG_NER_MODEL_PATH is not where the image has the model");
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Helpers

    /** MicroProfile Config env-var form: every non-alphanumeric character becomes '_', upper case. */
    static String toEnvVar(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** First unescaped '=' or ':' (java.util.Properties syntax), or -1. */
    static int indexOfSeparator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == '=' || ch == ':') {
                return i;
            }
        }
        return -1;
    }

    static void check(List<String> unknown, Doc d, String name) {
        if (!knownEnvVars.contains(name)) {
            unknown.add(name + " in " + d);
        }
    }

    /** Value of an env var as the container sees it: explicit env wins over envFrom. */
    static String envValue(Doc w, Map<String, Object> c, String name) {
        for (Map<String, Object> e : list(c, "env")) {
            if (name.equals(e.get("name")) && e.get("value") != null) {
                return String.valueOf(e.get("value"));
            }
        }
        String found = null;
        for (Map<String, Object> from : list(c, "envFrom")) { // later sources win
            if (from.containsKey("configMapRef")) {
                Object v = map(byName("ConfigMap", str(map(from, "configMapRef"), "name")).body(), "data").get(name);
                found = v != null ? String.valueOf(v) : found;
            }
            if (from.containsKey("secretRef")) {
                Object v = map(byName("Secret", str(map(from, "secretRef"), "name")).body(), "stringData").get(name);
                found = v != null ? String.valueOf(v) : found;
            }
        }
        return found;
    }

    static String stripSlash(String p) {
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    static boolean isUnder(String path, Set<String> mounts) {
        return mounts.stream().anyMatch(m -> path.equals(m) || path.startsWith(m.endsWith("/") ? m : m + "/"));
    }

    static List<Doc> ofKind(String kind) {
        return docs.stream().filter(d -> kind.equals(d.kind())).collect(Collectors.toList());
    }

    static List<Doc> workloads() {
        List<Doc> w = new ArrayList<>(ofKind("Deployment"));
        w.addAll(ofKind("StatefulSet"));
        return w;
    }

    static Doc byName(String kind, String name) {
        List<Doc> found = docs.stream()
                .filter(d -> kind.equals(d.kind()) && name != null && name.equals(d.name()))
                .collect(Collectors.toList());
        if (found.isEmpty()) {
            fail("referenced " + kind + "/" + name + " does not exist under k8s/");
        }
        return found.get(0);
    }

    static Map<String, Object> podTemplate(Doc w) {
        return map(map(w.body(), "spec"), "template");
    }

    static Map<String, Object> podLabels(Doc w) {
        return map(map(podTemplate(w), "metadata"), "labels");
    }

    static List<Map<String, Object>> containers(Doc w) {
        List<Map<String, Object>> cs = list(map(podTemplate(w), "spec"), "containers");
        assertFalse(cs.isEmpty(), w + ": no containers");
        return cs;
    }

    static Map<String, Integer> containerPorts(Doc w) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Map<String, Object> c : containers(w)) {
            for (Map<String, Object> p : list(c, "ports")) {
                ports.put(String.valueOf(p.get("name")), (Integer) p.get("containerPort"));
            }
        }
        return ports;
    }

    /** A port given as number or as the name of a container port, resolved to its number. */
    static Integer resolvePort(Doc w, Object port) {
        if (port instanceof Integer) {
            return (Integer) port;
        }
        Integer n = containerPorts(w).get(String.valueOf(port));
        assertNotNull(n, w + ": no container port named " + port);
        return n;
    }

    static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof Map ? (Map<String, Object>) v : Collections.emptyMap();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v instanceof List ? (List<Map<String, Object>>) v : Collections.emptyList();
    }

    static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : String.valueOf(v);
    }

    /** Maven runs tests in the module directory; IDEs sometimes do not. Walk up to k8s/. */
    static Path findProjectRoot() {
        Path p = Paths.get("").toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.isDirectory(q.resolve("k8s"))) {
                return q;
            }
        }
        throw new IllegalStateException("no k8s/ directory in " + p + " or its parents");
    }
}
