package org.rekindle.journal.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TestIssuer;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client chooses what their coach sees; journal-service stores the choice as an event, publishes it for the
 * other services, and applies it to its own reads (the streak, and who initiated a breach) at once.
 */
class ConsentIT extends RecordingJournalTopicTest {

    private final TestIssuer issuer = TestIssuer.get();

    @Test
    void theClientsChoiceIsStoredPublishedAndAppliedToTheCoachsReads() {
        String client = newClientId();
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "/api/clients/" + client;
        Http own = http(client);
        Http theCoach = anonymous().as(issuer.coach(coach));
        assertThat(own.post(base + "/contact-log/no-contact-periods", "{\"targetDays\":30}").statusCode())
                .isEqualTo(201);
        assertThat(own.post(base + "/contact-log/breaches", "{\"channel\":\"CALL\",\"initiatedBy\":\"CLIENT\"}")
                      .statusCode()).isEqualTo(201);
        JournalAccessIT.assign(client, coach);

        JsonNode byDefault = Json.parse(own.get(base + "/consent").body());
        assertThat(byDefault.get("byDefault").asBoolean()).isTrue();
        assertThat(texts(byDefault.get("coachSees"))).containsExactlyInAnyOrder("STREAK", "PLAN_PROGRESS", "MOOD_TREND");
        await().atMost(Duration.ofSeconds(30)).until(() -> theCoach.get(base + "/streak").statusCode() == 200);
        assertThat(Json.parse(theCoach.get(base + "/streak").body()).get("attempts").get(0).has("initiatedBy"))
                .as("who initiated contact is a detail the default keeps private").isFalse();
        assertThat(Json.parse(own.get(base + "/streak").body()).get("attempts").get(0).get("initiatedBy").asText())
                .isEqualTo("CLIENT");

        HttpResponse<String> changed = own.put(base + "/consent", "{\"coachSees\":[\"MOOD_TREND\",\"SLEEP\"]}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(texts(Json.parse(changed.body()).get("coachSees"))).containsExactlyInAnyOrder("MOOD_TREND", "SLEEP");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(theCoach.get(base + "/streak").statusCode()).as("streak no longer allowed").isEqualTo(403);
            JsonNode seen = Json.parse(theCoach.get(base + "/consent").body());
            assertThat(seen.get("byDefault").asBoolean()).isFalse();
            assertThat(texts(seen.get("coachSees"))).containsExactlyInAnyOrder("MOOD_TREND", "SLEEP");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode published = topic.recordsWithKey(client).stream().map(r -> Json.parse(r.value()))
                    .filter(e -> e.get("type").asText().equals("rekindle.journal.ConsentChanged.v1"))
                    .findFirst().orElseThrow();
            assertThat(texts(published.get("data").get("coachSees"))).containsExactly("MOOD_TREND", "SLEEP");
        });

        assertThat(own.put(base + "/consent", "{\"coachSees\":[\"STREAK\",\"CONTACT_DETAILS\"]}").statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Json.parse(theCoach.get(base + "/streak").body()).get("attempts").get(0).get("initiatedBy").asText())
                .isEqualTo("CLIENT"));
    }

    @Test
    void onlyTheClientChoosesAndABadChoiceChangesNothing() {
        String client = newClientId();
        String base = "/api/clients/" + client;
        Http own = http(client);
        assertThat(own.put(base + "/consent", "{\"coachSees\":[\"STREAK\"]}").statusCode()).isEqualTo(200);

        HttpResponse<String> unknown = own.put(base + "/consent", "{\"coachSees\":[\"EVERYTHING\"]}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unknown.body()).contains("coachSees");
        assertThat(own.put(base + "/consent", "{}").statusCode()).isEqualTo(400);
        assertThat(own.put(base + "/consent", "{\"coachSees\":[null]}").statusCode()).isEqualTo(400);

        for (Http stranger : new Http[]{anonymous().as(issuer.coach("coach-any")), http(newClientId()),
                anonymous().as(issuer.admin("admin-practice"))}) {
            assertThat(stranger.put(base + "/consent", "{\"coachSees\":[]}").statusCode()).isEqualTo(403);
            assertThat(stranger.get(base + "/consent").statusCode()).isEqualTo(403);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                texts(Json.parse(own.get(base + "/consent").body()).get("coachSees"))).containsExactly("STREAK"));
    }

    private static java.util.List<String> texts(JsonNode array) {
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
