package org.rekindle.plan.app.it;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.rekindle.plan.app.PlanApplication;
import org.rekindle.platform.embedded.SharedTestInfrastructure;
import org.rekindle.platform.publishing.CloudEvent;
import org.rekindle.platform.publishing.CloudEventJson;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.TestIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.Map;

/**
 * plan-service on the embedded stack (one cached Spring context), with a producer that writes the other services'
 * CloudEvents exactly as they do: the same writer and the producers' contract records, pinned by golden JSON.
 */
@SpringBootTest(classes = PlanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "spring.config.name=" + PlanApplication.CONFIG_NAME)
abstract class PlanServiceIT {

    private static KafkaProducer<String, String> producer;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> SharedTestInfrastructure.mongo().connectionString());
        registry.add("spring.kafka.bootstrap-servers", () -> SharedTestInfrastructure.kafka().bootstrapServers());
        registry.add("rekindle.mongo.database", () -> "plan-it");
        registry.add("rekindle.security.issuer-uri", () -> TestIssuer.get().url());
    }

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                              SharedTestInfrastructure.kafka().bootstrapServers(),
                                              ProducerConfig.ACKS_CONFIG, "all"),
                                       new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    /** Requests as the coach (a token from the test issuer with the coach's id as subject). */
    Http asCoach(String coachId) {
        return new Http(port).as(TestIssuer.get().coach(coachId));
    }

    /** Publishes a CloudEvent keyed by its subject and waits for Kafka's acknowledgement. */
    static void send(String topic, String id, String type, String subject, Record data, Instant time)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, subject, CloudEventJson.write(
                CloudEvent.of(id, "/rekindle/test", type, subject, time, data)))).get();
    }

    /** Publishes a raw record (e.g. a poison one) keyed by {@code key}. */
    static void sendRaw(String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
}
