package org.rekindle.plan.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.content.events.ContentTopic;
import org.rekindle.content.events.ProgramPhase;
import org.rekindle.content.events.ProgramStep;
import org.rekindle.content.events.ProgramVersionPublished;
import org.rekindle.journal.events.ConsentChanged;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.MoodCheckedIn;
import org.rekindle.journal.events.NoContactBroken;
import org.rekindle.journal.events.NoContactStarted;
import org.rekindle.journal.events.UrgeRecorded;
import org.rekindle.plan.events.PlanAssigned;
import org.rekindle.plan.events.PlanStep;
import org.rekindle.plan.events.PlanStepCompleted;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TestIssuer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The coach dashboard, fed from Kafka by a tracking processor: rows with progress, streaks, mood trend and risk
 * flags; time travel; live updates over SSE; and a rebuild from Kafka that ends equal to the live result.
 */
class CoachDashboardIT extends PlanServiceIT {

    @Test
    void aCoachSeesEveryClientWithFlagsFirstAndTheRowAsItWas() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        Http http = asCoach(coach);
        String calm = "calm-" + UUID.randomUUID();
        String struggling = "struggling-" + UUID.randomUUID();
        Instant now = Instant.now();
        Instant start = now.minus(20, ChronoUnit.DAYS);
        LocalDate startDate = LocalDate.ofInstant(start, ZoneOffset.UTC);

