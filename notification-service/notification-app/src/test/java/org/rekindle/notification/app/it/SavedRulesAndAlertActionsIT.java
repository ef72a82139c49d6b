package org.rekindle.notification.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.MoodCheckedIn;
import org.rekindle.journal.events.NoContactBroken;
import org.rekindle.platform.testing.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rule saved from a backtest raising alerts on new activity, exactly once per episode, and a coach acting on an
 * alert (acknowledge, snooze) and reading one client's alerts, over real Kafka, SMTP and the MongoDB-wire server.
 */
class SavedRulesAndAlertActionsIT extends NotificationServiceIT {

    private static final String LOW_TWICE = "{\"rule\":\"MOOD_AT_OR_BELOW\",\"score\":3,\"occurrences\":2,\"withinHours\":48}";

    @Test
    void aSavedRuleAlertsTheCoachOncePerEpisodeOfNewActivityUntilItIsDeleted() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        reachableAt(coach, "UTC");
        reachableAt(client, "UTC");
        assign(coach, client, Instant.now().minus(Duration.ofDays(2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> asCoach(coach)
                .get("/api/coaches/" + coach + "/clients/" + client + "/alerts").statusCode() == 200);

        var saved = asCoach(coach).post("/api/coaches/" + coach + "/rules", LOW_TWICE);
        assertThat(saved.statusCode()).isEqualTo(201);
        String ruleId = Json.parse(saved.body()).get("id").asText();
        assertThat(Json.parse(asCoach(coach).post("/api/coaches/" + coach + "/rules", LOW_TWICE).body()).get("id")
                       .asText()).as("the same parameters again: the same rule").isEqualTo(ruleId);
        assertThat(Json.parse(asCoach(coach).get("/api/coaches/" + coach + "/rules").body())).hasSize(1);
        assertThat(asCoach("coach-other").get("/api/coaches/" + coach + "/rules").statusCode()).isEqualTo(403);
        assertThat(asCoach("coach-other").delete("/api/coaches/" + coach + "/rules/" + ruleId).statusCode())
                .isEqualTo(403);
        JsonNode missingScore = Json.parse(asCoach(coach).post("/api/coaches/" + coach + "/rules",
                "{\"rule\":\"MOOD_AT_OR_BELOW\",\"occurrences\":2,\"withinHours\":48}").body());
        assertThat(missingScore.at("/errors/0/field").asText()).isEqualTo("score");

        String first = mood(client, 3);
        String second = UUID.randomUUID().toString();
        Instant now = Instant.now();
        String record = send(JournalTopic.NAME, second, MoodCheckedIn.TYPE, client,
                             new MoodCheckedIn(client, "m-" + second, 2, null, now), now);
        sendRaw(JournalTopic.NAME, client, record);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(savedRuleAlerts(coach)).hasSize(1);
            assertThat(mailsTo(coach)).filteredOn(m -> m.subject().contains("your rule")).hasSize(1);
        });
        String alert = savedRuleAlerts(coach).get(0).get("id").asText();
        JsonNode why = Json.parse(asCoach(coach).get("/api/notifications/" + alert).body());
        assertThat(why.at("/notification/why").asText())
                .isEqualTo("A rule you saved from a backtest: mood at or below 3, 2 times within 48 hours.");
        assertThat(StreamSupport.stream(why.at("/notification/causes").spliterator(), false)
                                .map(c -> c.get("eventId").asText())).containsExactly(first, second);

        mood(client, 1);
        Thread.sleep(1500);
        assertThat(savedRuleAlerts(coach)).as("one more low mood starts a new episode").hasSize(1);

