package org.rekindle.plan.app.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.rekindle.plan.app.PlanApplication;
import org.rekindle.platform.embedded.EmbeddedPostgresServer;
import org.rekindle.platform.embedded.SharedTestInfrastructure;
import org.rekindle.platform.testing.CloudEventProducer;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.TestIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;

/**
 * plan-service on the embedded stack (one cached Spring context), with a producer that writes the other services'
 * CloudEvents exactly as they do: the same writer and the producers' contract records, pinned by golden JSON.
 */
@SpringBootTest(classes = PlanApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "spring.config.name=" + PlanApplication.CONFIG_NAME)
abstract class PlanServiceIT {

    private static CloudEventProducer producer;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> SharedTestInfrastructure.mongo().connectionString());
        registry.add("spring.kafka.bootstrap-servers", () -> SharedTestInfrastructure.kafka().bootstrapServers());
        registry.add("rekindle.mongo.database", () -> "plan-it");
        registry.add("spring.datasource.url", () -> SharedTestInfrastructure.postgres().createDatabase("plan-it"));
        registry.add("spring.datasource.username", () -> EmbeddedPostgresServer.USER);
        registry.add("rekindle.security.issuer-uri", () -> TestIssuer.get().url());
    }

    @BeforeAll
    static void producer() {
        producer = new CloudEventProducer(SharedTestInfrastructure.kafka().bootstrapServers());
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
    static void send(String topic, String id, String type, String subject, Record data, Instant time) {
        producer.send(topic, id, type, subject, data, time);
    }

    /** Publishes a raw record (e.g. a poison one) keyed by {@code key}. */
    static void sendRaw(String topic, String key, String value) {
        producer.sendRaw(topic, key, value);
    }
}
