package org.rekindle.journal.app.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.JournalApplication;
import org.rekindle.journal.app.messaging.out.JournalEventPublisher;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TopicRecorder;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.platform.embedded.EmbeddedKafka;
import org.rekindle.platform.embedded.Ports;
import org.rekindle.platform.embedded.EmbeddedPostgresServer;
import org.rekindle.platform.embedded.SharedTestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka goes down while clients keep writing, then comes back: every stored event is published, in per-client order,
 * and the publisher's stored position never moves while the broker cannot acknowledge (axon-kafka #25 / #454).
 */
@SpringBootTest(classes = JournalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"spring.config.name=" + JournalApplication.CONFIG_NAME,
                              "rekindle.mongo.database=journal-outage-it",
                              "spring.datasource.username=" + EmbeddedPostgresServer.USER,
                              "spring.kafka.producer.properties.max.block.ms=2000",
                              "spring.kafka.producer.properties.request.timeout.ms=2000",
                              "spring.kafka.producer.properties.delivery.timeout.ms=4000"})
class PublisherOutageIT {

    private static final Path KAFKA_DIR = tempDir();
    private static final int KAFKA_PORT = Ports.freePort();
    private static EmbeddedKafka kafka = EmbeddedKafka.start(KAFKA_DIR, KAFKA_PORT);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate eventStore;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> SharedTestInfrastructure.mongo().connectionString());
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + KAFKA_PORT);
        registry.add("spring.datasource.url",
                     () -> SharedTestInfrastructure.postgres().createDatabase("journal-outage-it"));
        registry.add("rekindle.security.issuer-uri", () -> org.rekindle.platform.testing.TestIssuer.get().url());
    }

    @AfterAll
    static void stopKafka() {
        kafka.stop();
    }

    @Test
    void everyStoredEventIsPublishedInOrderAfterAnOutageAndThePositionWaitsForTheBroker() throws Exception {
        String client = "outage-" + java.util.UUID.randomUUID();
        Http http = new Http(port).as(org.rekindle.platform.testing.TestIssuer.get().client(client, null));
        try (TopicRecorder topic = new TopicRecorder(kafka.bootstrapServers(), JournalTopic.NAME)) {
            assertThat(http.post("/api/clients/" + client + "/contact-log/no-contact-periods", "{}").statusCode())
                    .isEqualTo(201);
            for (int i = 0; i < 4; i++) {
                checkIn(http, client, 3);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> distinctIds(topic, client).size() == 5);
            // the batch that carried them commits its position right after the acknowledgements: let it land
            Thread.sleep(1_500);
            Object positionBeforeOutage = storedPosition();
            assertThat(positionBeforeOutage).isNotNull();

            kafka.stop();
            for (int i = 0; i < 20; i++) {
                if (i % 2 == 0) {
                    checkIn(http, client, 1 + i % 5);
                } else {
                    assertThat(http.post("/api/clients/" + client + "/contact-log/urges", "{\"resisted\":true}")
                                   .statusCode()).as("writes go on while Kafka is down").isEqualTo(201);
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(storedPosition()).as("publisher position while Kafka is down")
                                            .isEqualTo(positionBeforeOutage);
                Thread.sleep(250);
            }

            kafka = EmbeddedKafka.start(KAFKA_DIR, KAFKA_PORT);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                   .until(() -> distinctIds(topic, client).size() == 25);

            assertThat(distinctIds(topic, client))
                    .as("published in the order the journal stored them")
                    .containsExactlyElementsOf(storedPublishableEventIds(client));
            await().atMost(Duration.ofSeconds(10))
                   .until(() -> !Objects.equals(storedPosition(), positionBeforeOutage));
        }
    }

    private static void checkIn(Http http, String client, int score) {
        assertThat(http.post("/api/clients/" + client + "/journal/mood-check-ins", "{\"score\":" + score + "}")
                       .statusCode()).isEqualTo(201);
    }

    private static List<String> distinctIds(TopicRecorder topic, String client) {
        return topic.distinctEventsWithKey(client).stream().map(event -> event.get("id").asText()).toList();
    }

    private List<String> storedPublishableEventIds(String client) {
        return eventStore.queryForList("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?"
                                       + " AND payload_type <> ? ORDER BY sequence_number", String.class, client,
                                       "org.rekindle.journal.app.command.api.JournalOpened");
    }

    /** The publisher's stored token, as stored (null before its first batch). */
    private String storedPosition() {
        return eventStore.query("SELECT token FROM token_entry WHERE processor_name = ?",
                                rows -> rows.next() ? new String(rows.getBytes(1), StandardCharsets.UTF_8) : null,
                                JournalEventPublisher.PROCESSING_GROUP);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rekindle-outage-kafka");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