        assertThat(asCoach(coach).delete("/api/coaches/" + coach + "/rules/" + ruleId).statusCode()).isEqualTo(204);
        assertThat(asCoach(coach).delete("/api/coaches/" + coach + "/rules/" + ruleId).statusCode()).isEqualTo(404);
        mood(client, 1);
        Thread.sleep(1500);
        assertThat(savedRuleAlerts(coach)).as("a deleted rule raises nothing").hasSize(1);
        assertThat(mailsTo(coach)).filteredOn(m -> m.subject().contains("your rule")).hasSize(1);
    }

    @Test
    void aCoachAcknowledgesAndSnoozesTheirAlertAndSeesThatTheClientHasNoEmailAddress() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        reachableAt(coach, "UTC");
        assertThat(as(client).put("/api/preferences/" + client, "{\"quietFrom\":\"00:00\",\"quietUntil\":\"00:00\"}")
                             .statusCode()).as("no email address, no quiet hours").isEqualTo(200);
        assign(coach, client, Instant.now().minus(Duration.ofDays(2)));
        Instant now = Instant.now();
        send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactBroken.TYPE, client,
             new NoContactBroken(client, "period-1", "b1", "TEXT", "CLIENT", 4, now), now);
        String alerts = "/api/coaches/" + coach + "/clients/" + client + "/alerts";
        JsonNode page = await().atMost(Duration.ofSeconds(30)).until(
                () -> Json.parse(asCoach(coach).get(alerts).body()), p -> p.path("alerts").size() == 1);
        String id = page.at("/alerts/0/notification/id").asText();
        assertThat(page.at("/alerts/0/notification/state").asText()).isEqualTo("NEEDS_YOU");
        assertThat(page.at("/alerts/0/notification/why").asText()).isNotBlank();
        assertThat(page.get("clientEmailOnFile").asBoolean()).as("the client set no address").isFalse();
        assertThat(page.get("coachEmailOnFile").asBoolean()).isTrue();
        assertThat(asCoach("coach-other").get(alerts).statusCode()).as("not their client").isEqualTo(403);
        assertThat(asCoach("coach-other").get("/api/coaches/coach-other/clients/" + client + "/alerts").statusCode())
                .isEqualTo(403);

        String feed = "/api/feed/" + coach + "/" + id;
        assertThat(asCoach(coach).post(feed + "/snooze", "{\"until\":\"tomorrow\"}")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(Json.parse(r.body()).at("/errors/0/field").asText()).isEqualTo("until");
        });
        assertThat(asCoach(coach).post(feed + "/snooze", "{\"until\":\"" + now.minusSeconds(60) + "\"}"))
                .satisfies(r -> {
                    assertThat(r.statusCode()).isEqualTo(400);
                    assertThat(Json.parse(r.body()).at("/errors/0/reason").asText()).isEqualTo("must be in the future");
                });
        String tomorrow = "{\"until\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}";
        assertThat(asCoach("coach-other").post("/api/feed/" + coach + "/" + id + "/snooze", tomorrow).statusCode())
                .as("someone else's feed").isEqualTo(403);
        assertThat(asCoach("coach-other").post("/api/feed/coach-other/" + id + "/snooze", tomorrow).statusCode())
                .as("not their alert").isEqualTo(404);
        assertThat(asCoach("coach-other").post("/api/feed/coach-other/" + id + "/acknowledge", "").statusCode())
                .isEqualTo(404);

        assertThat(asCoach(coach).post(feed + "/snooze", tomorrow).statusCode()).isEqualTo(204);
        assertThat(needsYou(coach)).isEmpty();
        assertThat(Json.parse(asCoach(coach).get(alerts).body()).at("/alerts/0/notification/state").asText())
                .isEqualTo("SNOOZED");

        assertThat(asCoach(coach).post(feed + "/acknowledge", "").statusCode()).isEqualTo(204);
        String acknowledgedAt = feedOf(coach).get(0).get("acknowledgedAt").asText();
        assertThat(asCoach(coach).post(feed + "/acknowledge", "").statusCode()).as("idempotent").isEqualTo(204);
        assertThat(feedOf(coach)).singleElement().satisfies(n -> {
            assertThat(n.get("state").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(n.get("acknowledgedAt").asText()).as("the first acknowledgement stands")
                                                        .isEqualTo(acknowledgedAt);
        });
        assertThat(needsYou(coach)).as("out of what needs the coach, still in their history").isEmpty();

        String reminder = await().atMost(Duration.ofSeconds(30)).until(() -> feedOf(client).stream()
                .map(n -> n.get("id").asText()).findFirst().orElse(null), found -> found != null);
        assertThat(as(client).post("/api/feed/" + client + "/" + reminder + "/acknowledge", "").statusCode())
                .as("a reminder is no alert to acknowledge").isEqualTo(404);
    }

    private String mood(String client, int score) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        send(JournalTopic.NAME, id, MoodCheckedIn.TYPE, client, new MoodCheckedIn(client, "m-" + id, score, null, now),
             now);
        return id;
    }

    private List<JsonNode> savedRuleAlerts(String coach) {
        return feedOf(coach).stream().filter(n -> n.get("rule").asText().equals("SAVED_MOOD_RULE")).toList();
    }

    private List<JsonNode> needsYou(String coach) {
        return StreamSupport.stream(Json.parse(asCoach(coach).get("/api/feed/" + coach + "?needsYou=true").body())
                                        .spliterator(), false).toList();
    }
}
