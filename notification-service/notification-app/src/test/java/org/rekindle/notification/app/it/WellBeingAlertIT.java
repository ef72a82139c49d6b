package org.rekindle.notification.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.ConsentChanged;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.WellBeingCheckedIn;
import org.rekindle.platform.embedded.EmbeddedSmtp;
import org.rekindle.platform.testing.Json;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The weekly WHO-5 from Kafka to the coach: a fall of 12 points alerts by feed and email exactly once (the record
 * delivered twice), during the coach's quiet hours too (coach alerts are not held); a client who keeps their mood
 * trend from the coach raises nothing however low.
 */
class WellBeingAlertIT extends NotificationServiceIT {

    @Test
    void aFallingWho5AlertsTheCoachOnceByFeedAndEmailAndAPrivateOneRaisesNothing() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        String private_ = "client-" + UUID.randomUUID().toString().substring(0, 8);
        LocalTime local = LocalTime.now(ZoneOffset.UTC);
        assertThat(as(coach).put("/api/preferences/" + coach, "{\"email\":\"" + coach + "@example.org\","
                        + "\"timezone\":\"UTC\",\"quietFrom\":\"" + local.minusHours(1).withSecond(0).withNano(0)
                        + "\",\"quietUntil\":\"" + local.plusHours(2).withSecond(0).withNano(0) + "\"}")
                           .statusCode()).isEqualTo(200);
        reachableAt(client, "UTC");
        reachableAt(private_, "UTC");
        assign(coach, client, Instant.now().minus(Duration.ofDays(20)));
        assign(coach, private_, Instant.now().minus(Duration.ofDays(20)));

        Instant lastWeek = Instant.now().minus(Duration.ofDays(7));
        String first = UUID.randomUUID().toString();
        send(JournalTopic.NAME, first, WellBeingCheckedIn.TYPE, client, new WellBeingCheckedIn(
                client, "w1", List.of(3, 3, 3, 3, 3), 15, 60, "2026-W01", lastWeek), lastWeek);
        Instant now = Instant.now();
        String second = UUID.randomUUID().toString();
        String record = send(JournalTopic.NAME, second, WellBeingCheckedIn.TYPE, client, new WellBeingCheckedIn(
                client, "w2", List.of(3, 2, 2, 2, 3), 12, 48, "2026-W02", now), now);
        sendRaw(JournalTopic.NAME, client, record);

        Instant consented = Instant.now().minusSeconds(1);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), ConsentChanged.TYPE, private_,
             new ConsentChanged(private_, List.of("STREAK", "PLAN_PROGRESS"), consented), consented);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), WellBeingCheckedIn.TYPE, private_,
             new WellBeingCheckedIn(private_, "w1", List.of(1, 1, 1, 1, 0), 4, 16, "2026-W02", now), now);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(feedOf(coach)).hasSize(1);
            assertThat(mailsTo(coach)).hasSize(1);
        });
        EmbeddedSmtp.Message mail = mailsTo(coach).get(0);
        assertThat(mail.subject()).isEqualTo(client + ": WHO-5 well-being fell from 60 % to 48 %");
        assertThat(mail.text()).contains("not a diagnosis");
        JsonNode alert = feedOf(coach).get(0);
        assertThat(alert.get("rule").asText()).isEqualTo("WELL_BEING_LOW_OR_DROPPED");
        JsonNode why = Json.parse(asCoach(coach).get("/api/notifications/" + alert.get("id").asText()).body());
        assertThat(why.at("/notification/why").asText()).contains("at or below 28 %");
        assertThat(why.at("/notification/causes/0/eventId").asText()).isEqualTo(first);
        assertThat(why.at("/notification/causes/1/eventId").asText()).isEqualTo(second);

        Thread.sleep(1500);
        assertThat(mailsTo(coach)).as("still exactly one; nothing about the client who keeps their mood private")
                                  .hasSize(1);
        assertThat(feedOf(coach)).hasSize(1);
    }
}
