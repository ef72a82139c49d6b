package org.rekindle.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is held correct by reading it: every service, port,
 * health check and setting the apps need against real infrastructure must be there.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("../..");
    private static final Pattern INFRASTRUCTURE_VALUE = Pattern.compile("^(mongodb://.*|[\\w.-]+:\\d{2,5})$");

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void infrastructureIsTheOfficialKafkaInKraftModeAndAMongoReplicaSet() {
        assertThat(services).containsKeys("kafka", "mongo", "journal-service");
        Map<String, Object> kafka = services.get("kafka");
        assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
        assertThat(env("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                                .containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS");
        assertThat(String.valueOf(env("kafka").get("KAFKA_ADVERTISED_LISTENERS"))).contains("PLAINTEXT://kafka:9092");
        assertThat((String) services.get("mongo").get("image")).startsWith("mongo:");
        assertThat(String.valueOf(services.get("mongo").get("command"))).contains("--replSet", "rs0");
    }

    @Test
    void everyServiceHasAHealthCheck() {
        services.forEach((name, service) -> assertThat(service).as(name + " healthcheck").containsKey("healthcheck"));
    }

    /** Every application service of the platform: compose service name, port, database, properties file. */
    static Stream<Arguments> appServices() {
        return Stream.of(
                Arguments.of("journal-service", 8081, "journal",
                             "journal-service/journal-app/src/main/resources/journal-service.properties", "journal-app"),
                Arguments.of("content-service", 8082, "content",
                             "content-service/content-app/src/main/resources/content-service.properties", "content-app"),
                Arguments.of("plan-service", 8083, "plan",
                             "plan-service/plan-app/src/main/resources/plan-service.properties", "plan-app"));
    }

    @Test
    void everyBuiltServiceIsCheckedHere() {
        var built = services.entrySet().stream().filter(e -> e.getValue().containsKey("build"))
                            .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
        var checked = appServices().map(args -> (String) args.get()[0]).collect(java.util.stream.Collectors.toSet());
        assertThat(built).as("services built in docker-compose.yml").isEqualTo(checked);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appServices")
    @SuppressWarnings("unchecked")
    void startsOnlyOnHealthyInfrastructure(String service) {
        assertThat(services).as("compose services").containsKey(service);
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) services.get(service)
                                                                                               .get("depends_on");
        assertThat(dependsOn).as(service + " depends_on").containsKeys("kafka", "mongo");
        dependsOn.forEach((name, condition) ->
                assertThat(condition).as(service + " depends_on " + name).containsEntry("condition", "service_healthy"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appServices")
    void isWiredToTheComposeInfrastructure(String service, int port, String database) {
        Map<String, Object> env = env(service);
        assertThat(String.valueOf(env.get("SPRING_DATA_MONGODB_URI"))).startsWith("mongodb://mongo:27017")
                                                                     .contains("replicaSet=rs0");
        assertThat(env).containsEntry("SPRING_KAFKA_BOOTSTRAPSERVERS", "kafka:9092")
                       .containsEntry("REKINDLE_MONGO_DATABASE", database);
        assertThat(String.valueOf(env.get("SERVER_PORT"))).isEqualTo(String.valueOf(port));
        assertThat(ports(service)).contains(port + ":" + port);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appServices")
    void everyInfrastructureSettingOfTheAppIsOverriddenInCompose(String service, int port, String database,
                                                                 String propertiesFile) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(propertiesFile))) {
            properties.load(reader);
        }
        Map<String, Object> env = env(service);
        for (String name : properties.stringPropertyNames()) {
            if (INFRASTRUCTURE_VALUE.matcher(properties.getProperty(name)).matches()) {
                assertThat(env).as("compose env of " + service + " overrides " + name + "="
                                   + properties.getProperty(name)).containsKey(envName(name));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("appServices")
    void theDockerfileRunsTheExecutableJarOnTheComposePort(String service, int port, String database,
                                                           String propertiesFile, String appModule)
            throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, String> build = (Map<String, String>) services.get(service).get("build");
        Path context = ROOT.resolve(build.get("context"));
        Path dockerfile = context.resolve(build.getOrDefault("dockerfile", "Dockerfile"));
        assertThat(dockerfile).exists();
        assertThat(Files.readString(dockerfile)).contains(appModule + "/target/" + appModule + "-*-exec.jar")
                                                .contains("EXPOSE " + port);
        assertThat(context.resolve(appModule + "/pom.xml")).exists();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(String service) {
        Object environment = services.get(service).get("environment");
        assertThat(environment).as(service + " environment (a map)").isInstanceOf(Map.class);
        return (Map<String, Object>) environment;
    }

    @SuppressWarnings("unchecked")
    private static List<String> ports(String service) {
        return (List<String>) services.get(service).get("ports");
    }

    /** Spring's relaxed binding: upper case, dots to underscores, dashes dropped. */
    private static String envName(String property) {
        return property.toUpperCase().replace(".", "_").replace("-", "");
    }
}
