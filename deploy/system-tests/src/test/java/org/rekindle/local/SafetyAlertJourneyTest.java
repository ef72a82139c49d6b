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
import org.rekindle.journal.events.SafetyConcernRaised;
import org.rekindle.platform.embedded.EmbeddedSmtp;
import org.rekindle.platform.embedded.OidcLogin;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TopicRecorder;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rekindle.local.StackUnderTest.bootstrap;
import static org.rekindle.local.StackUnderTest.http;

/**
 * Issue 17 across every service of the embedded stack: a client writes a reflection with a risk phrase over HTTP at
 * 3 a.m. in their coach's zone, inside the coach's quiet hours. The entry is stored as written and the answer tells
 * the client's page to show crisis resources; journal-service publishes SafetyConcernRaised (no text), and
 * notification-service puts one alert in the coach's feed and sends one email through the embedded SMTP server
 * within seconds, exactly once even when the record is delivered twice. The coach reads the entry once the client
 * shares it, and the client's access ledger shows that read.
 */
class SafetyAlertJourneyTest {

    private static final String RISKY = "Since she left I keep thinking I want to kill myself.";

    @Test
    void aRiskPhraseAt3AmReachesTheCoachsInboxAndFeedWithinSecondsExactlyOnce(@TempDir Path dataDir)
            throws Exception {
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
            Http coachJournal = http(stack.journalUrl()).as(coachToken);
            Http journal = http(stack.journalUrl()).as(clientToken);
            String zone = zoneWhereItIs3AmNow();
            assertThat(notifications.put("/api/preferences/" + coach, "{\"email\":\"" + coach
                    + "@example.org\",\"timezone\":\"" + zone + "\"}").statusCode()).isEqualTo(200);
            assertThat(Json.parse(notifications.get("/api/preferences/" + coach).body()).get("quietFrom").asText())
                    .as("the coach's default quiet hours (22:00-08:00) hold 3 a.m.").startsWith("22:00");
            StackUnderTest.assignDefaultProgram(stack, coachToken, client, coach);

            Instant saved = Instant.now();
            HttpResponse<String> written = journal.post("/api/clients/" + client + "/journal/reflections",
                    "{\"promptId\":\"why\",\"text\":\"" + RISKY + "\"}");
            assertThat(written.statusCode()).isEqualTo(201);
            String entryId = Json.parse(written.body()).get("entryId").asText();
            assertThat(Json.parse(written.body()).get("showCrisisResources").asBoolean()).isTrue();

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                assertThat(mailsTo(stack.smtp(), coach)).hasSize(1);
                assertThat(alerts(notifications, coach)).hasSize(1);
            });
            Duration took = Duration.between(saved, Instant.now());
            System.out.println("Safety alert in the coach's inbox and feed " + took.toMillis() + " ms after the save");
            EmbeddedSmtp.Message mail = mailsTo(stack.smtp(), coach).get(0);
            assertThat(mail.subject()).startsWith("Safety alert:").contains("Alex Moreno");
            assertThat(mail.text() + mail.html()).as("journal text never leaves in an email")
                    .doesNotContain("kill myself").doesNotContain("Since she left").contains("thoughts of suicide");
            assertThat(Json.parse(journal.get("/api/clients/" + client + "/journal/entries/" + entryId).body())
                           .get("text").asText()).as("stored as written").isEqualTo(RISKY);

            ConsumerRecord<String, String> concern = await().atMost(Duration.ofSeconds(10)).until(
                    () -> journalTopic.recordsWithKey(client).stream()
                                      .filter(r -> r.value().contains(SafetyConcernRaised.TYPE)).findFirst()
                                      .orElse(null), found -> found != null);
            assertThat(concern.value()).doesNotContain("kill").doesNotContain("Since she left");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(settings)), new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>(JournalTopic.NAME, concern.key(), concern.value())).get();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> journalTopic.recordsWithKey(client).stream()
                    .filter(r -> r.value().equals(concern.value())).count() == 2);
            Thread.sleep(3000);
            assertThat(mailsTo(stack.smtp(), coach)).as("the redelivered concern changes nothing").hasSize(1);
            assertThat(alerts(notifications, coach)).hasSize(1);

            // The access ledger: the entry is the client's until shared; the coach's read of it is then recorded.
            assertThat(coachJournal.get("/api/clients/" + client + "/journal/entries/" + entryId).statusCode())
                    .as("not shared: the alert gives the coach no access to the text").isEqualTo(404);
            assertThat(journal.put("/api/clients/" + client + "/journal/entries/" + entryId + "/share")
                              .statusCode()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(10)).until(() -> coachJournal.get(
                    "/api/clients/" + client + "/journal/entries/" + entryId).statusCode() == 200);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode reads = Json.parse(journal.get("/api/clients/" + client + "/journal/reads").body());
                assertThat(reads.findValuesAsText("readerId")).contains(coach);
                assertThat(reads.toString()).contains(entryId);
            });
            journalTopic.close();
        }
    }

    private static List<JsonNode> alerts(Http notifications, String coach) {
        List<JsonNode> safety = new java.util.ArrayList<>();
        Json.parse(notifications.get("/api/feed/" + coach).body()).forEach(n -> {
            if ("SAFETY_CONCERN".equals(n.get("rule").asText())) {
                safety.add(n);
            }
        });
        return safety;
    }

    private static List<EmbeddedSmtp.Message> mailsTo(EmbeddedSmtp smtp, String userId) {
        return smtp.messages().stream().filter(m -> m.to().contains(userId + "@example.org")).toList();
    }

    /** An IANA zone (Etc/GMT±n) where the hour now is 3 a.m. */
    private static String zoneWhereItIs3AmNow() {
        int hour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(3 - hour + 12, 24) - 12;
        String zone = offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" + offset : "+" + -offset);
        assertThat(Instant.now().atZone(ZoneId.of(zone)).getHour()).isEqualTo(3);
        return zone;
    }
}
