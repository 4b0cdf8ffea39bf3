package dev.kggateway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.kggateway.deploy.KustomizeRender.Doc;

/**
 * Checks that the Kubernetes manifests in {@code k8s/} are wired to the application as it is
 * actually configured: ports, health paths, config keys, volumes, ServiceAccount, HPA and PDB
 * targets, the Secret, the NetworkPolicy, the monitoring and autoscaling add-ons. Plain JUnit
 * (no Quarkus boot), so it is cheap and runs in every build.
 *
 * <p>It checks what {@code kubectl apply -k} would apply: each layout is rendered with
 * {@link KustomizeRender} (the kustomize subset the manifests use), with and without the
 * optional components, and every check runs within one rendering - a reference must be
 * satisfied by the same apply, not by a file that happens to lie next to it. Where kubectl is
 * installed, the renderings are compared with {@code kubectl kustomize}. Failures name the
 * file and the broken reference.
 */
class K8sManifestsTest {

    static final int HTTP_PORT = 8080;
    static final String LIVE = "/q/health/live";
    static final String READY = "/q/health/ready";
    static final String STARTED = "/q/health/started";
    static final String METRICS = "/q/metrics";
    static final String SECRET = "kg-gateway-secrets";

    /** Optional components (k8s/components/...): not in the default layouts, rendered on top of them here. */
    static final String MONITORING = "components/monitoring";
    static final String INGRESS = "components/ingress";
    static final String HPA_REQUEST_RATE = "components/hpa-request-rate";

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
    static Path k8s;
    /** Every rendering: the two layouts as shipped, and each with the optional components that fit it. */
    static final List<Layout> layouts = new ArrayList<>();
    /** Every file any rendering read. */
    static final Set<Path> filesRead = new LinkedHashSet<>();
    static final Set<String> knownEnvVars = new LinkedHashSet<>();
    static Integer configuredHttpPort;

    /** The documents one {@code kubectl apply -k} would create. */
    record Layout(String name, List<Doc> docs) {
        List<Doc> ofKind(String kind) {
            return docs.stream().filter(d -> kind.equals(d.kind())).collect(Collectors.toList());
        }

        List<Doc> workloads() {
            List<Doc> w = new ArrayList<>(ofKind("Deployment"));
            w.addAll(ofKind("StatefulSet"));
            return w;
        }

