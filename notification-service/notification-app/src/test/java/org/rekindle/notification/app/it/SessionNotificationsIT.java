package org.rekindle.notification.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.JournalErased;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.SessionBooked;
import org.rekindle.journal.events.SessionCancelled;
import org.rekindle.journal.events.SessionRescheduled;
import org.rekindle.notification.app.engine.SessionReminders;
import org.rekindle.platform.embedded.EmbeddedSmtp;
import org.rekindle.platform.embedded.SharedTestInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Booked sessions from journal-service's events on Kafka to the persisted reminders, the feeds and a real SMTP
 * server: a booking schedules the 24 h and 1 h reminders of both sides and tells the coach, a move by the coach moves
 * them and tells the client, a cancellation by the client cancels them and tells the coach once however often it is
 * delivered; every email carries the session's .ics (REQUEST, then CANCEL, same UID, rising SEQUENCE), and each
 * side's calendar feed holds the session as of its last change. Erasure cancels the reminders and empties the feeds.
 */
class SessionNotificationsIT extends NotificationServiceIT {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aBookingRemindsBothSidesAMoveMovesTheRemindersAndACancellationCancelsThem() {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        String session = "s-" + UUID.randomUUID();
        reachableAt(coach, "UTC");
        reachableAt(client, "UTC");
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);

