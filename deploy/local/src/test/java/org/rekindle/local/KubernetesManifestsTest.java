package org.rekindle.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s cannot be applied here (no cluster, no kubectl), so it is held correct by reading it: every app the
 * compose file builds has a Deployment and a Service on its port; every setting compose gives an app is given in
 * Kubernetes too (directly, from the shared ConfigMap, a ConfigMap key or a Secret); the event-sourced services, and
 * only they, reach their own PostgreSQL database with their own role and password Secret, as in compose; the shared
 * patch adds startup, liveness and readiness probes on the named port to every Deployment; memory is sized above the
 * measured footprint; the overlays point at the base and at objects (and ConfigMap keys) that exist.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of("../..");
    private static final Path BASE = ROOT.resolve("deploy/k8s/base");
    /** Measured resident memory after start (deploy/bench/results/2026-12-01-footprint-by-hand.md), in MiB. */
    private static final Map<String, Integer> MEASURED_RSS_MIB = Map.of(
            "journal-service", 395, "content-service", 357, "plan-service", 344, "notification-service", 325,
            "web-app", 225);

    private static final Map<String, Map<String, Object>> deployments = new LinkedHashMap<>();
    private static final Map<String, Map<String, Object>> services = new LinkedHashMap<>();
    private static final Map<String, Map<String, Object>> configMaps = new LinkedHashMap<>();
    private static Map<String, Map<String, Object>> compose;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        for (Object resource : list(kustomization(BASE).get("resources"))) {
            for (Map<String, Object> doc : documents(BASE.resolve((String) resource))) {
                String name = (String) map(doc.get("metadata")).get("name");
                switch ((String) doc.get("kind")) {
                    case "Deployment" -> deployments.put(name, doc);
                    case "Service" -> services.put(name, doc);
                    case "ConfigMap" -> configMaps.put(name, doc);
                    default -> { }
                }
            }
        }
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            compose = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(reader).get("services");
        }
    }

    @Test
    void everyAppComposeBuildsHasADeploymentAndAServiceOnItsPort() {
        Set<String> built = compose.entrySet().stream().filter(e -> e.getValue().containsKey("build"))
                                   .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(deployments.keySet())).as("Deployments vs. apps built by docker-compose.yml")
                                                       .isEqualTo(built);
        for (String app : built) {
            int port = Integer.parseInt(composeEnv(app).get("SERVER_PORT"));
            Map<String, Object> container = container(app);
            assertThat(container.get("name")).as(app + " container name (the shared patch merges by it)")
                                             .isEqualTo("app");
            assertThat(String.valueOf(container.get("image"))).as(app + " image").isEqualTo("rekindle/" + app);
            assertThat(list(container.get("ports"))).as(app + " container ports")
                    .anySatisfy(p -> assertThat(map(p)).containsEntry("name", "http").containsEntry("containerPort", port));
            Map<String, Object> service = services.get(app);
            assertThat(service).as(app + " Service").isNotNull();
            assertThat(map(map(service.get("spec")).get("selector")))
                    .isEqualTo(map(map(map(deployments.get(app).get("spec")).get("selector")).get("matchLabels")));
            assertThat(list(map(service.get("spec")).get("ports"))).anySatisfy(p -> assertThat(map(p))
                    .containsEntry("port", port).containsEntry("targetPort", "http"));
        }
    }

    @Test
    void everySettingComposeGivesAnAppIsGivenInKubernetesWithoutLoopbackAddresses() {
        List<String> problems = new ArrayList<>();
        deployments.keySet().forEach(app -> {
            Map<String, String> k8s = k8sEnv(app);
            composeEnv(app).forEach((name, value) -> {
                if (!k8s.containsKey(name)) {
                    problems.add(app + ": " + name + " is set in compose but not in Kubernetes");
                }
            });
            k8s.forEach((name, value) -> {
                if (value.matches(".*(localhost|127\\.0\\.0\\.1).*")) {
                    problems.add(app + ": " + name + "=" + value + " points at the pod itself");
                }
            });
            assertThat(k8s.get("SERVER_PORT")).isEqualTo(composeEnv(app).get("SERVER_PORT"));
            if (composeEnv(app).containsKey("REKINDLE_MONGO_DATABASE")) {
                assertThat(k8s.get("REKINDLE_MONGO_DATABASE")).isEqualTo(composeEnv(app).get("REKINDLE_MONGO_DATABASE"));
                assertThat(k8s.get("SPRING_DATA_MONGODB_URI")).as(app + ": the MongoDB URI comes from a Secret")
                                                             .isEqualTo("secret:rekindle-mongo/uri");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void theEventSourcedServicesAndOnlyTheyReachTheirOwnPostgresDatabaseAsInCompose() {
        Set<String> inCompose = deployments.keySet().stream()
                                           .filter(app -> composeEnv(app).containsKey("SPRING_DATASOURCE_URL"))
                                           .collect(Collectors.toCollection(TreeSet::new));
        assertThat(inCompose).as("apps with an event store in docker-compose.yml")
                             .containsExactly("content-service", "journal-service", "plan-service");
        Set<String> secrets = new TreeSet<>();
        for (String app : deployments.keySet()) {
            Map<String, String> k8s = k8sEnv(app);
            if (!inCompose.contains(app)) {
                assertThat(k8s.keySet()).as(app + " has no datasource (directly or through a ConfigMap)")
                                        .noneMatch(name -> name.startsWith("SPRING_DATASOURCE_"));
                continue;
            }
            Map<String, String> compose = composeEnv(app);
            String database = database(compose.get("SPRING_DATASOURCE_URL"));
            assertThat(k8s.get("SPRING_DATASOURCE_URL")).as(app + " SPRING_DATASOURCE_URL (from the ConfigMap)")
                                                        .startsWith("jdbc:postgresql://");
            assertThat(database(k8s.get("SPRING_DATASOURCE_URL"))).as(app + " database, as in compose")
                                                                  .isEqualTo(database);
            assertThat(k8s.get("SPRING_DATASOURCE_USERNAME")).as(app + " role, as in compose")
                                                             .isEqualTo(compose.get("SPRING_DATASOURCE_USERNAME"))
                                                             .isEqualTo(database);
            assertThat(k8s.get("SPRING_DATASOURCE_PASSWORD")).as(app + ": the role's password comes from its own Secret")
                                                             .isEqualTo("secret:rekindle-postgres-" + database
                                                                        + "/password");
            secrets.add(k8s.get("SPRING_DATASOURCE_PASSWORD"));
            assertThat(envSource(app, "SPRING_DATASOURCE_URL")).as(app + ": the URL is a key of a ConfigMap that is "
                                                                   + "not loaded whole into every app")
                                                               .startsWith("configMapKeyRef:");
        }
        assertThat(secrets).as("one password Secret per service").hasSameSizeAs(inCompose);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDeploymentGetsStartupLivenessAndReadinessProbesOnItsNamedPort() throws IOException {
        Map<String, Object> patch = null;
        for (Object entry : list(kustomization(BASE).get("patches"))) {
            if ("Deployment".equals(map(map(entry).get("target")).get("kind"))) {
                patch = documents(BASE.resolve((String) map(entry).get("path"))).get(0);
            }
        }
        assertThat(patch).as("a patch targeting every Deployment").isNotNull();
        Map<String, Object> podSpec = map(map(map(patch.get("spec")).get("template")).get("spec"));
        assertThat(map(podSpec.get("securityContext"))).containsEntry("runAsNonRoot", true);
        Map<String, Object> app = map(list(podSpec.get("containers")).get(0));
        assertThat(app.get("name")).isEqualTo("app");
        Map<String, String> expected = Map.of("startupProbe", "/actuator/health/liveness",
                                              "livenessProbe", "/actuator/health/liveness",
                                              "readinessProbe", "/actuator/health/readiness");
        expected.forEach((probe, path) -> {
            Map<String, Object> get = map(map(app.get(probe)).get("httpGet"));
            assertThat(get).as(probe).containsEntry("path", path).containsEntry("port", "http");
        });
        Map<String, Object> startup = map(app.get("startupProbe"));
        assertThat((Integer) startup.get("periodSeconds") * (Integer) startup.get("failureThreshold"))
                .as("seconds a pod may take to start (46 s measured with four starting at once)")
                .isGreaterThanOrEqualTo(120);
    }

    @Test
    void memoryIsSizedAboveTheMeasuredFootprint() {
        deployments.keySet().forEach(app -> {
            Map<String, Object> resources = map(container(app).get("resources"));
            int request = mebibytes(map(resources.get("requests")).get("memory"));
            int limit = mebibytes(map(resources.get("limits")).get("memory"));
            assertThat(map(resources.get("requests"))).as(app + " cpu request").containsKey("cpu");
            assertThat(request).as(app + " memory request vs measured RSS").isGreaterThan(MEASURED_RSS_MIB.get(app));
            assertThat(limit).as(app + " memory limit").isGreaterThanOrEqualTo(request);
        });
    }

    @Test
    void overlaysBuildOnTheBaseAndNameOnlyObjectsThatExist() throws IOException {
        try (Stream<Path> overlays = Files.list(ROOT.resolve("deploy/k8s/overlays"))) {
            for (Path overlay : overlays.toList()) {
                Map<String, Object> kustomization = kustomization(overlay);
                assertThat(list(kustomization.get("resources"))).as(overlay + " resources").contains("../../base");
                for (Object replica : list(kustomization.getOrDefault("replicas", List.of()))) {
                    assertThat(deployments).as(overlay + " replicas").containsKey((String) map(replica).get("name"));
                }
                for (Object image : list(kustomization.getOrDefault("images", List.of()))) {
                    assertThat(deployments.keySet().stream().map(d -> "rekindle/" + d))
                            .as(overlay + " images").contains((String) map(image).get("name"));
                }
                for (Object patch : list(kustomization.getOrDefault("patches", List.of()))) {
                    Map<String, Object> doc = documents(overlay.resolve((String) map(patch).get("path"))).get(0);
                    String name = (String) map(doc.get("metadata")).get("name");
                    assertThat(configMaps.containsKey(name) || deployments.containsKey(name))
                            .as(overlay + " patches " + name + ", which the base defines").isTrue();
                    if ("ConfigMap".equals(doc.get("kind"))) {
                        Map<String, Object> base = map(configMaps.get(name).get("data"));
                        map(doc.get("data")).forEach((key, value) -> {
                            assertThat(base).as(overlay + " patches key " + key + " of ConfigMap " + name
                                                + ", which the base defines").containsKey(key);
                            if (String.valueOf(value).startsWith("jdbc:")) {
                                assertThat(database(String.valueOf(value))).as(overlay + " " + name + "/" + key)
                                        .isEqualTo(database(String.valueOf(base.get(key))));
                            }
                        });
                    }
                }
                for (Object resource : list(kustomization.get("resources"))) {
                    if (!"../../base".equals(resource)) {
                        for (Map<String, Object> doc : documents(overlay.resolve((String) resource))) {
                            String text = String.valueOf(doc);
                            deployments.keySet().stream().filter(text::contains).findAny()
                                       .orElseThrow(() -> new AssertionError(overlay + "/" + resource
                                                                             + " names no app of the base"));
                        }
                    }
                }
            }
        }
    }

    /**
     * The app's environment as Kubernetes gives it: env values, Secret references ("secret:name/key"), the values of
     * ConfigMap keys it references, and the ConfigMaps it loads whole.
     */
    /** Pods are found by a Prometheus that reads annotations (no ServiceMonitor); the scrape credential is a Secret. */
    @Test
    void everyServiceThatComposeScrapesIsAnnotatedForPrometheusAndGetsTheScrapeCredential() {
        Set<String> scraped = compose.entrySet().stream()
                .filter(e -> map(e.getValue().get("environment")).containsKey("REKINDLE_METRICS_SCRAPEPASSWORD"))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertThat(scraped).as("apps compose gives a scrape credential")
                           .contains("journal-service", "content-service", "plan-service", "notification-service", "web-app");
        for (String app : scraped) {
            Map<String, Object> template = map(map(deployments.get(app).get("spec")).get("template"));
            Map<String, Object> annotations = map(map(template.get("metadata")).get("annotations"));
            int port = Integer.parseInt(composeEnv(app).get("SERVER_PORT"));
            assertThat(annotations).as(app + " pod annotations")
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(port))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
            assertThat(k8sEnv(app)).as(app + " scrape credential")
                    .containsEntry("REKINDLE_METRICS_SCRAPEPASSWORD", "secret:rekindle-metrics/password");
        }
    }

    private static Map<String, String> k8sEnv(String app) {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, Object> container = container(app);
        for (Object from : list(container.getOrDefault("envFrom", List.of()))) {
            String configMap = (String) map(map(from).get("configMapRef")).get("name");
            assertThat(configMaps).as(app + " loads ConfigMap " + configMap).containsKey(configMap);
            map(configMaps.get(configMap).get("data")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
        for (Object entry : list(container.getOrDefault("env", List.of()))) {
            Map<String, Object> e = map(entry);
            Map<String, Object> valueFrom = map(e.get("valueFrom"));
            if (valueFrom.containsKey("secretKeyRef")) {
                Map<String, Object> secret = map(valueFrom.get("secretKeyRef"));
                env.put((String) e.get("name"), "secret:" + secret.get("name") + "/" + secret.get("key"));
            } else if (valueFrom.containsKey("configMapKeyRef")) {
                Map<String, Object> ref = map(valueFrom.get("configMapKeyRef"));
                assertThat(configMaps).as(app + " reads ConfigMap " + ref.get("name")).containsKey((String) ref.get("name"));
                Map<String, Object> data = map(configMaps.get((String) ref.get("name")).get("data"));
                assertThat(data).as(app + " reads key " + ref.get("key") + " of ConfigMap " + ref.get("name"))
                                .containsKey((String) ref.get("key"));
                env.put((String) e.get("name"), String.valueOf(data.get((String) ref.get("key"))));
            } else {
                assertThat(valueFrom).as(app + " " + e.get("name") + ": a value, a Secret key or a ConfigMap key").isEmpty();
                env.put((String) e.get("name"), String.valueOf(e.get("value")));
            }
        }
        return env;
    }

    /** How the app's container sets one variable: "value", "secretKeyRef:…" or "configMapKeyRef:…". */
    private static String envSource(String app, String name) {
        for (Object entry : list(container(app).getOrDefault("env", List.of()))) {
            Map<String, Object> e = map(entry);
            if (name.equals(e.get("name"))) {
                return e.containsKey("valueFrom") ? String.valueOf(map(e.get("valueFrom")).keySet().iterator().next())
                                                    + ":" + map(e.get("valueFrom")).values().iterator().next()
                                                  : "value";
            }
        }
        return "unset";
    }

    /** The database a JDBC URL names: the path after host:port, without parameters. */
    private static String database(String jdbcUrl) {
        assertThat(jdbcUrl).as("a JDBC URL with a database").matches("jdbc:\\w+://[^/]+/[^/?]+(\\?.*)?");
        return jdbcUrl.replaceAll("jdbc:\\w+://[^/]+/([^/?]+).*", "$1");
    }

    private static Map<String, String> composeEnv(String app) {
        Map<String, String> env = new LinkedHashMap<>();
        map(compose.get(app).get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    private static Map<String, Object> container(String app) {
        Map<String, Object> podSpec = map(map(map(deployments.get(app).get("spec")).get("template")).get("spec"));
        return map(list(podSpec.get("containers")).get(0));
    }

    private static int mebibytes(Object quantity) {
        String q = String.valueOf(quantity);
        return q.endsWith("Gi") ? Integer.parseInt(q.replace("Gi", "")) * 1024 : Integer.parseInt(q.replace("Mi", ""));
    }

    private static Map<String, Object> kustomization(Path folder) throws IOException {
        return documents(folder.resolve("kustomization.yaml")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(Path file) throws IOException {
        assertThat(file).exists();
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object doc : new Yaml().loadAll(reader)) {
                if (doc != null) {
                    docs.add((Map<String, Object>) doc);
                }
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
