package org.rekindle.plan.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.ConsentChanged;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.WellBeingCheckedIn;
import org.rekindle.plan.events.PlanAssigned;
import org.rekindle.plan.events.PlanStep;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The weekly WHO-5 from Kafka onto the coach's dashboard: the trend of percentages, the flag and its reason when it
 * falls 10 points or more, the timeline entry, the row as it was a week ago, and nothing of it without MOOD_TREND.
 */
class WellBeingDashboardIT extends PlanServiceIT {

    @Test
    void aFallingWho5IsOnTheRowTheTimelineAndTimeTravelWhileTheClientSharesTheirMoodTrend() {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "who5-" + UUID.randomUUID();
        Http http = asCoach(coach);
        Instant start = Instant.now().minus(20, ChronoUnit.DAYS);
        LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
        send(PlanTopic.NAME, UUID.randomUUID().toString(), PlanAssigned.TYPE, client, new PlanAssigned("plan-" + client,
                client, coach, "p", 1, day, "UTC", false, List.of(new PlanStep("s", "phase", "READING", "Read",
                                                                               day.plusDays(60))), start), start);
        Instant lastWeek = Instant.now().minus(8, ChronoUnit.DAYS);
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), WellBeingCheckedIn.TYPE, client, new WellBeingCheckedIn(
                client, "w1", List.of(3, 3, 3, 3, 3), 15, 60, "2026-W01", lastWeek), lastWeek);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), WellBeingCheckedIn.TYPE, client, new WellBeingCheckedIn(
                client, "w2", List.of(3, 2, 2, 2, 3), 12, 48, "2026-W02", yesterday), yesterday);

        String rowPath = "/api/dashboard/clients/" + client;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode row = Json.parse(http.get(rowPath).body());
            assertThat(texts(row.get("wellBeingTrend"))).containsExactly("60", "48");
            assertThat(texts(row.get("riskFlags"))).contains("WELL_BEING_LOW_OR_DROPPED");
            assertThat(texts(row.get("reasons"))).contains("WHO-5 well-being fell from 60 % to 48 % yesterday");
            assertThat(row.get("attention").asText()).isEqualTo("MOOD_FALLING");
        });
        JsonNode dashboard = Json.parse(http.get("/api/dashboard/coaches/" + coach).body());
        assertThat(texts(dashboard.get(0).get("wellBeingTrend"))).containsExactly("60", "48");
        JsonNode timeline = Json.parse(http.get(rowPath + "/timeline").body());
        JsonNode checkIn = StreamSupport.stream(timeline.spliterator(), false)
                .filter(e -> e.get("type").asText().equals("WellBeingCheckedIn"))
                .filter(e -> e.get("data").get("checkInId").asText().equals("w2")).findFirst().orElseThrow();
        assertThat(checkIn.get("data").get("percentage").asInt()).isEqualTo(48);
        assertThat(checkIn.get("data").get("week").asText()).isEqualTo("2026-W02");

        JsonNode weekAgo = Json.parse(http.get(rowPath + "?asOf=" + lastWeek.plus(1, ChronoUnit.DAYS)).body());
        assertThat(texts(weekAgo.get("wellBeingTrend"))).containsExactly("60");
        assertThat(texts(weekAgo.get("riskFlags"))).doesNotContain("WELL_BEING_LOW_OR_DROPPED");

        Instant changed = Instant.now();
        send(JournalTopic.NAME, UUID.randomUUID().toString(), ConsentChanged.TYPE, client,
             new ConsentChanged(client, List.of("PLAN_PROGRESS", "STREAK"), changed), changed);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode row = Json.parse(http.get(rowPath).body());
            assertThat(row.has("wellBeingTrend")).isFalse();
            assertThat(texts(row.get("riskFlags"))).doesNotContain("WELL_BEING_LOW_OR_DROPPED");
            assertThat(texts(row.get("reasons"))).noneMatch(reason -> reason.startsWith("WHO-5"));
            assertThat(Json.parse(http.get(rowPath + "/timeline").body()).findValuesAsText("type"))
                    .doesNotContain("WellBeingCheckedIn");
        });
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