        SessionBooked booked = new SessionBooked(client, coach, session, start, start.plus(Duration.ofMinutes(50)),
                                                 "Europe/London", Instant.now());
        send(JournalTopic.NAME, UUID.randomUUID().toString(), SessionBooked.TYPE, client, booked, booked.bookedAt());
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(coach).size() == 1);
        assertThat(rules(feedOf(coach))).containsExactly("SESSION_BOOKED");
        EmbeddedSmtp.Message bookingMail = mailsTo(coach).get(0);
        assertThat(bookingMail.subject()).startsWith(client + " booked a session: ");
        String ics = onlyIcs(bookingMail);
        assertThat(ics).contains("\r\nMETHOD:REQUEST\r\n", "\r\nUID:" + session + "@rekindle\r\n",
                                 "\r\nSEQUENCE:0\r\n", "\r\nDTSTART:" + utc(start) + "\r\n",
                                 "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:" + coach
                                 + "@example.org");
        for (String side : List.of("CLIENT", "COACH")) {
            assertThat(reminder(session, 0, side, DAY)).as(side + " 24 h").isEqualTo("PENDING " + start.minus(DAY));
            assertThat(reminder(session, 0, side, HOUR)).as(side + " 1 h").isEqualTo("PENDING " + start.minus(HOUR));
        }
        assertThat(feedOf(client)).as("the client booked it: nothing to tell them yet").isEmpty();

        Instant moved = start.plus(DAY);
        SessionRescheduled rescheduled = new SessionRescheduled(client, coach, session, "COACH", start, moved,
                                                                moved.plus(Duration.ofMinutes(50)), "Europe/London",
                                                                1, Instant.now());
        send(JournalTopic.NAME, UUID.randomUUID().toString(), SessionRescheduled.TYPE, client, rescheduled,
             rescheduled.rescheduledAt());
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(client).size() == 1);
        assertThat(rules(feedOf(client))).containsExactly("SESSION_RESCHEDULED_BY_COACH");
        assertThat(onlyIcs(mailsTo(client).get(0))).contains("\r\nMETHOD:REQUEST\r\n", "\r\nSEQUENCE:1\r\n",
                                                              "\r\nUID:" + session + "@rekindle\r\n",
                                                              "\r\nDTSTART:" + utc(moved) + "\r\n");
        for (String side : List.of("CLIENT", "COACH")) {
            assertThat(reminder(session, 0, side, DAY)).startsWith("CANCELLED");
            assertThat(reminder(session, 0, side, HOUR)).startsWith("CANCELLED");
            assertThat(reminder(session, 1, side, DAY)).isEqualTo("PENDING " + moved.minus(DAY));
            assertThat(reminder(session, 1, side, HOUR)).isEqualTo("PENDING " + moved.minus(HOUR));
        }

        SessionCancelled cancelled = new SessionCancelled(client, coach, session, "CLIENT", moved,
                                                          moved.plus(Duration.ofMinutes(50)), "Europe/London", 2,
                                                          Instant.now());
        String cancellation = UUID.randomUUID().toString();
        send(JournalTopic.NAME, cancellation, SessionCancelled.TYPE, client, cancelled, cancelled.cancelledAt());
        send(JournalTopic.NAME, cancellation, SessionCancelled.TYPE, client, cancelled, cancelled.cancelledAt());
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(coach).size() == 2);
        EmbeddedSmtp.Message cancelMail = mailsTo(coach).get(1);
        assertThat(cancelMail.subject()).startsWith(client + " cancelled the session on ");
        assertThat(cancelMail.text()).doesNotContainIgnoringCase("reason");
        assertThat(onlyIcs(cancelMail)).contains("\r\nMETHOD:CANCEL\r\n", "\r\nSEQUENCE:2\r\n",
                                                 "\r\nSTATUS:CANCELLED\r\n", "\r\nUID:" + session + "@rekindle\r\n");
        for (String side : List.of("CLIENT", "COACH")) {
            assertThat(reminder(session, 1, side, DAY)).startsWith("CANCELLED");
            assertThat(reminder(session, 1, side, HOUR)).startsWith("CANCELLED");
        }
        assertThat(rules(feedOf(coach))).containsExactlyInAnyOrder("SESSION_BOOKED", "SESSION_CANCELLED_BY_CLIENT");
        assertThat(mailsTo(coach)).as("the redelivered cancellation told the coach once").hasSize(2);
        assertThat(rules(feedOf(client))).as("the client cancelled: only the coach's move was news to them")
                                         .containsExactly("SESSION_RESCHEDULED_BY_COACH");

        for (String person : List.of(client, coach)) {
            var answer = as(person).get("/api/feed/" + person + "/sessions.ics");
            assertThat(answer.statusCode()).isEqualTo(200);
            String feed = answer.body().replace("\r\n ", "");
            assertThat(feed).as(person + "'s calendar feed: the session as of its last change")
                            .contains("\r\nUID:" + session + "@rekindle\r\n", "\r\nSEQUENCE:2\r\n",
                                      "\r\nSTATUS:CANCELLED\r\n", "\r\nDTSTART:" + utc(moved) + "\r\n")
                            .doesNotContain("METHOD:");
        }
        assertThat(as(client).get("/api/feed/" + coach + "/sessions.ics").statusCode())
                .as("a person's calendar is their own").isEqualTo(403);
    }

    @Test
    void aSessionLessThanADayAheadIsRemindedAtOnceWithItsInvite() {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        String session = "s-" + UUID.randomUUID();
        reachableAt(coach, "UTC");
        reachableAt(client, "UTC");
        Instant start = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        SessionBooked booked = new SessionBooked(client, coach, session, start, start.plus(Duration.ofMinutes(50)),
                                                 "Europe/London", Instant.now());
        send(JournalTopic.NAME, UUID.randomUUID().toString(), SessionBooked.TYPE, client, booked, booked.bookedAt());

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(client).size() == 1 && mailsTo(coach).size() == 2);
        assertThat(rules(feedOf(client))).containsExactly("SESSION_REMINDER_TO_CLIENT");
        assertThat(rules(feedOf(coach))).containsExactlyInAnyOrder("SESSION_BOOKED", "SESSION_REMINDER_TO_COACH");
        EmbeddedSmtp.Message reminder = mailsTo(client).get(0);
        assertThat(reminder.subject()).startsWith("Reminder: your coaching session on ");
        assertThat(onlyIcs(reminder)).contains("\r\nMETHOD:REQUEST\r\n", "\r\nSEQUENCE:0\r\n",
                                               "\r\nSUMMARY:Coaching session with your coach\r\n");
        assertThat(reminder(session, 0, "CLIENT", DAY)).startsWith("DONE");
        assertThat(reminder(session, 0, "CLIENT", HOUR)).isEqualTo("PENDING " + start.minus(HOUR));
        assertThat(as(coach).get("/api/feed/" + coach + "/sessions.ics").body()).contains(session + "@rekindle");

        send(JournalTopic.NAME, UUID.randomUUID().toString(), JournalErased.TYPE, client,
             new JournalErased(client, Instant.now()), Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(reminder(session, 0, "CLIENT", HOUR)).as("erasure cancels the reminders").startsWith("CANCELLED");
            assertThat(reminder(session, 0, "COACH", HOUR)).startsWith("CANCELLED");
            assertThat(as(coach).get("/api/feed/" + coach + "/sessions.ics").body())
                    .as("the erased client's session leaves the coach's calendar feed").doesNotContain(session);
            assertThat(as(client).get("/api/feed/" + client + "/sessions.ics").body()).doesNotContain(session);
        });
    }

    private static String onlyIcs(EmbeddedSmtp.Message mail) {
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).endsWith(".ics");
            assertThat(a.contentType()).startsWith("text/calendar");
        });
        String ics = mail.attachments().get(0).content();
        assertThat(ics.replace("\r\n", "")).as("CRLF line ends only").doesNotContain("\n");
        return ics.replace("\r\n ", ""); // unfolded (RFC 5545 3.1)
    }

    private static List<String> rules(List<JsonNode> feed) {
        return feed.stream().map(n -> n.get("rule").asText()).toList();
    }

    private static String utc(Instant instant) {
        return instant.toString().replace("-", "").replace(":", "").replace(".000", "");
    }

    /** "STATE dueAt" of a reminder's work, looked up by its key in both of the schedule's collections. */
    private static String reminder(String session, int sequence, String side, Duration lead) {
        String key = SessionReminders.key(session, sequence, side, lead);
        try (var mongo = com.mongodb.client.MongoClients.create(SharedTestInfrastructure.mongo().connectionString())) {
            var db = mongo.getDatabase("notification-it");
            Document doc = db.getCollection("scheduled_work").find(new Document("_id", key)).first();
            if (doc == null) {
                doc = db.getCollection("scheduled_work_finished").find(new Document("_id", key)).first();
            }
            return doc == null ? "MISSING" : doc.getString("state") + " " + doc.getDate("dueAt").toInstant();
        }
    }
}