        Doc byName(String kind, String name) {
            List<Doc> found = docs.stream()
                    .filter(d -> kind.equals(d.kind()) && name != null && name.equals(d.name()))
                    .collect(Collectors.toList());
            if (found.isEmpty()) {
                fail(this.name + ": referenced " + kind + "/" + name + " is not part of this layout");
            }
            assertEquals(1, found.size(), this.name + ": " + kind + "/" + name + " defined twice");
            return found.get(0);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void load() throws IOException {
        root = findProjectRoot();
        k8s = root.resolve("k8s");
        render("k8s/", k8s);
        render("k8s/embedded/", k8s.resolve("embedded"));
        render("k8s/ + monitoring, ingress, request-rate HPA", k8s,
                k8s.resolve(MONITORING), k8s.resolve(INGRESS), k8s.resolve(HPA_REQUEST_RATE));
        render("k8s/embedded/ + monitoring, ingress", k8s.resolve("embedded"),
                k8s.resolve(MONITORING), k8s.resolve(INGRESS));

        for (String key : DOCUMENTED_KEYS) {
            knownEnvVars.add(toEnvVar(key));
        }
        knownEnvVars.addAll(LAUNCHER_VARS);
        Path props = root.resolve("gateway/src/main/resources/application.properties");
        assertTrue(Files.exists(props), "application.properties moved: " + props);
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

    static void render(String name, Path dir, Path... components) throws IOException {
        KustomizeRender r = new KustomizeRender();
        List<Doc> docs = r.render(dir, List.of(components));
        assertFalse(docs.isEmpty(), name + ": renders nothing");
        layouts.add(new Layout(name, docs));
        filesRead.addAll(r.filesRead);
    }

    // ---------------------------------------------------------------------------------------
    // Tests

    @Test
    void expectedResourcesArePresent() {
        Map<String, List<String>> expected = Map.of(
                "k8s/", List.of("Deployment", "Service", "ConfigMap", "Secret", "ServiceAccount",
                        "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy"),
                "k8s/embedded/", List.of("StatefulSet", "Service", "ConfigMap", "Secret", "ServiceAccount",
                        "NetworkPolicy"));
        for (Layout l : layouts) {
            List<String> kinds = new ArrayList<>(expected.get(l.name().startsWith("k8s/embedded/") ? "k8s/embedded/" : "k8s/"));
            if (l.name().contains("+")) {
                kinds.addAll(List.of("PodMonitor", "Ingress"));
            }
            for (String kind : kinds) {
                assertFalse(l.ofKind(kind).isEmpty(), l + ": no " + kind);
            }
        }
    }

    /**
     * Every YAML file below k8s/ is read by some rendering, except the documented snippets that
     * configure other software: a manifest nobody applies is either dead or a forgotten step.
     */
    @Test
    void everyManifestFileIsPartOfALayoutOrAComponent() throws IOException {
        Set<Path> notResources = Set.of(k8s.resolve(HPA_REQUEST_RATE).resolve("prometheus-adapter-rules.yaml"));
        try (Stream<Path> s = Files.walk(k8s)) {
            List<Path> orphans = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .map(Path::normalize)
                    .filter(p -> !filesRead.contains(p) && !notResources.contains(p))
                    .collect(Collectors.toList());
            assertTrue(orphans.isEmpty(), "YAML under k8s/ that no kustomization uses: " + orphans);
        }
    }

    /**
     * No working default credential: `kubectl apply -k` must not create an API key the world
     * can read in this repository. The Secret comes from a secretGenerator over an env file the
     * operator creates and git ignores; no Secret in the repository carries data; the workloads
     * refuse to start without it.
     */
    @Test
    void theApiKeySecretIsGeneratedFromAnUntrackedFile() throws IOException {
        Path gitignore = k8s.resolve(".gitignore");
        assertTrue(Files.exists(gitignore), "k8s/.gitignore must ignore the secret env file");
        Set<String> ignored = Files.readAllLines(gitignore, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        for (Layout l : layouts) {
            for (Doc secret : l.ofKind("Secret")) {
                assertTrue(secret.generated(), l + ": " + secret + " is committed: its keys would be public "
                        + "(use the secretGenerator in k8s/common/kustomization.yaml)");
                assertTrue(map(secret.body(), "data").isEmpty() && map(secret.body(), "stringData").isEmpty(), secret + ": data");
                @SuppressWarnings("unchecked")
                List<String> envs = (List<String>) secret.body().get(KustomizeRender.GENERATED_FROM);
                assertFalse(envs.isEmpty(), secret + ": secretGenerator without envs");
                for (String env : envs) {
                    String rel = k8s.relativize(Paths.get(env)).toString().replace('\\', '/');
                    assertTrue(ignored.contains(rel) || ignored.contains("/" + rel),
                            secret + ": " + rel + " is not in k8s/.gitignore, so a real key could be committed");
                }
            }
            for (Doc w : l.workloads()) {
                for (Map<String, Object> c : containers(w)) {
                    List<Map<String, Object>> refs = list(c, "envFrom").stream()
                            .filter(f -> f.containsKey("secretRef")).map(f -> map(f, "secretRef"))
                            .collect(Collectors.toList());
                    assertEquals(1, refs.size(), w + ": expected one secretRef (the API keys)");
                    assertEquals(SECRET, refs.get(0).get("name"), w + ": secretRef");
                    assertNotEquals(Boolean.TRUE, refs.get(0).get("optional"),
                            w + ": an optional secretRef starts the pod without keys");
                    l.byName("Secret", SECRET);
                }
            }
        }
    }

    /**
     * The real kustomize (in kubectl) agrees with {@link KustomizeRender}, refuses to render
     * without the operator's secret.env, and renders every component variant. Skipped where
     * kubectl is not installed; the other tests do not need it.
     */
    @Test
    void kubectlKustomizeRendersTheSameResourcesAndFailsWithoutTheSecret() throws Exception {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl not installed");
        Path tmp = Files.createTempDirectory("k8s-render");
        try {
            Path copy = tmp.resolve("k8s");
            copyTree(k8s, copy);
            Files.deleteIfExists(copy.resolve("common/secret.env")); // an operator's file must not leak into the check
            Result missing = kubectl("kustomize", copy.toString());
            assertNotEquals(0, missing.exit(), "kubectl kustomize k8s/ succeeded without common/secret.env:\n" + missing.out());
            assertTrue(missing.out().contains("secret.env"), "the failure should name the missing file:\n" + missing.out());

            Files.writeString(copy.resolve("common/secret.env"), "KG_AUTH_API_KEYS=" + UUID.randomUUID() + "\n");
            Path variants = tmp.resolve("variants");
            for (Layout l : layouts) {
                Path dir = copy;
                if (l.name().startsWith("k8s/embedded/")) {
                    dir = copy.resolve("embedded");
                }
                if (l.name().contains("+")) {
                    // A throw-away kustomization that turns the optional components on, as an operator would.
                    Path v = variants.resolve(String.valueOf(l.name().hashCode() & 0x7fffffff));
                    Files.createDirectories(v);
                    List<String> comps = new ArrayList<>(List.of(MONITORING, INGRESS));
                    if (!l.name().startsWith("k8s/embedded/")) {
                        comps.add(HPA_REQUEST_RATE);
                    }
                    StringBuilder k = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ")
                            .append(v.relativize(dir)).append("\ncomponents:\n");
                    comps.forEach(c -> k.append("  - ").append(v.relativize(copy.resolve(c))).append('\n'));
                    Files.writeString(v.resolve("kustomization.yaml"), k);
                    dir = v;
                }
                Result r = kubectl("kustomize", dir.toString());
                assertEquals(0, r.exit(), l + ": kubectl kustomize failed:\n" + r.out());
                Set<String> real = new TreeSet<>();
                Map<String, Object> realHpa = null;
                for (Object o : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(r.out())) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) o;
                    String name = str(map(m, "metadata"), "name");
                    if ("Secret".equals(m.get("kind"))) {
                        name = name.replaceFirst("-[a-z0-9]{10}$", ""); // content-hash suffix
                    }
                    real.add(m.get("kind") + "/" + name);
                    if ("HorizontalPodAutoscaler".equals(m.get("kind"))) {
                        realHpa = m;
                    }
                }
                Set<String> ours = l.docs().stream().map(d -> d.kind() + "/" + d.name()).collect(Collectors.toCollection(TreeSet::new));
                assertEquals(ours, real, l + ": kubectl kustomize and the test's renderer disagree");
                if (realHpa != null) {
                    assertEquals(map(l.byName("HorizontalPodAutoscaler", "kg-gateway").body(), "spec").get("metrics"),
                            map(realHpa, "spec").get("metrics"), l + ": HPA metrics after the patch");
                }
            }
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void containerPortIsTheApplicationPort() {
        if (configuredHttpPort != null) {
            assertEquals(HTTP_PORT, configuredHttpPort,
                    "application.properties sets quarkus.http.port; the manifests assume " + HTTP_PORT);
        }
        for (Layout l : layouts) {
            for (Doc w : l.workloads()) {
                Map<String, Integer> ports = containerPorts(w);
                assertTrue(ports.containsValue(HTTP_PORT), w + ": no containerPort " + HTTP_PORT + " in " + ports);
            }
        }
    }

    @Test
    void servicesTargetAContainerPortOfTheirPods() {
        for (Layout l : layouts) {
            for (Doc svc : l.ofKind("Service")) {
                Map<String, Object> selector = map(map(svc.body(), "spec"), "selector");
                assertFalse(selector.isEmpty(), svc + ": no selector");
                List<Doc> backends = l.workloads().stream()
                        .filter(w -> matches(selector, podLabels(w)))
                        .collect(Collectors.toList());
                assertFalse(backends.isEmpty(), l + ": " + svc + ": selector " + selector + " matches no pod template");
                for (Map<String, Object> port : list(map(svc.body(), "spec"), "ports")) {
                    Object target = port.getOrDefault("targetPort", port.get("port"));
                    for (Doc w : backends) {
                        assertEquals(HTTP_PORT, resolvePort(w, target),
                                svc + ": port " + port.get("name") + " targetPort " + target
                                        + " does not reach container port " + HTTP_PORT + " of " + w);
                    }
                }
            }
            Doc main = l.byName("Service", "kg-gateway");
            Map<String, Object> p = list(map(main.body(), "spec"), "ports").get(0);
            assertEquals(80, p.get("port"), main + ": clients expect port 80");
            assertEquals("http", p.get("name"), main + ": port should be named http");
        }
    }

    @Test
    void probesUseTheHealthEndpointsOnTheHttpPort() {
        Map<String, String> expected = Map.of(
                "livenessProbe", LIVE, "readinessProbe", READY, "startupProbe", STARTED);
        for (Layout l : layouts) {
            for (Doc w : l.workloads()) {
                for (Map<String, Object> c : containers(w)) {
                    expected.forEach((probe, path) -> {
                        Map<String, Object> get = map(map(c, probe), "httpGet");
                        assertEquals(path, get.get("path"), w + ": " + probe + " path");
                        assertEquals(HTTP_PORT, resolvePort(w, get.get("port")), w + ": " + probe + " port");
                    });
                }
            }
        }
    }

    @Test
    void prometheusAnnotationsPointAtTheMetricsEndpoint() {
        for (Layout l : layouts) {
            for (Doc w : l.workloads()) {
                Map<String, Object> ann = map(map(podTemplate(w), "metadata"), "annotations");
                assertEquals("true", ann.get("prometheus.io/scrape"), w + ": prometheus.io/scrape");
                assertEquals(String.valueOf(HTTP_PORT), ann.get("prometheus.io/port"), w + ": prometheus.io/port");
                assertEquals(METRICS, ann.get("prometheus.io/path"), w + ": prometheus.io/path");
            }
        }
    }

    /**
     * /q/* (health, metrics, GraphiQL) must not be reachable from outside the cluster. A
     * NetworkPolicy works on L3/L4 and cannot look at paths, so it admits traffic to the HTTP
     * port only from the ingress controller's and the monitoring namespace (never from
     * everywhere), and the Ingress exposes only the public API paths.
     */
    @Test
    void networkPolicyAdmitsOnlyTheIngressControllerAndMonitoring() {
        for (Layout l : layouts) {
            List<Doc> policies = l.ofKind("NetworkPolicy");
            for (Doc w : l.workloads()) {
                List<Doc> selecting = policies.stream()
                        .filter(p -> matches(map(map(map(p.body(), "spec"), "podSelector"), "matchLabels"), podLabels(w)))
                        .collect(Collectors.toList());
                assertEquals(1, selecting.size(), l + ": NetworkPolicies selecting the pods of " + w + ": " + selecting);
                Map<String, Object> spec = map(selecting.get(0).body(), "spec");
                assertTrue(String.valueOf(spec.get("policyTypes")).contains("Ingress"), selecting.get(0) + ": policyTypes");
                List<Map<String, Object>> rules = list(spec, "ingress");
                assertFalse(rules.isEmpty(), selecting.get(0) + ": no ingress rule (would deny the ingress controller too)");
                Set<String> namespaces = new LinkedHashSet<>();
                for (Map<String, Object> rule : rules) {
                    List<Map<String, Object>> ports = list(rule, "ports");
                    assertFalse(ports.isEmpty(), selecting.get(0) + ": a rule without ports admits every port");
                    for (Map<String, Object> port : ports) {
                        assertEquals(HTTP_PORT, resolvePort(w, port.get("port")), selecting.get(0) + ": port " + port);
                    }
                    List<Map<String, Object>> from = list(rule, "from");
                    assertFalse(from.isEmpty(), selecting.get(0) + ": a rule without from admits every source");
                    for (Map<String, Object> peer : from) {
                        boolean restricted = !map(map(peer, "namespaceSelector"), "matchLabels").isEmpty()
                                || (!peer.containsKey("namespaceSelector") && !map(map(peer, "podSelector"), "matchLabels").isEmpty())
                                || peer.containsKey("ipBlock") && !"0.0.0.0/0".equals(map(peer, "ipBlock").get("cidr"));
                        assertTrue(restricted, selecting.get(0) + ": peer " + peer + " admits (nearly) everything");
                        Object ns = map(map(peer, "namespaceSelector"), "matchLabels").get("kubernetes.io/metadata.name");
                        if (ns != null) {
                            namespaces.add(String.valueOf(ns));
                        }
                    }
                }
                assertEquals(2, namespaces.size(), selecting.get(0) + ": expected the ingress controller's and the "
                        + "monitoring namespace, got " + namespaces);
            }
            for (Doc ing : l.ofKind("Ingress")) {
                for (Map<String, Object> rule : list(map(ing.body(), "spec"), "rules")) {
                    for (Map<String, Object> path : list(map(rule, "http"), "paths")) {
                        String p = str(path, "path");
                        assertTrue(PUBLIC_PATHS.contains(p), ing + ": exposes " + p + "; public paths are " + PUBLIC_PATHS);
                        assertTrue(List.of("Exact", "Prefix").contains(path.get("pathType")), ing + ": pathType of " + p);
                        Map<String, Object> svc = map(map(path, "backend"), "service");
                        Doc target = l.byName("Service", str(svc, "name"));
                        Object port = map(svc, "port").containsKey("name") ? map(svc, "port").get("name") : map(svc, "port").get("number");
                        assertTrue(list(map(target.body(), "spec"), "ports").stream()
                                .anyMatch(sp -> port.equals(sp.get("name")) || port.equals(sp.get("port"))), ing + ": backend port " + port);
                    }
                }
                assertFalse(map(ing.body(), "spec").containsKey("defaultBackend"), ing + ": a defaultBackend exposes every path");
            }
        }
    }

    /** Paths the Ingress may expose. /q/* (health, metrics, GraphiQL) never. */
    static final Set<String> PUBLIC_PATHS = Set.of("/graphql");

    /**
     * Prometheus Operator scraping lives in an optional component: the base must apply on a
     * cluster without its CRDs. The PodMonitor (not a ServiceMonitor: in the embedded layout two
     * Services select the pod, which would scrape it twice) reads /q/metrics on the http port.
     */
    @Test
    void podMonitorScrapesTheMetricsEndpointAndIsOptional() {
        for (Layout l : layouts) {
            boolean withComponents = l.name().contains("+");
            List<Doc> operatorKinds = l.docs().stream()
                    .filter(d -> String.valueOf(d.body().get("apiVersion")).startsWith("monitoring.coreos.com/"))
                    .collect(Collectors.toList());
            if (!withComponents) {
                assertTrue(operatorKinds.isEmpty(), l + ": Prometheus Operator resources in the base break clusters without the CRD: " + operatorKinds);
                continue;
            }
            List<Doc> monitors = l.ofKind("PodMonitor");
            assertEquals(1, monitors.size(), l + ": PodMonitors");
            Map<String, Object> spec = map(monitors.get(0).body(), "spec");
            Map<String, Object> sel = map(map(spec, "selector"), "matchLabels");
            for (Doc w : l.workloads()) {
                assertTrue(matches(sel, podLabels(w)), monitors.get(0) + ": selector " + sel + " does not select " + w);
                List<Map<String, Object>> endpoints = list(spec, "podMetricsEndpoints");
                assertFalse(endpoints.isEmpty(), monitors.get(0) + ": no podMetricsEndpoints");
                for (Map<String, Object> e : endpoints) {
                    assertEquals(HTTP_PORT, resolvePort(w, e.get("port")), monitors.get(0) + ": port");
                    assertEquals(METRICS, e.get("path"), monitors.get(0) + ": path");
                }
            }
        }
    }

    /**
     * The HPA scales on CPU in the base (works on any cluster with metrics-server) and, with the
     * hpa-request-rate component, also on GraphQL requests per second per pod - a custom metric
     * that exists only if prometheus-adapter has the rule shipped next to the component, whose
     * series the gateway really exports.
     */
    @Test
    void hpaScalesOnCpuAndOptionallyOnRequestRate() throws IOException {
        // Helm values of the prometheus-adapter chart (rules.custom), not a Kubernetes resource.
        Map<String, Object> adapter;
        try (Reader r = Files.newBufferedReader(k8s.resolve(HPA_REQUEST_RATE).resolve("prometheus-adapter-rules.yaml"))) {
            adapter = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        }
        List<Map<String, Object>> rules = list(map(adapter, "rules"), "custom");
        assertFalse(rules.isEmpty(), "prometheus-adapter-rules.yaml: no rules.custom");
        for (Layout l : layouts) {
            for (Doc hpa : l.ofKind("HorizontalPodAutoscaler")) {
                List<Map<String, Object>> metrics = list(map(hpa.body(), "spec"), "metrics");
                assertTrue(metrics.stream().anyMatch(m -> "Resource".equals(m.get("type"))
                        && "cpu".equals(map(m, "resource").get("name"))), hpa + ": no CPU metric");
                List<Map<String, Object>> pods = metrics.stream().filter(m -> "Pods".equals(m.get("type"))).collect(Collectors.toList());
                if (!l.name().contains("+")) {
                    assertTrue(pods.isEmpty(), l + ": the base HPA must not need prometheus-adapter: " + pods);
                    continue;
                }
                assertEquals(1, pods.size(), l + ": request-rate metric");
                String metric = str(map(map(pods.get(0), "pods"), "metric"), "name");
                Map<String, Object> target = map(map(pods.get(0), "pods"), "target");
                assertEquals("AverageValue", target.get("type"), hpa + ": request rate target type");
                assertNotNull(target.get("averageValue"), hpa + ": request rate target");
                Map<String, Object> rule = rules.stream()
                        .filter(r -> metric.equals(map(r, "name").get("as")))
                        .findFirst().orElseGet(() -> fail("no prometheus-adapter rule exposes " + metric));
                assertTrue(str(rule, "seriesQuery").contains("http_server_requests_seconds_count"),
                        "adapter rule for " + metric + " should read the gateway's http_server_requests_seconds_count");
                assertTrue(str(rule, "metricsQuery").contains("uri=\"/graphql\""),
                        "adapter rule for " + metric + " should count /graphql only (not probes and scrapes)");
            }
        }
    }

    @Test
    void everyEnvironmentVariableIsAKnownConfigKey() {
        List<String> unknown = new ArrayList<>();
        for (Layout l : layouts) {
            for (Doc w : l.workloads()) {
                for (Map<String, Object> c : containers(w)) {
                    for (Map<String, Object> e : list(c, "env")) {
                        check(unknown, w, (String) e.get("name"));
                    }
                }
            }
            for (Doc cm : l.ofKind("ConfigMap")) {
                map(cm.body(), "data").keySet().forEach(k -> check(unknown, cm, k));
            }
        }
        assertTrue(unknown.isEmpty(), "env vars that no config key maps to (typo, or a key the app "
                + "does not have): " + unknown + "\nknown: " + knownEnvVars);
    }

    @Test
    void envSourcesExist() {
        for (Layout l : layouts) {
            for (Doc w : l.workloads()) {
                for (Map<String, Object> c : containers(w)) {
                    for (Map<String, Object> from : list(c, "envFrom")) {
                        if (from.containsKey("configMapRef")) {
                            l.byName("ConfigMap", str(map(from, "configMapRef"), "name"));
                        }
                        if (from.containsKey("secretRef")) {
                            l.byName("Secret", str(map(from, "secretRef"), "name"));
                        }
                    }
                    for (Map<String, Object> e : list(c, "env")) {
                        Map<String, Object> vf = map(e, "valueFrom");
                        if (vf.containsKey("configMapKeyRef")) {
                            Map<String, Object> ref = map(vf, "configMapKeyRef");
                            assertTrue(map(l.byName("ConfigMap", str(ref, "name")).body(), "data").containsKey(ref.get("key")),
                                    w + ": configMapKeyRef " + ref);
                        }
                        assertFalse(vf.containsKey("secretKeyRef"), w + ": use the envFrom secretRef (its keys are not in the repository)");
                    }
                }
            }
        }
    }

    @Test
    void runsAsNonRootWithReadOnlyRootAndEveryMountedVolumeExists() {
        for (Layout l : layouts) {
            for (Doc w : l.workloads()) {
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
                    String cacheDir = envValue(l, c, toEnvVar("kg.ner.cache-dir"));
                    assertNotNull(cacheDir, w + ": KG_NER_CACHE_DIR is not set (default would be on the read-only root)");
                    assertTrue(isUnder(cacheDir, mountPaths), w + ": KG_NER_CACHE_DIR " + cacheDir + " is not on a mount " + mountPaths);
                    String kind = envValue(l, c, toEnvVar("kg.store.kind"));
                    if ("embedded".equals(kind)) {
                        String path = envValue(l, c, toEnvVar("kg.store.path"));
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
    }

    /**
     * Requests and limits follow the measured run documented in docs/deploy.md ("Resources:
     * measured"): the memory request covers the measured peak RSS with a margin, the limit
     * leaves headroom above it, and the heap size is the one the measurement ran with (another
     * -Xmx invalidates the figures).
     */
    @Test
    void resourcesCoverTheMeasuredPeak() throws IOException {
        String deploy = Files.readString(root.resolve("docs/deploy.md"), StandardCharsets.UTF_8);
        int at = deploy.indexOf("### Resources: measured");
        assertTrue(at >= 0, "docs/deploy.md has no 'Resources: measured' section");
        String section = deploy.substring(at, Math.max(deploy.indexOf("\n## ", at), at));
        Matcher peak = Pattern.compile("\\*\\*([\\d,]+) MiB\\*\\*").matcher(section);
        assertTrue(peak.find(), "no bold peak RSS figure (**N MiB**) in docs/deploy.md 'Resources: measured'");
        double peakMib = Double.parseDouble(peak.group(1).replace(",", ""));
        Matcher xmx = Pattern.compile("-Xmx(\\d+[mg])").matcher(section);
        assertTrue(xmx.find(), "the measured run's -Xmx is not stated");
        for (Layout l : layouts) {
            for (Doc w : l.workloads()) {
                for (Map<String, Object> c : containers(w)) {
                    String javaOpts = envValue(l, c, "JAVA_OPTS");
                    assertNotNull(javaOpts, w + ": JAVA_OPTS");
                    assertTrue(javaOpts.contains("-Xmx" + xmx.group(1)), w + ": JAVA_OPTS " + javaOpts
                            + " is not the measured -Xmx" + xmx.group(1) + ": measure again before changing it");
                    Map<String, Object> res = map(c, "resources");
                    double request = mebibytes(map(res, "requests").get("memory"));
                    double limit = mebibytes(map(res, "limits").get("memory"));
                    assertTrue(request >= 1.15 * peakMib, w + ": memory request " + request
                            + " Mi is less than the measured peak RSS " + peakMib + " MiB + 15%");
                    assertTrue(limit >= 1.4 * peakMib, w + ": memory limit " + limit
                            + " Mi leaves less than 40% above the measured peak RSS " + peakMib + " MiB");
                    assertTrue(cores(map(res, "limits").get("cpu")) >= cores(map(res, "requests").get("cpu")), w + ": CPU limit < request");
                }
            }
        }
        for (Path f : filesRead) {
            assertFalse(Files.readString(f, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains("not yet measured"),
                    f + " still says the sizing is not measured");
        }
    }

    static double mebibytes(Object quantity) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)(Mi|Gi)").matcher(String.valueOf(quantity));
        assertTrue(m.matches(), "memory quantity " + quantity + " is not in Mi or Gi");
        return Double.parseDouble(m.group(1)) * (m.group(2).equals("Gi") ? 1024 : 1);
    }

    static double cores(Object quantity) {
        String q = String.valueOf(quantity);
        return q.endsWith("m") ? Double.parseDouble(q.substring(0, q.length() - 1)) / 1000 : Double.parseDouble(q);
    }

    @Test
    void workloadsUseTheIrsaServiceAccount() {
        for (Layout l : layouts) {
            for (Doc w : l.workloads()) {
                String sa = str(map(podTemplate(w), "spec"), "serviceAccountName");
                assertNotNull(sa, w + ": no serviceAccountName (would run as 'default', without IRSA)");
                Doc account = l.byName("ServiceAccount", sa);
                Object arn = map(map(account.body(), "metadata"), "annotations").get("eks.amazonaws.com/role-arn");
                assertTrue(arn instanceof String && ((String) arn).startsWith("arn:aws:iam::"),
                        account + ": eks.amazonaws.com/role-arn annotation missing or not an IAM role ARN");
            }
        }
    }

    @Test
    void selectorsMatchTheirPodTemplates() {
        for (Layout l : layouts) {
            for (Doc w : l.workloads()) {
                Map<String, Object> sel = map(map(map(w.body(), "spec"), "selector"), "matchLabels");
                assertFalse(sel.isEmpty(), w + ": empty selector");
                assertTrue(matches(sel, podLabels(w)), w + ": selector " + sel + " does not match its pod labels");
            }
        }
    }

    @Test
    void hpaTargetsTheDeploymentOnCpu() {
        for (Layout l : layouts) {
            for (Doc hpa : l.ofKind("HorizontalPodAutoscaler")) {
                assertEquals("autoscaling/v2", hpa.body().get("apiVersion"), hpa + ": apiVersion");
                Map<String, Object> spec = map(hpa.body(), "spec");
                Map<String, Object> ref = map(spec, "scaleTargetRef");
                Doc target = l.byName((String) ref.get("kind"), (String) ref.get("name"));
                assertEquals("Deployment", target.kind(), hpa + ": should scale the stateless Deployment");
                assertEquals(target.body().get("apiVersion"), ref.get("apiVersion"), hpa + ": scaleTargetRef.apiVersion");
                assertFalse(map(target.body(), "spec").containsKey("replicas"),
                        target + ": spec.replicas fights the HPA on every apply");
                int min = (Integer) spec.getOrDefault("minReplicas", 1);
                assertTrue(min >= 2, hpa + ": minReplicas < 2 leaves no replica during a disruption");
                // CPU utilization is relative to requests: without a CPU request the HPA cannot work.
                for (Map<String, Object> c : containers(target)) {
                    assertNotNull(map(map(c, "resources"), "requests").get("cpu"), target + ": CPU request needed by the HPA");
                }
            }
        }
    }

    @Test
    void pdbSelectsTheDeploymentPods() {
        for (Layout l : layouts) {
            for (Doc pdb : l.ofKind("PodDisruptionBudget")) {
                Map<String, Object> sel = map(map(map(pdb.body(), "spec"), "selector"), "matchLabels");
                assertFalse(sel.isEmpty(), pdb + ": empty selector");
                List<Doc> selected = l.ofKind("Deployment").stream()
                        .filter(d -> matches(sel, podLabels(d)))
                        .collect(Collectors.toList());
                assertFalse(selected.isEmpty(), pdb + ": selector " + sel + " matches no Deployment's pods");
            }
        }
    }

    @Test
    void statefulSetsHaveTheirGoverningService() {
        for (Layout l : layouts) {
            for (Doc sts : l.ofKind("StatefulSet")) {
                Doc svc = l.byName("Service", str(map(sts.body(), "spec"), "serviceName"));
                assertEquals("None", map(svc.body(), "spec").get("clusterIP"), svc + ": governing Service should be headless");
                assertTrue(matches(map(map(svc.body(), "spec"), "selector"), podLabels(sts)),
                        svc + ": does not select the pods of " + sts);
            }
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
        for (Layout l : layouts) {
          for (Doc w : l.workloads()) {
            Map<String, Object> podSc = map(map(podTemplate(w), "spec"), "securityContext");
            if (podSc.get("runAsUser") != null) {
                assertEquals(user, String.valueOf(podSc.get("runAsUser")), w + ": runAsUser differs from the image's USER");
            }
            for (Map<String, Object> c : containers(w)) {
                String model = envValue(l, c, toEnvVar("kg.ner.model-path"));
                if (model != null && !model.startsWith("s3://")) {
                    assertEquals(modelDir, stripSlash(model), w + ": KG_NER_MODEL_PATH is not where the image has the model");
                }
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

    /**
     * Value of an env var as the container sees it: explicit env wins over envFrom. The Secret's
     * values are not in the repository, so only the ConfigMap and env are consulted.
     */
    static String envValue(Layout l, Map<String, Object> c, String name) {
        for (Map<String, Object> e : list(c, "env")) {
            if (name.equals(e.get("name")) && e.get("value") != null) {
                return String.valueOf(e.get("value"));
            }
        }
        String found = null;
        for (Map<String, Object> from : list(c, "envFrom")) { // later sources win
            if (from.containsKey("configMapRef")) {
                Object v = map(l.byName("ConfigMap", str(map(from, "configMapRef"), "name")).body(), "data").get(name);
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

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Paths.get(d, command)));
    }

    record Result(int exit, String out) {
    }

    /** Runs kubectl (stdout and stderr together), at most 60 s. */
    static Result kubectl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("kubectl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl did not finish: " + cmd);
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
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
