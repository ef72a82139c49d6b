package org.rekindle.notification.app.it;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.NoContactBroken;
import org.rekindle.notification.app.NotificationApplication;
import org.rekindle.plan.events.PlanAssigned;
import org.rekindle.plan.events.PlanStep;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.embedded.EmbeddedSmtp;
import org.rekindle.platform.embedded.Ports;
import org.rekindle.platform.publishing.CloudEvent;
import org.rekindle.platform.publishing.CloudEventJson;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client's breach becomes the coach's email and feed entry against real MongoDB (a replica set) and the official
 * Apache Kafka image. Needs Docker: where there is none (as on the development machines here) it is reported skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class NotificationOnRealInfrastructureIT {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    @Test
    void aBreachAlertsTheCoach() throws Exception {
        int smtpPort = Ports.freePort();
        try (EmbeddedSmtp smtp = EmbeddedSmtp.start(smtpPort, 0);
             ConfigurableApplicationContext service = NotificationApplication.application().run(
                     "--server.port=0", "--spring.data.mongodb.uri=" + MONGO.getReplicaSetUrl(),
                     "--rekindle.mongo.database=notification",
                     "--spring.kafka.bootstrap-servers=" + KAFKA.getBootstrapServers(),
                     "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                     "--rekindle.security.issuer-uri=" + org.rekindle.platform.testing.TestIssuer.get().url());
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()), new StringSerializer(),
                     new StringSerializer())) {
            Http http = new Http(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")))
                    .as(org.rekindle.platform.testing.TestIssuer.get().coach("coach-real"));
            assertThat(http.put("/api/preferences/coach-real", "{\"email\":\"coach@example.org\"}").statusCode())
                    .isEqualTo(200);
            Instant now = Instant.now();
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            producer.send(new ProducerRecord<>(PlanTopic.NAME, "client-real", CloudEventJson.write(CloudEvent.of(
                    UUID.randomUUID().toString(), "/rekindle/test", PlanAssigned.TYPE, "client-real", now,
                    new PlanAssigned("plan-real", "client-real", "coach-real", "p", 1, today, "UTC", false,
                                     List.of(new PlanStep("s", "p", "READING", "Read", today.plusDays(9))), now)))))
                    .get();
            producer.send(new ProducerRecord<>(JournalTopic.NAME, "client-real", CloudEventJson.write(CloudEvent.of(
                    UUID.randomUUID().toString(), "/rekindle/test", NoContactBroken.TYPE, "client-real", now,
                    new NoContactBroken("client-real", "p1", "b1", "CALL", "CLIENT", 3, now))))).get();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(smtp.messages()).anyMatch(m -> m.to().contains("coach@example.org"));
                assertThat(Json.parse(http.get("/api/feed/coach-real").body())).hasSize(1);
            });
        }
    }
}
