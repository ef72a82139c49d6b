package org.rekindle.local;

import org.junit.jupiter.api.BeforeAll;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is held correct by reading it: every service, port,
 * health check and setting the apps need against real infrastructure must be there, and every infrastructure
 * address in an app's properties (its own file and the platform defaults) must be overridden for the compose network.
 * Maven runs this with deploy/local as the working directory, so the repository root is two levels up.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("../..");
    private static final String PLATFORM_DEFAULTS =
            "platform/platform-core/src/main/resources/rekindle-platform-defaults.properties";
    private static final String ADDRESS = "[\\w.-]+:\\d{2,5}";
    /** A value that points at infrastructure: a MongoDB URI, a JDBC URL, or host:port (a comma-separated list). */
    private static final Pattern INFRASTRUCTURE_VALUE =
            Pattern.compile("^(mongodb(\\+srv)?://.*|jdbc:.*|" + ADDRESS + "(\\s*,\\s*" + ADDRESS + ")*)$");
    private static final Pattern LOOPBACK = Pattern.compile("localhost|127\\.0\\.0\\.1|::1");
    /** The compose file runs one Kafka node, so no topic may ask for more replicas. */
    private static final int KAFKA_BROKERS = 1;
    /** The services with an Axon event store, each in its own PostgreSQL database owned by a role of the same name. */
    private static final Map<String, String> EVENT_STORE_DATABASES =
            Map.of("journal-service", "journal", "content-service", "content", "plan-service", "plan");
    private static final String POSTGRES_INIT = "deploy/postgres/10-rekindle-databases.sh";

    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        Path file = ROOT.resolve("docker-compose.yml");
        assertThat(file).as("docker-compose.yml at the repository root").exists();
        try (Reader reader = Files.newBufferedReader(file)) {
            compose = new Yaml().load(reader);
        }
        assertThat(compose).as("docker-compose.yml top-level keys").containsKey("services");
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    /** Every application service of the platform: compose service name, port, database, properties file, module. */
    static Stream<Arguments> appServices() {
        return Stream.of(
                Arguments.of("journal-service", 8081, "journal",
                             "journal-service/journal-app/src/main/resources/journal-service.properties", "journal-app"),
                Arguments.of("content-service", 8082, "content",
                             "content-service/content-app/src/main/resources/content-service.properties", "content-app"),
                Arguments.of("plan-service", 8083, "plan",
                             "plan-service/plan-app/src/main/resources/plan-service.properties", "plan-app"),
                Arguments.of("notification-service", 8084, "notification",
                             "notification-service/notification-app/src/main/resources/notification-service.properties",
                             "notification-app"));
    }

    @Test
    void kafkaIsTheOfficialImageAsASingleKraftNode() {
        Map<String, Object> kafka = service("kafka");
        assertThat(String.valueOf(kafka.get("image"))).as("kafka image").startsWith("apache/kafka:");
        Map<String, String> env = env("kafka");
        assertThat(env).as("kafka environment")
                       .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                       .containsKeys("KAFKA_NODE_ID", "KAFKA_CONTROLLER_LISTENER_NAMES", "KAFKA_LISTENERS",
                                     "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "KAFKA_LOG_DIRS")
                       .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", String.valueOf(KAFKA_BROKERS))
                       .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", String.valueOf(KAFKA_BROKERS))
                       .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", String.valueOf(KAFKA_BROKERS));
        assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).as("KAFKA_CONTROLLER_QUORUM_VOTERS of kafka")
                                                             .isEqualTo(env.get("KAFKA_NODE_ID") + "@kafka:9093");
        assertThat(env.get("KAFKA_LISTENERS")).as("KAFKA_LISTENERS of kafka")
                                              .contains("PLAINTEXT://:9092", "EXTERNAL://:29092", "CONTROLLER://:9093");
        assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).as("KAFKA_ADVERTISED_LISTENERS of kafka")
                                                         .contains("PLAINTEXT://kafka:9092",
                                                                   "EXTERNAL://localhost:29092");
        assertThat(ports("kafka")).as("kafka ports (EXTERNAL listener for clients on the host)")
                                  .contains("29092:29092");
        assertThat(volumeTargets("kafka")).as("kafka volumes (KAFKA_LOG_DIRS on a named volume)")
                                          .contains(env.get("KAFKA_LOG_DIRS"));
        assertThat(healthcheck("kafka")).as("kafka healthcheck")
                                        .contains("/opt/kafka/bin/kafka-broker-api-versions.sh",
                                                  "--bootstrap-server localhost:9092");
    }

    @Test
    void mongoIsASingleNodeReplicaSetThatInitiatesItself() {
        Map<String, Object> mongo = service("mongo");
        assertThat(String.valueOf(mongo.get("image"))).as("mongo image").startsWith("mongo:");
        assertThat(String.valueOf(mongo.get("command"))).as("mongo command").contains("--replSet", "rs0",
                                                                                      "--bind_ip_all");
        assertThat(volumeTargets("mongo")).as("mongo volumes").contains("/data/db");
        String check = healthcheck("mongo").replace(" ", "");
        assertThat(check).as("mongo healthcheck initiates rs0 with the member the apps connect to")
                         .contains("mongosh", "rs.status()", "rs.initiate(", "_id:'rs0'", "host:'mongo:27017'");
        assertThat(healthcheckSettings("mongo")).as("mongo healthcheck settings (time for the first initiate)")
                                                .containsKey("start_period");
    }

    @Test
    void postgresIsTheOfficialImageAndCreatesOneDatabaseAndRolePerEventStoreOnItsFirstStart() throws IOException {
        String image = String.valueOf(service("postgres").get("image"));
        assertThat(image).as("postgres image").matches("postgres:\\d+(\\.\\d+)*");
        int major = Integer.parseInt(image.replaceAll("postgres:(\\d+).*", "$1"));
        assertThat(volumeTargets("postgres"))
                .as("postgres data on a named volume (18+ keeps it under /var/lib/postgresql/<major>/docker)")
                .contains(major >= 18 ? "/var/lib/postgresql" : "/var/lib/postgresql/data");
        assertThat(volumes("postgres")).as("postgres init scripts")
                                       .contains("./deploy/postgres:/docker-entrypoint-initdb.d:ro");
        assertThat(healthcheck("postgres")).as("postgres healthcheck: pg_isready over TCP, which the image's "
                                               + "temporary server does not listen on while the init scripts run")
                                           .contains("pg_isready").containsPattern("(-h |--host=)(127\\.0\\.0\\.1|localhost)");
        assertThat(healthcheckSettings("postgres")).containsKey("start_period");
        Map<String, String> env = env("postgres");
        assertThat(env).as("postgres superuser").containsKeys("POSTGRES_USER", "POSTGRES_PASSWORD");

        Path script = ROOT.resolve(POSTGRES_INIT);
        assertThat(script).as("init script").exists();
        String text = Files.readString(script);
        assertThat(text).as(POSTGRES_INIT).startsWith("#!").contains("ON_ERROR_STOP=1")
                        .contains("CREATE ROLE :\"name\" LOGIN PASSWORD :'password'")
                        .contains("CREATE DATABASE :\"name\" OWNER :\"name\"")
                        .contains("REVOKE ALL ON DATABASE :\"name\" FROM PUBLIC");
        Matcher call = Pattern.compile("(?m)^create_service_database (\\w+) \"\\$\\{(\\w+):-}\"$").matcher(text);
        Map<String, String> passwordVariables = new LinkedHashMap<>();
        while (call.find()) {
            passwordVariables.put(call.group(1), call.group(2));
        }
        assertThat(passwordVariables.keySet()).as(POSTGRES_INIT + " creates a role and database for each event store")
                                              .containsExactlyInAnyOrderElementsOf(EVENT_STORE_DATABASES.values());
        EVENT_STORE_DATABASES.forEach((service, database) -> {
            String variable = passwordVariables.get(database);
            assertThat(env).as("postgres environment gives the init script the password of " + database)
                           .containsKey(variable);
            assertThat(env(service).get("SPRING_DATASOURCE_PASSWORD"))
                    .as(service + " logs in with the password its role was created with")
                    .isEqualTo(env.get(variable));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appServices")
    @SuppressWarnings("unchecked")
    void onlyTheEventSourcedServicesHaveADatasourceEachItsOwnDatabaseAndRole(String service) {
        Map<String, String> env = env(service);
        Map<String, Object> dependsOn = (Map<String, Object>) service(service).get("depends_on");
        String database = EVENT_STORE_DATABASES.get(service);
        if (database == null) {
            assertThat(env.keySet()).as(service + " has no event store and no datasource")
                                    .noneMatch(name -> name.startsWith("SPRING_DATASOURCE_"));
            assertThat(dependsOn).as(service + " depends_on").doesNotContainKey("postgres");
            return;
        }
        assertThat(env).as(service + " environment")
                       .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/" + database)
                       .containsEntry("SPRING_DATASOURCE_USERNAME", database);
        assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).as(service + " SPRING_DATASOURCE_PASSWORD").isNotBlank();
        assertThat(dependsOn).as(service + " depends_on").containsKey("postgres");
        EVENT_STORE_DATABASES.forEach((other, otherDatabase) -> {
            if (!other.equals(service)) {
                assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).as(service + " and " + other + " share no password")
                                                                 .isNotEqualTo(env(other).get("SPRING_DATASOURCE_PASSWORD"));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appServices")
    void validatesTokensOfTheComposeIssuerWithKeysFromKeycloak(String service) {
        Map<String, String> env = env(service);
        String publicUrl = env("keycloak").get("KC_HOSTNAME");
        assertThat(env.get("REKINDLE_SECURITY_ISSUERURI")).as(service + " issuer: what tokens name, as a browser sees it")
                                                          .isEqualTo(publicUrl + "/realms/rekindle");
        assertThat(env.get("REKINDLE_SECURITY_JWKSETURI")).as(service + " keys: fetched over the compose network")
                .isEqualTo("http://keycloak:8080/realms/rekindle/protocol/openid-connect/certs");
        assertThat(ports("keycloak")).contains(publicUrl.substring(publicUrl.lastIndexOf(':') + 1) + ":8080");
        assertThat(String.valueOf(service(service).get("depends_on"))).contains("keycloak");
    }

    @Test
    void keycloakSignsPeopleInOnRekindlesOwnThemeMountedFromTheRepository() throws IOException {
        JsonNode realm = new ObjectMapper().readTree(ROOT.resolve("deploy/keycloak/rekindle-realm.json").toFile());
        String theme = realm.get("loginTheme").asText();
        assertThat(volumes("keycloak")).contains("./deploy/keycloak-theme/" + theme + ":/opt/keycloak/themes/" + theme
                                                 + ":ro");
        java.nio.file.Path login = ROOT.resolve("deploy/keycloak-theme/" + theme + "/login");
        java.util.Properties properties = new java.util.Properties();
        try (var in = java.nio.file.Files.newInputStream(login.resolve("theme.properties"))) {
            properties.load(in);
        }
        assertThat(properties.getProperty("parent")).as("a theme Keycloak 26 ships").isEqualTo("keycloak.v2");
        assertThat(properties.getProperty("styles").split(" ")).as("the parent's styles, then ours")
                                                               .containsExactly("css/styles.css", "css/rekindle.css");
        assertThat(login.resolve("resources/css/rekindle.css")).isRegularFile();
        assertThat(java.nio.file.Files.readString(login.resolve("messages/messages_en.properties")))
                .contains("loginAccountTitle=Sign in to Rekindle");
    }

    @Test
    void theKeycloakRealmHasTheDemoDirectoryTheClientsAndTheClaimsServicesRead() throws IOException {
        ObjectMapper json = new ObjectMapper();
        assertThat(volumes("keycloak")).contains("./deploy/keycloak:/opt/keycloak/data/import:ro");
        JsonNode realm = json.readTree(ROOT.resolve("deploy/keycloak/rekindle-realm.json").toFile());
        JsonNode demo = json.readTree(ROOT.resolve("deploy/issuer/src/main/resources/demo-users.json").toFile());
        assertThat(realm.get("realm").asText()).isEqualTo("rekindle");
        Map<String, JsonNode> users = new LinkedHashMap<>();
        realm.get("users").forEach(user -> users.put(user.get("id").asText(), user));
        assertThat(users.keySet()).as("the same people as the local issuer, with their ids as token subjects")
                                  .containsExactlyElementsOf(demo.findValuesAsText("id"));
        demo.forEach(person -> {
            JsonNode user = users.get(person.get("id").asText());
            assertThat(user.at("/attributes/roles").toString()).isEqualTo(person.get("roles").toString());
            assertThat(user.at("/attributes/coach/0").asText(null)).isEqualTo(person.get("coach").asText(null));
            assertThat(user.at("/credentials/0/value").asText()).isEqualTo(person.get("password").asText());
        });
        JsonNode web = client(realm, "rekindle-web");
        assertThat(web.get("publicClient").asBoolean()).isTrue();
        assertThat(web.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(web.get("directAccessGrantsEnabled").asBoolean()).as("no password grant").isFalse();
        assertThat(web.get("protocolMappers").findValuesAsText("claim.name")).contains("roles", "coach", "practice");
        assertThat(web.get("protocolMappers").findValuesAsText("included.custom.audience")).contains("rekindle");
        assertThat(client(realm, "rekindle-services").get("serviceAccountsEnabled").asBoolean()).isTrue();
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (clientId.equals(client.get("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId + " in the realm");
    }

    @Test
    void notificationServiceSendsMailThroughTheMailCatcher() {
        Map<String, String> env = env("notification-service");
        assertThat(env).as("notification-service environment").containsEntry("SPRING_MAIL_HOST", "mailpit")
                       .containsEntry("SPRING_MAIL_PORT", "1025");
        assertThat(ports("mailpit")).as("mailpit ports: SMTP and the inbox a person opens")
                                    .contains("1025:1025", "8025:8025");
        assertThat(String.valueOf(service("notification-service").get("depends_on"))).contains("mailpit");
    }

    @Test
    void journalServiceReachesThePartsOfAJourneyExportOverTheComposeNetwork() {
        Map<String, String> env = env("journal-service");
        assertThat(env).as("journal-service asks plan- and notification-service for a client's export")
                       .containsEntry("REKINDLE_JOURNAL_EXPORT_PLANSERVICEURL", "http://plan-service:8083")
                       .containsEntry("REKINDLE_JOURNAL_EXPORT_NOTIFICATIONSERVICEURL",
                                      "http://notification-service:8084");
        assertThat(services).containsKeys("plan-service", "notification-service");
    }

    @Test
    void theWebAppSignsInAtKeycloakAndCallsEveryServiceOverTheComposeNetwork() throws IOException {
        Map<String, String> env = env("web-app");
        String keycloak = env("keycloak").get("KC_HOSTNAME") + "/realms/rekindle/protocol/openid-connect";
        assertThat(env).containsEntry("SERVER_PORT", "8080")
                       .containsEntry("REKINDLE_WEB_JOURNALURL", "http://journal-service:8081")
                       .containsEntry("REKINDLE_WEB_CONTENTURL", "http://content-service:8082")
                       .containsEntry("REKINDLE_WEB_PLANURL", "http://plan-service:8083")
                       .containsEntry("REKINDLE_WEB_NOTIFICATIONURL", "http://notification-service:8084")
                       .containsEntry("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_REKINDLE_AUTHORIZATIONURI",
                                      keycloak + "/auth")
                       .containsEntry("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_REKINDLE_TOKENURI",
                                      "http://keycloak:8080/realms/rekindle/protocol/openid-connect/token")
                       .containsEntry("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_REKINDLE_JWKSETURI",
                                      "http://keycloak:8080/realms/rekindle/protocol/openid-connect/certs")
                       .containsEntry("REKINDLE_WEB_ENDSESSIONURI", keycloak + "/logout");
        assertThat(ports("web-app")).contains("8080:8080");
        assertThat(healthcheck("web-app")).contains("/actuator/health/readiness", "8080");
        assertThat(String.valueOf(service("web-app").get("depends_on")))
                .contains("keycloak", "journal-service", "content-service", "plan-service", "notification-service");
        Properties defaults = new Properties();
        try (var in = Files.newInputStream(ROOT.resolve("web-app/src/main/resources/rekindle-web.properties"))) {
            defaults.load(in);
        }
        defaults.stringPropertyNames().stream().filter(name -> defaults.getProperty(name).startsWith("http://127.0.0.1"))
                .forEach(name -> assertThat(env).as("compose overrides the local address " + name)
                                                .containsKey(envName(name)));
        JsonNode realm = new ObjectMapper().readTree(ROOT.resolve("deploy/keycloak/rekindle-realm.json").toFile());
        JsonNode web = client(realm, "rekindle-web");
        assertThat(web.get("redirectUris").toString()).contains("http://localhost:8080/login/callback");
        assertThat(web.at("/attributes/post.logout.redirect.uris").asText()).contains("http://localhost:8080/signed-out");
        String dockerfile = Files.readString(ROOT.resolve("web-app/Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre").contains("EXPOSE 8080")
                              .contains("COPY target/web-app-*-exec.jar /app/web-app.jar")
                              .containsPattern("(?m)^USER (?!root\\b|0\\b)\\S+");
    }

    /** Prometheus scrapes every app service's and the web app's metrics with the credential compose gives them. */
    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryServiceWithTheCredentialTheServicesAreGiven() throws IOException {
        assertThat(String.valueOf(service("prometheus").get("image"))).startsWith("prom/prometheus:");
        assertThat(volumes("prometheus")).contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        Map<String, Object> config;
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("deploy/prometheus/prometheus.yml"))) {
            config = new Yaml().load(reader);
        }
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
        assertThat(jobs).hasSize(1);
        Map<String, Object> job = jobs.get(0);
        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        Map<String, Object> basicAuth = (Map<String, Object>) job.get("basic_auth");
        assertThat(basicAuth).containsEntry("username", "prometheus");
        List<String> targets = ((List<Map<String, Object>>) job.get("static_configs")).stream()
                .flatMap(group -> ((List<String>) group.get("targets")).stream()).toList();
        Stream.concat(appServices(), Stream.of(Arguments.of("web-app", 8080))).forEach(args -> {
            String app = (String) args.get()[0];
            int port = (int) args.get()[1];
            assertThat(targets).as("scrape targets").contains(app + ":" + port);
            assertThat(env(app).get("REKINDLE_METRICS_SCRAPEPASSWORD")).as(app + " scrape password")
                    .isEqualTo("${REKINDLE_METRICS_SCRAPE_PASSWORD:-" + basicAuth.get("password") + "}");
        });
    }

    /** Grafana reads compose's Prometheus and loads the dashboard files from the mount its provider names. */
    @Test
    @SuppressWarnings("unchecked")
    void grafanaIsProvisionedWithPrometheusAndTheRekindleDashboard() throws IOException {
        assertThat(String.valueOf(service("grafana").get("image"))).startsWith("grafana/grafana:");
        assertThat(volumes("grafana")).contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
                                                "./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        Map<String, Object> datasources;
        try (Reader reader = Files.newBufferedReader(
                ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"))) {
            datasources = new Yaml().load(reader);
        }
        Map<String, Object> prometheus = ((List<Map<String, Object>>) datasources.get("datasources")).get(0);
        assertThat(prometheus).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        assertThat(ports("prometheus")).contains("9090:9090");
        Map<String, Object> providers;
        try (Reader reader = Files.newBufferedReader(
                ROOT.resolve("deploy/grafana/provisioning/dashboards/rekindle.yml"))) {
            providers = new Yaml().load(reader);
        }
        Map<String, Object> provider = ((List<Map<String, Object>>) providers.get("providers")).get(0);
        assertThat(((Map<String, Object>) provider.get("options")).get("path")).isEqualTo("/var/lib/grafana/dashboards");
        com.fasterxml.jackson.databind.JsonNode dashboard =
                DashboardQueries.read(ROOT.resolve("deploy/grafana/dashboards/rekindle.json"));
        assertThat(dashboard.findValues("datasource")).as("every panel and query reads the provisioned data source")
                .isNotEmpty().allSatisfy(ds -> assertThat(ds.get("uid").asText()).isEqualTo(prometheus.get("uid")));
        assertThat(DashboardQueries.expressions(ROOT.resolve("deploy/grafana/dashboards/rekindle.json")))
                .as("the dashboard's queries").isNotEmpty();
    }

    @Test
    void everyServiceHasAHealthCheck() {
        assertThat(services).as("compose services").containsKeys("kafka", "mongo", "postgres", "journal-service");
        services.keySet().forEach(name -> assertThat(healthcheck(name)).as(name + " healthcheck test").isNotBlank());
    }

    @Test
    void everyBuiltServiceIsCheckedHere() {
        Set<String> built = services.entrySet().stream().filter(e -> e.getValue().containsKey("build"))
                                    .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        Set<String> checked = appServices().map(args -> (String) args.get()[0])
                                           .collect(Collectors.toCollection(TreeSet::new));
        checked.add("web-app");
        assertThat(built).as("services built in docker-compose.yml vs. appServices() in this test").isEqualTo(checked);
    }

    @Test
    void everyNamedVolumeIsDeclared() {
        @SuppressWarnings("unchecked")
        Map<String, Object> declared = compose.get("volumes") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of();
        services.forEach((name, service) -> volumes(name).stream()
                .map(volume -> volume.split(":")[0])
                .filter(source -> !source.startsWith(".") && !source.startsWith("/") && !source.startsWith("~"))
                .forEach(source -> assertThat(declared).as("top-level volumes (used by " + name + ")")
                                                       .containsKey(source)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appServices")
    @SuppressWarnings("unchecked")
    void startsOnlyOnHealthyInfrastructure(String service) {
        Object dependsOn = service(service).get("depends_on");
        assertThat(dependsOn).as(service + " depends_on (long form, with conditions)").isInstanceOf(Map.class);
        Map<String, Object> conditions = (Map<String, Object>) dependsOn;
        assertThat(conditions).as(service + " depends_on").containsKeys("kafka", "mongo");
        if (EVENT_STORE_DATABASES.containsKey(service)) {
            assertThat(conditions).as(service + " depends_on (its event store)").containsKey("postgres");
        }
        conditions.forEach((name, condition) -> {
            assertThat(String.valueOf(condition)).as(service + " depends_on " + name + " condition")
                                                 .contains("condition=service_healthy");
            assertThat(services).as(service + " depends_on " + name + ": a service of the compose file")
                                .containsKey(name);
            assertThat(services.get(name)).as(name + " needs a healthcheck (" + service + " waits for it healthy)")
                                          .containsKey("healthcheck");
        });
        assertThat(service(service).get("restart")).as(service + " restart").isEqualTo("unless-stopped");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appServices")
    void isWiredToTheComposeInfrastructure(String service, int port, String database, String propertiesFile)
            throws IOException {
        Map<String, String> env = env(service);
        assertThat(env).as(service + " environment")
                       .containsKeys("SPRING_DATA_MONGODB_URI", "SPRING_KAFKA_BOOTSTRAPSERVERS",
                                     "REKINDLE_MONGO_DATABASE", "SERVER_PORT");
        assertThat(env.get("SPRING_DATA_MONGODB_URI")).as(service + " SPRING_DATA_MONGODB_URI")
                                                      .startsWith("mongodb://mongo:27017")
                                                      .contains("replicaSet=rs0");
        assertThat(env.get("SPRING_KAFKA_BOOTSTRAPSERVERS")).as(service + " SPRING_KAFKA_BOOTSTRAPSERVERS")
                                                            .isEqualTo("kafka:9092");
        assertThat(env.get("REKINDLE_MONGO_DATABASE")).as(service + " REKINDLE_MONGO_DATABASE").isEqualTo(database);
        assertThat(env.get("SERVER_PORT")).as(service + " SERVER_PORT").isEqualTo(String.valueOf(port));
        if (load(propertiesFile).containsKey("rekindle.publishing.topic-partitions")) {
            assertThat(env).as(service + " publishes a topic").containsKey("REKINDLE_PUBLISHING_TOPICREPLICAS");
            assertThat(Integer.parseInt(env.get("REKINDLE_PUBLISHING_TOPICREPLICAS")))
                    .as(service + " REKINDLE_PUBLISHING_TOPICREPLICAS (compose runs " + KAFKA_BROKERS + " Kafka node)")
                    .isBetween(1, KAFKA_BROKERS);
        }
        assertThat(ports(service)).as(service + " ports").contains(port + ":" + port);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appServices")
    void everyInfrastructureSettingOfTheAppIsOverriddenInCompose(String service, int port, String database,
                                                                 String propertiesFile) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>(load(PLATFORM_DEFAULTS));
        settings.putAll(load(propertiesFile));
        Map<String, String> env = env(service);
        List<String> problems = new ArrayList<>();
        settings.forEach((name, value) -> {
            if (!INFRASTRUCTURE_VALUE.matcher(value.trim()).matches()) {
                return;
            }
            String envName = envName(name);
            if (!env.containsKey(envName)) {
                problems.add("env var " + envName + " is missing (overrides " + name + "=" + value + ")");
            } else if (LOOPBACK.matcher(env.get(envName)).find()) {
                problems.add("env var " + envName + "=" + env.get(envName)
                             + " points at the container itself, not at a compose service");
            }
        });
        assertThat(problems).as("compose env of " + service + " vs. the infrastructure addresses in "
                                + propertiesFile + " and " + PLATFORM_DEFAULTS).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appServices")
    void healthCheckAsksTheServicesReadinessWithAToolTheImageHas(String service, int port, String database,
                                                                 String propertiesFile, String appModule)
            throws IOException {
        String check = healthcheck(service);
        assertThat(check).as(service + " healthcheck").contains("/actuator/health/readiness")
                         .containsPattern("\\b" + port + "\\b");
        String dockerfile = Files.readString(dockerfile(service));
        for (String tool : List.of("curl", "wget")) {
            if (check.matches("(?s).*\\b" + tool + "\\b.*")) {
                assertThat(dockerfile).as(service + " healthcheck uses " + tool + ": its Dockerfile must install it")
                                      .containsPattern("(?m)^RUN .*install.*\\b" + tool + "\\b");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appServices")
    void theDockerfileRunsTheExecutableJarOnTheComposePort(String service, int port, String database,
                                                           String propertiesFile, String appModule)
            throws IOException {
        Path dockerfile = dockerfile(service);
        assertThat(dockerfile).as(service + " Dockerfile").exists();
        String text = Files.readString(dockerfile);
        assertThat(text).as(service + " Dockerfile").containsPattern("(?m)^FROM eclipse-temurin:17-jre")
                        .containsPattern("(?m)^EXPOSE " + port + "\\s*$")
                        .containsPattern("(?m)^USER (?!root\\b|0\\b)\\S+");
        Matcher copy = Pattern.compile("(?m)^COPY\\s+(\\S+)\\s+(\\S+)\\s*$").matcher(text);
        assertThat(copy.find()).as(service + " Dockerfile has a COPY line").isTrue();
        assertThat(copy.group(1)).as(service + " Dockerfile COPY source")
                                 .isEqualTo(appModule + "/target/" + appModule + "-*-exec.jar");
        assertThat(text).as(service + " Dockerfile ENTRYPOINT runs the copied jar")
                        .containsPattern("(?m)^ENTRYPOINT \\[.*\"-jar\", *\"" + Pattern.quote(copy.group(2)) + "\"\\]");
        Path appPom = dockerfile.getParent().resolve(appModule + "/pom.xml");
        assertThat(appPom).as(service + " app module inside the build context").exists();
        assertThat(Files.readString(appPom)).as(appPom + " repackages the runnable jar as -exec")
                                            .contains("<classifier>exec</classifier>");
    }

    // --- reading the compose file -----------------------------------------------------------------------------

    private static Map<String, Object> service(String name) {
        assertThat(services).as("compose services").containsKey(name);
        return services.get(name);
    }

    /** The environment in either compose form (map, or a list of KEY=VALUE), values as strings. */
    private static Map<String, String> env(String service) {
        Object environment = service(service).get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (environment instanceof List<?> list) {
            list.forEach(entry -> {
                String[] kv = String.valueOf(entry).split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        } else {
            fail(service + " has no environment");
        }
        return env;
    }

    private static List<String> ports(String service) {
        Object ports = service(service).get("ports");
        assertThat(ports).as(service + " ports (a list)").isInstanceOf(List.class);
        return ((List<?>) ports).stream().map(String::valueOf).toList();
    }

    private static List<String> volumes(String service) {
        return service(service).get("volumes") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static List<String> volumeTargets(String service) {
        return volumes(service).stream().map(v -> v.split(":")).filter(parts -> parts.length > 1)
                               .map(parts -> parts[1]).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> healthcheckSettings(String service) {
        Object healthcheck = service(service).get("healthcheck");
        assertThat(healthcheck).as(service + " healthcheck").isInstanceOf(Map.class);
        return (Map<String, Object>) healthcheck;
    }

    /** The healthcheck's test as one string (compose accepts a list or a string). */
    private static String healthcheck(String service) {
        Object test = healthcheckSettings(service).get("test");
        assertThat(test).as(service + " healthcheck test").isNotNull();
        return test instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(" ")) : String.valueOf(test);
    }

    @SuppressWarnings("unchecked")
    private static Path dockerfile(String service) {
        Object build = service(service).get("build");
        assertThat(build).as(service + " build (long form with context)").isInstanceOf(Map.class);
        Map<String, Object> settings = (Map<String, Object>) build;
        assertThat(settings).as(service + " build").containsKey("context");
        Path context = ROOT.resolve(String.valueOf(settings.get("context")));
        return context.resolve(String.valueOf(settings.getOrDefault("dockerfile", "Dockerfile")));
    }

    private static Map<String, String> load(String propertiesFile) throws IOException {
        Path file = ROOT.resolve(propertiesFile);
        assertThat(file).as("properties file").exists();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted()
                  .forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }

    /** Spring's relaxed binding for env vars: upper case, dots to underscores, dashes dropped. */
    private static String envName(String property) {
        return property.toUpperCase().replace(".", "_").replace("-", "");
    }
}
