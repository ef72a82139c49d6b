package org.rekindle.journal.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.JournalApplication;
import org.rekindle.journal.app.command.api.JournalOpened;
import org.rekindle.journal.app.command.api.NoContactBroken;
import org.rekindle.journal.app.command.api.NoContactStarted;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TopicRecorder;
import org.rekindle.journal.events.JournalTopic;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same round trip against the official images compose runs: PostgreSQL (the event store: database and role
 * {@code journal}, as in docker-compose.yml), MongoDB (a single-node replica set: read models) and Apache Kafka.
 * Needs Docker: where there is none (as on the development machines here) JUnit reports it skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = JournalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"spring.config.name=" + JournalApplication.CONFIG_NAME,
                              "rekindle.mongo.database=journal"})
class JournalOnRealInfrastructureIT {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:18").withDatabaseName("journal")
                                                                                        .withUsername("journal")
                                                                                        .withPassword("journal-it-secret");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGRES::getJdbcUrl);
        registry.add("spring.datasource.username", POSTGRES::getUsername);
        registry.add("spring.datasource.password", POSTGRES::getPassword);
        registry.add("spring.data.mongodb.uri", MONGO::getReplicaSetUrl);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("rekindle.security.issuer-uri", () -> org.rekindle.platform.testing.TestIssuer.get().url());
    }

    @Test
    void aBreachReachesKafkaAndTheStreak() throws Exception {
        String client = "client-real-infra";
        Http http = new Http(port).as(org.rekindle.platform.testing.TestIssuer.get().client(client, null));
        try (TopicRecorder topic = new TopicRecorder(KAFKA.getBootstrapServers(), JournalTopic.NAME)) {
            assertThat(http.post("/api/clients/" + client + "/contact-log/no-contact-periods", "{\"targetDays\":45}")
                           .statusCode()).isEqualTo(201);
            assertThat(http.post("/api/clients/" + client + "/contact-log/breaches",
                                 "{\"channel\":\"CALL\",\"initiatedBy\":\"EX\"}").statusCode()).isEqualTo(201);

            assertThat(storedEventTypes(client)).as("the journal's domain events, in order, in PostgreSQL")
                                                .containsExactly(JournalOpened.class.getName(),
                                                                 NoContactStarted.class.getName(),
                                                                 NoContactBroken.class.getName());

            await().atMost(Duration.ofSeconds(60)).until(() -> topic.recordsWithKey(client).size() >= 2);
            assertThat(Json.parse(topic.recordsWithKey(client).get(1).value()).get("type").asText())
                    .isEqualTo("rekindle.journal.NoContactBroken.v1");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode streak = Json.parse(http.get("/api/clients/" + client + "/streak").body());
                assertThat(streak.get("targetDays").asInt()).isEqualTo(45);
                assertThat(streak.get("attempts")).hasSize(2);
            });
        }
    }

    /** Read straight from the container, past the application: Axon's JDBC table, in sequence order. */
    private static List<String> storedEventTypes(String aggregate) throws Exception {
        try (Connection connection = DriverManager.getConnection(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(),
                                                                 POSTGRES.getPassword());
             PreparedStatement query = connection.prepareStatement(
                     "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            query.setString(1, aggregate);
            List<String> types = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
            return types;
        }
    }
}
