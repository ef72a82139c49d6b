package org.rekindle.notification.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.SafetyConcernRaised;
import org.rekindle.platform.embedded.EmbeddedSmtp;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A safety concern from the journal topic at 3 a.m. in the coach's zone, inside their quiet hours, with email opted
 * out: the coach gets it by email (real SMTP) and feed within seconds, exactly once though the record is delivered
 * twice; unacknowledged, it escalates to the practice admin once; acknowledged in time, it does not.
 */
class SafetyAlertIT extends NotificationServiceIT {

    private static final String ADMIN = "admin-" + UUID.randomUUID().toString().substring(0, 8);

    @Override
    List<String> moreSettings() {
        return List.of("--rekindle.notification.safety.escalate-after=PT4S",
                       "--rekindle.notification.safety.practice-admin-id=" + ADMIN);
    }

    @Test
    void aConcernAt3AmReachesTheCoachAtOnceExactlyOnceAndEscalatesOnceWhenNotAcknowledged() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        String zone = zoneWhereItIs3AmNow();
        assertThat(as(coach).put("/api/preferences/" + coach, "{\"email\":\"" + coach + "@example.org\",\"timezone\":\""
                                 + zone + "\",\"optedOut\":[\"EMAIL\"]}").statusCode()).isEqualTo(200);
        assertThat(Json(as(coach).get("/api/preferences/" + coach).body()).get("quietFrom").asText())
                .as("the default quiet hours hold 3 a.m.").startsWith("22:00");
        reachableAt(ADMIN, "UTC");
        assign(coach, client, Instant.now().minus(Duration.ofDays(10)));
        Thread.sleep(1000);

        Instant now = Instant.now();
        String record = send(JournalTopic.NAME, UUID.randomUUID().toString(), SafetyConcernRaised.TYPE, client,
                             new SafetyConcernRaised(client, "entry-1", "REFLECTION_TEXT", "SUICIDAL_IDEATION", "en",
                                                     1, now, now), now);
        sendRaw(JournalTopic.NAME, client, record);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(mailsTo(coach)).hasSize(1);
            assertThat(feedOf(coach)).hasSize(1);
        });
        EmbeddedSmtp.Message mail = mailsTo(coach).get(0);
        assertThat(mail.subject()).isEqualTo("Safety alert: " + client + " may be at risk");
        assertThat(mail.text()).contains("thoughts of suicide").contains("a reflection");
        JsonNode alert = feedOf(coach).get(0);
        assertThat(alert.get("rule").asText()).isEqualTo("SAFETY_CONCERN");
        assertThat(alert.get("state").asText()).isEqualTo("NEEDS_YOU");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(mailsTo(ADMIN)).hasSize(1);
            assertThat(feedOf(ADMIN)).extracting(n -> n.get("rule").asText())
                                     .containsExactly("SAFETY_CONCERN_ESCALATED");
        });
        assertThat(mailsTo(ADMIN).get(0).text()).contains(coach).contains("has not acknowledged");
        Thread.sleep(2000);
        assertThat(mailsTo(coach)).as("still exactly one").hasSize(1);
        assertThat(feedOf(coach)).hasSize(1);
        assertThat(mailsTo(ADMIN)).as("escalated once").hasSize(1);
    }

    @Test
    void anAcknowledgedAlertDoesNotEscalate() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        reachableAt(coach, "UTC");
        assign(coach, client, Instant.now().minus(Duration.ofDays(10)));
        Thread.sleep(1000);
        Instant now = Instant.now();
        send(JournalTopic.NAME, UUID.randomUUID().toString(), SafetyConcernRaised.TYPE, client,
             new SafetyConcernRaised(client, "urge-1", "URGE_NOTE", "SELF_HARM", "en", 1, now, now), now);
        String id = await().atMost(Duration.ofSeconds(5)).until(() -> feedOf(coach).stream()
                .map(n -> n.get("id").asText()).findFirst().orElse(null), found -> found != null);
        assertThat(asCoach(coach).post("/api/feed/" + coach + "/" + id + "/acknowledge", "").statusCode())
                .isEqualTo(204);

        Thread.sleep(7000);
        assertThat(feedOf(ADMIN)).as("no escalation about this client")
                                 .noneMatch(n -> n.get("clientId").asText().equals(client));
    }

    private static JsonNode Json(String body) {
        return org.rekindle.platform.testing.Json.parse(body);
    }

    /** An IANA zone (Etc/GMT±n) where the hour now is 3 a.m. */
    static String zoneWhereItIs3AmNow() {
        int hour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(3 - hour + 12, 24) - 12;
        String zone = offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" + offset : "+" + -offset);
        assertThat(Instant.now().atZone(ZoneId.of(zone)).toLocalTime().getHour()).isEqualTo(LocalTime.of(3, 0).getHour());
        return zone;
    }
}
