package org.rekindle.notification.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.MessageSent;
import org.rekindle.platform.embedded.EmbeddedSmtp;
import org.rekindle.platform.testing.Json;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new message tells the other side of the conversation, from {@code MessageSent} on Kafka to the feed and a real
 * SMTP server: once however often the event is delivered, never with the text (the event has none), after the
 * recipient's quiet hours, and by email only if they want email.
 */
class MessageNotificationsIT extends NotificationServiceIT {

    @Test
    void theOtherSideIsToldOnceByFeedAndEmailWithoutTheText() {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        reachableAt(coach, "UTC");
        reachableAt(client, "UTC");

        String fromCoach = UUID.randomUUID().toString();
        MessageSent coachWrote = message(client, coach, 1, "COACH");
        send(JournalTopic.NAME, fromCoach, MessageSent.TYPE, client, coachWrote, coachWrote.sentAt());
        send(JournalTopic.NAME, fromCoach, MessageSent.TYPE, client, coachWrote, coachWrote.sentAt()); // redelivered
        MessageSent clientWrote = message(client, coach, 2, "CLIENT");
        send(JournalTopic.NAME, UUID.randomUUID().toString(), MessageSent.TYPE, client, clientWrote,
             clientWrote.sentAt());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(feedOf(client)).hasSize(1);
            assertThat(mailsTo(client)).hasSize(1);
            assertThat(feedOf(coach)).hasSize(1);
            assertThat(mailsTo(coach)).hasSize(1);
        });
        JsonNode toClient = feedOf(client).get(0);
        assertThat(toClient.get("rule").asText()).isEqualTo("MESSAGE_FROM_COACH");
        assertThat(toClient.get("title").asText()).isEqualTo("Your coach sent you a message");
        EmbeddedSmtp.Message mailToClient = mailsTo(client).get(0);
        assertThat(mailToClient.subject()).isEqualTo("Your coach sent you a message");
        assertThat(mailToClient.text()).contains("Open your messages").contains("Open in Rekindle: ");

        JsonNode toCoach = feedOf(coach).get(0);
        assertThat(toCoach.get("rule").asText()).isEqualTo("MESSAGE_FROM_CLIENT");
        assertThat(toCoach.get("clientId").asText()).isEqualTo(client);
        assertThat(mailsTo(coach).get(0).subject()).contains("sent you a message");

        assertThat(feedOf(client)).as("the redelivered event raised nothing new").hasSize(1);
        assertThat(mailsTo(client)).hasSize(1);
    }

    @Test
    void aMessageWaitsOutTheRecipientsQuietHoursAndEmailFollowsTheirChoice() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String sleeping = "client-" + UUID.randomUUID().toString().substring(0, 8);
        String feedOnly = "client-" + UUID.randomUUID().toString().substring(0, 8);
        LocalTime local = LocalTime.now(ZoneOffset.UTC);
        assertThat(as(sleeping).put("/api/preferences/" + sleeping, "{\"email\":\"" + sleeping + "@example.org\","
                + "\"timezone\":\"UTC\",\"quietFrom\":\"" + local.minusHours(1).withSecond(0).withNano(0)
                + "\",\"quietUntil\":\"" + local.plusHours(2).withSecond(0).withNano(0) + "\"}").statusCode())
                .isEqualTo(200);
        assertThat(as(feedOnly).put("/api/preferences/" + feedOnly, "{\"email\":\"" + feedOnly + "@example.org\","
                + "\"quietFrom\":\"00:00\",\"quietUntil\":\"00:00\",\"optedOut\":[\"EMAIL\"]}").statusCode())
                .isEqualTo(200);

        String toSleeping = UUID.randomUUID().toString();
        MessageSent late = message(sleeping, coach, 1, "COACH");
        send(JournalTopic.NAME, toSleeping, MessageSent.TYPE, sleeping, late, late.sentAt());
        MessageSent other = message(feedOnly, coach, 1, "COACH");
        send(JournalTopic.NAME, UUID.randomUUID().toString(), MessageSent.TYPE, feedOnly, other, other.sentAt());

        await().atMost(Duration.ofSeconds(30)).until(() -> feedOf(feedOnly).size() == 1);
        String delivered = feedOf(feedOnly).get(0).get("id").asText();
        JsonNode deliveries = Json.parse(as(feedOnly).get("/api/notifications/" + delivered).body()).get("deliveries");
        assertThat(texts(deliveries, "channel", "state")).containsExactly("FEED SENT", "EMAIL SKIPPED");
        assertThat(mailsTo(feedOnly)).isEmpty();

        String held = UUID.nameUUIDFromBytes(("MESSAGE_FROM_COACH:" + toSleeping).getBytes(StandardCharsets.UTF_8))
                          .toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> as(sleeping).get("/api/notifications/" + held)
                                                                       .statusCode() == 200);
        Thread.sleep(2000);
        JsonNode waiting = Json.parse(as(sleeping).get("/api/notifications/" + held).body());
        assertThat(waiting.at("/notification/deliveredAt").isMissingNode()
                   || waiting.at("/notification/deliveredAt").isNull()).as("not delivered yet").isTrue();
        assertThat(feedOf(sleeping)).as("the message waits for the end of the quiet hours").isEmpty();
        assertThat(mailsTo(sleeping)).isEmpty();
    }

    @Test
    void aMessageFirstSeenLongAfterItWasSentTellsNobody() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        reachableAt(client, "UTC");
        Instant longAgo = Instant.now().minus(Duration.ofDays(3));
        send(JournalTopic.NAME, UUID.randomUUID().toString(), MessageSent.TYPE, client,
             new MessageSent(client, coach, 1, "COACH", longAgo), longAgo);
        MessageSent fresh = message(client, coach, 2, "COACH");
        send(JournalTopic.NAME, UUID.randomUUID().toString(), MessageSent.TYPE, client, fresh, fresh.sentAt());
        await().atMost(Duration.ofSeconds(30)).until(() -> feedOf(client).size() == 1);
        Thread.sleep(1000);
        assertThat(feedOf(client)).as("only the fresh one").hasSize(1);
    }

    private static MessageSent message(String client, String coach, int number, String sender) {
        return new MessageSent(client, coach, number, sender, Instant.now());
    }
}
