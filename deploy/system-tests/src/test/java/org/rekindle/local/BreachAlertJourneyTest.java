package org.rekindle.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.NoContactBroken;
import org.rekindle.platform.embedded.EmbeddedSmtp;
import org.rekindle.platform.embedded.OidcLogin;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TopicRecorder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rekindle.local.StackUnderTest.bootstrap;
import static org.rekindle.local.StackUnderTest.http;

/**
 * Across every service of the embedded stack: a client records a breach over HTTP in journal-service; it travels
 * over Kafka to notification-service, which emails the coach through the embedded SMTP server and puts an alert in
 * the coach's feed, exactly once even when the Kafka record is delivered twice.
 */
class BreachAlertJourneyTest {

    @Test
    void aBreachRecordedOverHttpReachesTheCoachsInboxAndFeedExactlyOnce(@TempDir Path dataDir) throws Exception {
        LocalSettings settings = StackUnderTest.settings(dataDir);
        try (LocalStack stack = new LocalStack(settings)) {
            stack.start();
            TopicRecorder journalTopic = new TopicRecorder(bootstrap(settings), JournalTopic.NAME);
            String coach = "coach-leo";
            String client = "client-alex";
            OidcLogin login = OidcLogin.web(stack.issuerUrl());
            String coachToken = login.accessToken(coach, "demo-leo");
            String clientToken = login.accessToken(client, "demo-alex");
            Http notifications = http(stack.notificationUrl()).as(coachToken);
            Http journal = http(stack.journalUrl()).as(clientToken);
            assertThat(notifications.put("/api/preferences/" + coach, "{\"email\":\"" + coach + "@example.org\"}")
                                    .statusCode()).isEqualTo(200);
            StackUnderTest.assignDefaultProgram(stack, coachToken, client, coach);
            Http plans = http(stack.planUrl()).as(coachToken);
            assertThat(journal.post("/api/clients/" + client + "/contact-log/no-contact-periods",
                                    "{\"targetDays\":30}").statusCode()).isEqualTo(201);
            assertThat(journal.post("/api/clients/" + client + "/contact-log/breaches",
                                    "{\"channel\":\"TEXT\",\"initiatedBy\":\"CLIENT\",\"note\":\"I texted first.\"}")
                              .statusCode()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(mailsTo(stack.smtp(), coach)).hasSize(1);
                assertThat(Json.parse(notifications.get("/api/feed/" + coach).body())).hasSize(1);
            });
            EmbeddedSmtp.Message mail = mailsTo(stack.smtp(), coach).get(0);
            assertThat(mail.subject()).as("the client named as the directory knows them").contains("Alex Moreno")
                                      .doesNotContain(client).contains("contact during no-contact");
            assertThat(mail.text() + mail.html()).as("journal text never leaves in an email")
                                                 .doesNotContain("I texted first");

            ConsumerRecord<String, String> breach = await().atMost(Duration.ofSeconds(10)).until(
                    () -> journalTopic.recordsWithKey(client).stream()
                                      .filter(r -> r.value().contains(NoContactBroken.TYPE)).findFirst().orElse(null),
                    found -> found != null);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(settings)), new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>(JournalTopic.NAME, breach.key(), breach.value())).get();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> journalTopic.recordsWithKey(client).stream()
                    .filter(r -> r.value().equals(breach.value())).count() == 2);
            Thread.sleep(3000);
            assertThat(mailsTo(stack.smtp(), coach)).as("the redelivered record changes nothing").hasSize(1);
            JsonNode feed = Json.parse(notifications.get("/api/feed/" + coach).body());
            assertThat(feed).hasSize(1);
            assertThat(feed.get(0).get("rule").asText())
                    .as("by default the client keeps who initiated contact to themself").isEqualTo("BREACH_REPORTED");
            assertThat(feed.get(0).toString()).doesNotContainIgnoringCase("initiated by");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    Json.parse(plans.get("/api/dashboard/coaches/" + coach).body())
                        .at("/0/riskFlags").toString()).contains("BREACH_IN_48H"));
            journalTopic.close();
        }
    }

    private static List<EmbeddedSmtp.Message> mailsTo(EmbeddedSmtp smtp, String userId) {
        return smtp.messages().stream().filter(m -> m.to().contains(userId + "@example.org")).toList();
    }
}