        for (String client : List.of(calm, struggling)) {
            send(PlanTopic.NAME, UUID.randomUUID().toString(), PlanAssigned.TYPE, client, new PlanAssigned("plan-" + client, client, coach, "p", 1,
                    startDate, "UTC", false, List.of(
                    new PlanStep("why", "understand", "REFLECTION_PROMPT", "Why?", startDate),
                    new PlanStep("later", "rebuild", "EXERCISE", "Later", startDate.plusDays(60))), start), start);
            send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactStarted.TYPE, client,
                 new NoContactStarted(client, "period", 30, start), start);
        }
        send(PlanTopic.NAME, UUID.randomUUID().toString(), PlanStepCompleted.TYPE, calm,
             new PlanStepCompleted("plan-" + calm, calm, "why", "JOURNAL", "e", start.plusSeconds(60)), start.plusSeconds(60));
        Instant breach = now.minus(1, ChronoUnit.DAYS);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactBroken.TYPE, struggling, new NoContactBroken(struggling, "period", "b1", "TEXT",
                                                                                       "CLIENT", 19, breach), now);
        for (int i = 3; i >= 1; i--) {
            Instant at = now.minus(i, ChronoUnit.HOURS);
            send(JournalTopic.NAME, UUID.randomUUID().toString(), MoodCheckedIn.TYPE, struggling, new MoodCheckedIn(struggling, "m" + i, 2, 5.0, at),
                 at);
        }
        Instant calmMood = now.minus(2, ChronoUnit.HOURS);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), MoodCheckedIn.TYPE, calm, new MoodCheckedIn(calm, "c1", 4, 8.0, calmMood), calmMood);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode rows = Json.parse(http.get("/api/dashboard/coaches/" + coach).body());
            assertThat(rows).hasSize(2);
            JsonNode first = rows.get(0);
            assertThat(first.get("clientId").asText()).as("flags sort first").isEqualTo(struggling);
            assertThat(first.get("riskFlags").findValuesAsText("")).isEmpty();
            assertThat(texts(first.get("riskFlags"))).contains("BREACH_IN_48H", "LOW_MOOD_THREE_IN_A_ROW", "OVERDUE_STEP");
            assertThat(first.get("currentStreakDays").asInt()).isEqualTo(1);
            assertThat(first.get("longestStreakDays").asInt()).isEqualTo(19);
            assertThat(first.get("breachesLast7Days").asInt()).isEqualTo(1);
            assertThat(texts(first.get("moodTrend"))).containsExactly("2", "2", "2");
            JsonNode second = rows.get(1);
            assertThat(second.get("percentDone").asInt()).isEqualTo(50);
            assertThat(second.get("currentPhase").asText()).isEqualTo("rebuild");
            assertThat(second.get("currentStreakDays").asInt()).isEqualTo(20);
            assertThat(texts(second.get("riskFlags"))).isEmpty();
        });

        JsonNode before = Json.parse(http.get("/api/dashboard/clients/" + struggling + "?asOf="
                                              + breach.minus(1, ChronoUnit.HOURS)).body());
        assertThat(texts(before.get("riskFlags"))).doesNotContain("BREACH_IN_48H", "LOW_MOOD_THREE_IN_A_ROW");
        assertThat(before.get("currentStreakDays").asInt()).isEqualTo(18);
        assertThat(before.get("moodTrend")).isEmpty();
        String justAfterTheBreach = "?asOf=" + breach.plus(1, ChronoUnit.HOURS);
        JsonNode happened = Json.parse(http.get("/api/dashboard/clients/" + struggling + justAfterTheBreach).body());
        assertThat(texts(happened.get("riskFlags"))).as("as it happened").contains("BREACH_IN_48H");
        JsonNode seenThen = Json.parse(http.get("/api/dashboard/clients/" + struggling + justAfterTheBreach
                                                + "&clock=RECORDED").body());
        assertThat(texts(seenThen.get("riskFlags"))).as("the breach was logged a day later")
                                                    .doesNotContain("BREACH_IN_48H");
        assertThat(seenThen.get("currentStreakDays").asInt()).isEqualTo(19);
        var badClock = http.get("/api/dashboard/clients/" + struggling + justAfterTheBreach + "&clock=SIDEWAYS");
        assertThat(badClock.statusCode()).isEqualTo(400);
        assertThat(badClock.body()).contains("clock");
        assertThat(Json.parse(http.get("/api/dashboard/clients/" + struggling + "/timeline").body())).hasSize(6);
    }

    @Test
    void anOpenDashboardGetsTheChangedRowWithinASecond() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "live-" + UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        HttpClient sse = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Stream<String>>> stream = sse.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/dashboard/coaches/" + coach
                                                  + "/stream"))
                           .header("Authorization", "Bearer " + TestIssuer.get().coach(coach)).build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread.sleep(500);
        Instant now = Instant.now();
        send(PlanTopic.NAME, UUID.randomUUID().toString(), PlanAssigned.TYPE, client, new PlanAssigned("plan-" + client, client, coach, "p", 1, today,
                "UTC", false, List.of(new PlanStep("why", "understand", "REFLECTION_PROMPT", "Why?", today)), now), now);
        long sentAt = System.nanoTime();
        String line = CompletableFuture.supplyAsync(() -> stream.join().body()
                        .filter(l -> l.startsWith("data:") && l.contains(client)).findFirst().orElseThrow())
                .get(15, java.util.concurrent.TimeUnit.SECONDS);
        long millis = (System.nanoTime() - sentAt) / 1_000_000;
        assertThat(Json.parse(line.substring("data:".length())).get("coachId").asText()).isEqualTo(coach);
        System.out.println("SSE row arrived " + millis + " ms after the plan event was acknowledged by Kafka");
    }

    @Test
    void aRebuildFromKafkaEndsEqualToTheLiveDashboard() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        Http http = asCoach(coach);
        Instant at = Instant.now().minus(3, ChronoUnit.DAYS);
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        for (int c = 0; c < 3; c++) {
            String client = "rebuild-" + c + "-" + UUID.randomUUID();
            send(PlanTopic.NAME, UUID.randomUUID().toString(), PlanAssigned.TYPE, client, new PlanAssigned("plan-" + client, client, coach, "p", 1, day,
                    "UTC", false, List.of(new PlanStep("s", "phase", "READING", "Read", day.plusDays(c))), at), at);
            send(JournalTopic.NAME, UUID.randomUUID().toString(), MoodCheckedIn.TYPE, client, new MoodCheckedIn(client, "m", 1 + c, null, at), at);
        }
        // Plan and journal events come from different topics, so wait until every row has seen both.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode rows = Json.parse(http.get("/api/dashboard/coaches/" + coach).body());
            return rows.size() == 3 && rows.findValues("moodTrend").stream().allMatch(trend -> trend.size() == 1);
        });
        JsonNode live = withoutAsOf(Json.parse(http.get("/api/dashboard/coaches/" + coach).body()));

        assertThat(http.post("/api/admin/projections/coach-dashboard/rebuild", "").statusCode())
                .as("a coach may not rebuild").isEqualTo(403);
        Http admin = new Http(port).as(TestIssuer.get().admin("admin-practice"));
        assertThat(admin.post("/api/admin/projections/coach-dashboard/rebuild", "").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                withoutAsOf(Json.parse(http.get("/api/dashboard/coaches/" + coach).body()))).isEqualTo(live));
        assertThat(admin.post("/api/admin/projections/nope/rebuild", "").statusCode()).isEqualTo(404);

        // its progress: the records of both topics, all read once the rebuild is over
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode progress = Json.parse(admin.get("/api/admin/projections/coach-dashboard").body());
            assertThat(progress.get("state").asText()).isEqualTo("LIVE");
            assertThat(progress.get("unit").asText()).isEqualTo("records");
            assertThat(progress.get("total").asLong()).isGreaterThanOrEqualTo(6);
            assertThat(progress.get("done").asLong()).isEqualTo(progress.get("total").asLong());
            assertThat(progress.get("secondsLeft").asLong()).isZero();
            assertThat(progress.get("startedAt").isNull()).isFalse();
        });
        assertThat(http.get("/api/admin/projections/coach-dashboard").statusCode()).as("a coach may not look")
                .isEqualTo(403);
        var unknown = admin.get("/api/admin/projections/nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
    }

    @Test
    void aRebuiltEventStoreProjectionTellsItsProgressInStoredEventsAndEndsWithAllOfThem() {
        String programId = "prog-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID();
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        send(ContentTopic.NAME, UUID.randomUUID().toString(), ProgramVersionPublished.TYPE, programId,
             new ProgramVersionPublished(programId, 1, "Progress", "s", List.of(new ProgramPhase("p1", "Phase",
                     List.of(new ProgramStep("read", "READING", "Read", "g", 0, null, null, null, null)))), now), now);
        Http coachHttp = asCoach(coach);
        String assignment = "{\"clientId\":\"" + client + "\",\"coachId\":\"" + coach + "\",\"programId\":\""
                            + programId + "\",\"programVersion\":1,\"startDate\":\"2026-11-01\",\"timezone\":\"UTC\"}";
        await().atMost(Duration.ofSeconds(30)).until(() -> coachHttp.post("/api/plans", assignment).statusCode() == 201);
        Http admin = new Http(port).as(TestIssuer.get().admin("admin-practice"));

        assertThat(admin.post("/api/admin/projections/plan-read-model/rebuild", "").statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode progress = Json.parse(admin.get("/api/admin/projections/plan-read-model").body());
            assertThat(progress.get("unit").asText()).isEqualTo("events");
            assertThat(progress.get("state").asText()).isEqualTo("LIVE");
            assertThat(progress.get("total").asLong()).isPositive();
            assertThat(progress.get("done").asLong()).isEqualTo(progress.get("total").asLong());
            assertThat(progress.get("startedAt").isNull()).isFalse();
        });
        assertThat(Json.parse(coachHttp.get("/api/plans?clientId=" + client).body())).as("the rebuilt view")
                .hasSize(1);
    }

    @Test
    void anErasedJournalLeavesTheDashboardWithOnlyThePlanAndTheClientsConsent() {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "erased-" + UUID.randomUUID();
        Http http = asCoach(coach);
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS);
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        send(PlanTopic.NAME, UUID.randomUUID().toString(), PlanAssigned.TYPE, client, new PlanAssigned("plan-" + client,
                client, coach, "p", 1, day, "UTC", false, List.of(new PlanStep("s", "phase", "READING", "Read",
                                                                               day.plusDays(9))), at), at);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), ConsentChanged.TYPE, client,
             new ConsentChanged(client, List.of("MOOD_TREND", "PLAN_PROGRESS"), at.plusSeconds(1)), at.plusSeconds(1));
        send(JournalTopic.NAME, UUID.randomUUID().toString(), MoodCheckedIn.TYPE, client,
             new MoodCheckedIn(client, "m", 1, null, at.plusSeconds(2)), at.plusSeconds(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> Json.parse(http.get("/api/dashboard/clients/" + client)
                                                                          .body()).path("moodTrend").size() == 1);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), org.rekindle.journal.events.JournalErased.TYPE, client,
             new org.rekindle.journal.events.JournalErased(client, Instant.now()), Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode row = Json.parse(http.get("/api/dashboard/clients/" + client).body());
            assertThat(row.get("moodTrend")).isEmpty();
            assertThat(row.get("coachId").asText()).isEqualTo(coach);
            assertThat(Json.parse(http.get("/api/dashboard/clients/" + client + "/timeline").body())
                           .findValuesAsText("type")).containsExactly("PlanAssigned", "ConsentChanged");
        });
        JsonNode row = Json.parse(http.get("/api/dashboard/clients/" + client).body());
        assertThat(row.get("coachSees").toString()).as("the client's choice outlives the erasure, not the default")
                                                  .isEqualTo("[\"MOOD_TREND\",\"PLAN_PROGRESS\"]");
        assertThat(row.has("currentStreakDays")).as("the default would show the streak").isFalse();
    }

    /**
     * The client's consent, published by journal-service, decides what the coach reads: by default no urges, no
     * sleep and no breach channel; nothing but the plan once the client allows nothing but it; everything once they
     * allow everything. Each change applies at once to what was projected before it.
     */
    @Test
    void theClientsConsentDecidesWhatTheCoachSeesOnTheRowAndTimeline() {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "consent-" + UUID.randomUUID();
        Http http = asCoach(coach);
        Instant at = Instant.now().minus(3, ChronoUnit.HOURS);
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        send(PlanTopic.NAME, UUID.randomUUID().toString(), PlanAssigned.TYPE, client, new PlanAssigned("plan-" + client,
                client, coach, "p", 1, day, "UTC", false, List.of(new PlanStep("s", "phase", "READING", "Read",
                                                                               day.plusDays(9))), at), at);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactStarted.TYPE, client,
             new NoContactStarted(client, "period", 30, at.plusSeconds(30)), at.plusSeconds(30));
        send(JournalTopic.NAME, UUID.randomUUID().toString(), MoodCheckedIn.TYPE, client,
             new MoodCheckedIn(client, "m", 2, 4.5, at.plusSeconds(60)), at.plusSeconds(60));
        send(JournalTopic.NAME, UUID.randomUUID().toString(), UrgeRecorded.TYPE, client,
             new UrgeRecorded(client, "u", false, at.plusSeconds(120)), at.plusSeconds(120));
        send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactBroken.TYPE, client,
             new NoContactBroken(client, "period", "b", "TEXT", "EX", 0, at.plusSeconds(180)), at.plusSeconds(180));
        String timeline = "/api/dashboard/clients/" + client + "/timeline";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode events = Json.parse(http.get(timeline).body());
            assertThat(events.findValuesAsText("type"))
                    .containsExactly("PlanAssigned", "NoContactStarted", "MoodCheckedIn", "NoContactBroken");
            assertThat(events.get(2).get("data").has("sleepHours")).isFalse();
            assertThat(events.get(2).get("data").get("score").asInt()).isEqualTo(2);
            assertThat(events.get(3).get("data").has("channel")).isFalse();
            assertThat(events.get(3).get("data").has("initiatedBy")).isFalse();
        });

        Instant changed = Instant.now();
        send(JournalTopic.NAME, UUID.randomUUID().toString(), ConsentChanged.TYPE, client,
             new ConsentChanged(client, List.of("PLAN_PROGRESS"), changed), changed);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode row = Json.parse(http.get("/api/dashboard/clients/" + client).body());
            assertThat(row.has("moodTrend")).isFalse();
            assertThat(row.has("currentStreakDays")).isFalse();
            assertThat(row.has("breachesLast7Days")).isFalse();
            assertThat(texts(row.get("riskFlags"))).doesNotContain("BREACH_IN_48H");
            assertThat(row.get("percentDone").asInt()).isZero();
            assertThat(texts(row.get("coachSees"))).containsExactly("PLAN_PROGRESS");
            JsonNode pastRow = Json.parse(http.get("/api/dashboard/clients/" + client + "?asOf="
                                                   + at.plusSeconds(200)).body());
            assertThat(pastRow.has("moodTrend")).as("time travel follows today's consent").isFalse();
            assertThat(Json.parse(http.get(timeline).body()).findValuesAsText("type"))
                    .containsExactly("PlanAssigned", "ConsentChanged");
        });

        Instant all = Instant.now();
        send(JournalTopic.NAME, UUID.randomUUID().toString(), ConsentChanged.TYPE, client, new ConsentChanged(client,
                List.of("STREAK", "PLAN_PROGRESS", "MOOD_TREND", "SLEEP", "URGES", "JOURNAL_ACTIVITY",
                        "CONTACT_DETAILS"), all), all);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode events = Json.parse(http.get(timeline).body());
            assertThat(events.findValuesAsText("type")).contains("UrgeRecorded", "MoodCheckedIn", "NoContactBroken");
            assertThat(events.get(2).get("data").get("sleepHours").asDouble()).isEqualTo(4.5);
            assertThat(events.get(4).get("data").get("initiatedBy").asText()).isEqualTo("EX");
        });
    }

    @Test
    void theTimelineOfSomeoneWhoIsNoClientIsNotFound() {
        Http http = asCoach("coach-" + UUID.randomUUID().toString().substring(0, 8));
        var response = http.get("/api/dashboard/clients/nobody-" + UUID.randomUUID() + "/timeline");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static JsonNode withoutAsOf(JsonNode rows) {
        rows.forEach(row -> ((com.fasterxml.jackson.databind.node.ObjectNode) row).remove("asOf"));
        return rows;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
