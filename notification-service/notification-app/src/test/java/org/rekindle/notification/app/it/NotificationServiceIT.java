package org.rekindle.notification.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.rekindle.notification.app.NotificationApplication;
import org.rekindle.plan.events.PlanAssigned;
import org.rekindle.plan.events.PlanStep;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.embedded.EmbeddedSmtp;
import org.rekindle.platform.embedded.Ports;
import org.rekindle.platform.embedded.SharedTestInfrastructure;
import org.rekindle.platform.testing.CloudEventProducer;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TestIssuer;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * notification-service on the embedded stack with a real SMTP server (GreenMail). The service runs as a started
 * application (not a cached test context), so a test can stop it and start it again on the same database.
 */
abstract class NotificationServiceIT {

    private static CloudEventProducer producer;
    static final int SMTP_PORT = Ports.freePort();

    EmbeddedSmtp smtp;
    ConfigurableApplicationContext service;
    Http http;

    @BeforeAll
    static void producer() {
        producer = new CloudEventProducer(SharedTestInfrastructure.kafka().bootstrapServers());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @BeforeEach
    void startSmtpAndService() {
        smtp = EmbeddedSmtp.start(SMTP_PORT, 0);
        startService();
    }

    @AfterEach
    void stopAll() {
        stopService();
        if (smtp != null) {
            smtp.stop();
        }
    }

    /** Settings a test class adds to the service's command line. */
    List<String> moreSettings() {
        return List.of();
    }

    void startService() {
        List<String> settings = new java.util.ArrayList<>(List.of(
                "--server.port=0", "--server.address=127.0.0.1",
                "--spring.data.mongodb.uri=" + SharedTestInfrastructure.mongo().connectionString(),
                "--rekindle.mongo.database=notification-it",
                "--spring.kafka.bootstrap-servers=" + SharedTestInfrastructure.kafka().bootstrapServers(),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP_PORT,
                "--rekindle.schedule.poll-interval=PT0.2S", "--spring.main.banner-mode=off",
                "--rekindle.security.issuer-uri=" + TestIssuer.get().url()));
        settings.addAll(moreSettings());
        service = NotificationApplication.application().run(settings.toArray(String[]::new));
        http = new Http(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }

    void stopService() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    /** Preferences without quiet hours, so a test's reminders do not depend on the time of day it runs at. */
    void reachableAt(String userId, String timezone) {
        String body = "{\"email\":\"" + userId + "@example.org\",\"timezone\":\"" + timezone
                      + "\",\"quietFrom\":\"00:00\",\"quietUntil\":\"00:00\"}";
        if (as(userId).put("/api/preferences/" + userId, body).statusCode() != 200) {
            throw new AssertionError("could not set preferences of " + userId);
        }
    }

    /** Requests as this user (a client-role token; feeds and preferences are anyone's own). */
    Http as(String userId) {
        return http.as(TestIssuer.get().client(userId, null));
    }

    Http asCoach(String coachId) {
        return http.as(TestIssuer.get().coach(coachId));
    }

    static String send(String topic, String id, String type, String subject, Record data, Instant time) {
        return producer.send(topic, id, type, subject, data, time);
    }

    static void sendRaw(String topic, String key, String value) {
        producer.sendRaw(topic, key, value);
    }

    List<EmbeddedSmtp.Message> mailsTo(String userId) {
        return smtp.messages().stream().filter(m -> m.to().contains(userId + "@example.org")).toList();
    }

    List<JsonNode> feedOf(String userId) {
        return StreamSupport.stream(Json.parse(as(userId).get("/api/feed/" + userId).body()).spliterator(), false)
                            .toList();
    }

    /** The coach's plan for the client, assigned at {@code at} (a plan in Lisbon time, one step due in 90 days). */
    void assign(String coach, String client, Instant at) {
        LocalDate start = LocalDate.ofInstant(at, ZoneOffset.UTC);
        send(PlanTopic.NAME, UUID.randomUUID().toString(), PlanAssigned.TYPE, client, new PlanAssigned(
                "plan-" + client, client, coach, "p", 1, start, "Europe/Lisbon", false,
                List.of(new PlanStep("later", "rebuild", "EXERCISE", "Later", start.plusDays(90))), at), at);
    }

    static List<String> texts(JsonNode array, String first, String second) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(node -> values.add(node.get(first).asText() + " " + node.get(second).asText()));
        return values;
    }
}
