package org.rekindle.journal.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The weekly WHO-5 through the API: scored, published without anything but the answers and scores, one per week
 * (409 naming the week), bad answers named (400 problem+json, nothing stored), the trend the client's and, with
 * MOOD_TREND, their coach's.
 */
class WellBeingIT extends RecordingJournalTopicTest {

    @Autowired
    JdbcTemplate eventStore;

    @Test
    void aCheckInIsScoredPublishedAndReadBack() {
        String client = newClientId();
        String base = "/api/clients/" + client;
        Http own = http(client);

        HttpResponse<String> created = own.post(base + "/journal/well-being-check-ins",
                                                "{\"items\":[3,2,1,1,0],\"zone\":\"Europe/Berlin\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode recorded = Json.parse(created.body());
        assertThat(recorded.get("rawScore").asInt()).isEqualTo(7);
        assertThat(recorded.get("percentage").asInt()).isEqualTo(28);
        String week = recorded.get("week").asText();
        assertThat(week).matches("\\d{4}-W\\d{2}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode trend = Json.parse(own.get(base + "/well-being").body()).get("checkIns");
            assertThat(trend.get(0).get("percentage").asInt()).isEqualTo(28);
            assertThat(trend.get(0).get("week").asText()).isEqualTo(week);
            assertThat(trend.get(0).get("items").toString()).isEqualTo("[3,2,1,1,0]");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode published = topic.recordsWithKey(client).stream().map(r -> Json.parse(r.value()))
                    .filter(e -> e.get("type").asText().equals("rekindle.journal.WellBeingCheckedIn.v1"))
                    .findFirst().orElseThrow().get("data");
            assertThat(published.get("rawScore").asInt()).isEqualTo(7);
            assertThat(published.get("percentage").asInt()).isEqualTo(28);
            assertThat(published.get("week").asText()).isEqualTo(week);
        });
    }

    @Test
    void aSecondCheckInInTheSameWeekIsA409NamingTheWeekAndChangesNothing() {
        String client = newClientId();
        String path = "/api/clients/" + client + "/journal/well-being-check-ins";
        Http own = http(client);
        JsonNode first = Json.parse(own.post(path, "{\"items\":[3,3,3,3,3]}").body());
        long events = storedEventsOf(client);

        HttpResponse<String> second = own.post(path, "{\"items\":[1,1,1,1,1]}");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Json.parse(second.body()).get("detail").asText()).contains(first.get("week").asText());
        assertThat(storedEventsOf(client)).isEqualTo(events);
    }

    @Test
    void badAnswersAreNamedAndStoreNothing() {
        String client = newClientId();
        String path = "/api/clients/" + client + "/journal/well-being-check-ins";
        Http own = http(client);
        String[][] cases = {{"{\"items\":[3,3,6,3,3]}", "items[2]"}, {"{\"items\":[-1,3,3,3,3]}", "items[0]"},
                {"{\"items\":[3,3,3,3]}", "items"}, {"{}", "items"}, {"{\"items\":[3,3,3,3,null]}", "items[4]"},
                {"{\"items\":[3,3,3,3,3],\"zone\":\"Mars/Olympus\"}", "zone"}};
        for (String[] bad : cases) {
            HttpResponse<String> response = own.post(path, bad[0]);
            assertThat(response.statusCode()).as(bad[0] + " -> " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(Json.parse(response.body()).get("errors").findValuesAsText("field")).as(bad[0])
                    .containsExactly(bad[1]);
        }
        for (String garbage : new String[]{"{\"items\":\"five\"}", "{\"items\":[\"a\",1,1,1,1]}", "[]", "{{"}) {
            assertThat(own.post(path, garbage).statusCode()).as(garbage).isEqualTo(400);
        }
        assertThat(storedEventsOf(client)).isZero();
    }

    @Test
    void theTrendIsTheClientsAndTheirCoachsWhileTheConsentIncludesMoodTrend() {
        String client = newClientId();
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String base = "/api/clients/" + client;
        Http own = http(client);
        Http theCoach = anonymous().as(TestIssuer.get().coach(coach));
        assertThat(own.post(base + "/journal/well-being-check-ins", "{\"items\":[4,4,4,4,4]}").statusCode())
                .isEqualTo(201);
        assertThat(theCoach.get(base + "/well-being").statusCode()).as("not their client yet").isEqualTo(403);
        assertThat(http(newClientId()).get(base + "/well-being").statusCode()).isEqualTo(403);
        assertThat(theCoach.post(base + "/journal/well-being-check-ins", "{\"items\":[4,4,4,4,4]}").statusCode())
                .as("only the client answers").isEqualTo(403);
        JournalAccessIT.assign(client, coach);
        await().atMost(Duration.ofSeconds(30)).until(() -> theCoach.get(base + "/well-being").statusCode() == 200);

        assertThat(own.put(base + "/consent", "{\"coachSees\":[\"STREAK\"]}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> theCoach.get(base + "/well-being").statusCode() == 403);
        assertThat(own.get(base + "/well-being").statusCode()).isEqualTo(200);
    }

    @Test
    void theQuestionnaireIsTheOfficialWording() {
        JsonNode who5 = Json.parse(http(newClientId()).get("/api/well-being/who-5").body());
        assertThat(who5.get("items").get(0).asText()).isEqualTo("I have felt cheerful and in good spirits");
        assertThat(who5.get("items")).hasSize(5);
        assertThat(who5.get("responses").get(0).get("label").asText()).isEqualTo("All of the time");
        assertThat(who5.get("responses").get(5).get("label").asText()).isEqualTo("At no time");
        assertThat(who5.get("framing").asText()).contains("over the last two weeks");
    }

    private long storedEventsOf(String client) {
        return eventStore.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                                         Long.class, client);
    }
}
