package org.rekindle.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

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

    @Test
    @SuppressWarnings("unchecked")
    void journalServiceStartsOnlyOnHealthyInfrastructure() {
        Map<String, Map<String, String>> dependsOn =
                (Map<String, Map<String, String>>) services.get("journal-service").get("depends_on");
        assertThat(dependsOn).as("journal-service depends_on").containsKeys("kafka", "mongo");
        dependsOn.forEach((name, condition) ->
                assertThat(condition).as("depends_on " + name).containsEntry("condition", "service_healthy"));
    }

    @Test
    void journalServiceIsWiredToTheComposeInfrastructure() {
        Map<String, Object> env = env("journal-service");
        assertThat(String.valueOf(env.get("SPRING_DATA_MONGODB_URI"))).startsWith("mongodb://mongo:27017")
                                                                     .contains("replicaSet=rs0");
        assertThat(env).containsEntry("SPRING_KAFKA_BOOTSTRAPSERVERS", "kafka:9092")
                       .containsEntry("REKINDLE_MONGO_DATABASE", "journal");
        assertThat(String.valueOf(env.get("SERVER_PORT"))).isEqualTo("8081");
        assertThat(ports("journal-service")).contains("8081:8081");
    }

    @Test
    void everyInfrastructureSettingOfTheAppIsOverriddenInCompose() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                ROOT.resolve("journal-service/journal-app/src/main/resources/journal-service.properties"))) {
            properties.load(reader);
        }
        Map<String, Object> env = env("journal-service");
        for (String name : properties.stringPropertyNames()) {
            if (INFRASTRUCTURE_VALUE.matcher(properties.getProperty(name)).matches()) {
                assertThat(env).as("compose env of journal-service overrides " + name + "="
                                   + properties.getProperty(name)).containsKey(envName(name));
            }
        }
    }

    @Test
    void theDockerfileRunsTheExecutableJarOnTheComposePort() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, String> build = (Map<String, String>) services.get("journal-service").get("build");
        Path dockerfile = ROOT.resolve(build.get("context")).resolve(build.getOrDefault("dockerfile", "Dockerfile"));
        assertThat(dockerfile).exists();
        String content = Files.readString(dockerfile);
        assertThat(content).contains("-exec.jar").contains("EXPOSE 8081");
        assertThat(ROOT.resolve(build.get("context")).resolve("journal-app/pom.xml")).exists();
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
