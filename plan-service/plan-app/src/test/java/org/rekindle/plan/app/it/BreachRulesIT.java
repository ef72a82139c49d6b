package org.rekindle.plan.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.rekindle.content.events.ContentTopic;
import org.rekindle.content.events.ProgramPhase;
import org.rekindle.content.events.ProgramStep;
import org.rekindle.content.events.ProgramVersionPublished;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.NoContactBroken;
import org.rekindle.journal.events.NoContactStarted;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TestIssuer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A coach changes the breach rules of a plan retroactively, over the real path: REST → the Plan → rekindle.plan.v1 →
 * the dashboard's Kafka processor. The preview shows the change without storing it; the change recounts the streak,
 * the row's time travel follows it "as it happened" but not "as you saw it then", and a rebuild from Kafka ends equal.
 */
class BreachRulesIT extends PlanServiceIT {

    @Test
    void aRetroactiveChangeRecountsTheDashboardAndARebuildAgrees() throws Exception {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID();
        Http http = asCoach(coach);
        Http asClient = new Http(port).as(TestIssuer.get().client(client, coach));
        Instant now = Instant.now();
        Instant start = now.minus(20, ChronoUnit.DAYS);
        LocalDate startDate = LocalDate.ofInstant(start, ZoneOffset.UTC);
        Instant exTexted = start.plus(10, ChronoUnit.DAYS);
        String programId = "prog-" + UUID.randomUUID().toString().substring(0, 8);
        send(ContentTopic.NAME, UUID.randomUUID().toString(), ProgramVersionPublished.TYPE, programId,
             new ProgramVersionPublished(programId, 1, "Rules", "s", List.of(new ProgramPhase("p1", "Phase", List.of(
                     new ProgramStep("read", "READING", "Read", "g", 40, null, null, null, null)))), now), now);
        String assignment = "{\"clientId\":\"" + client + "\",\"coachId\":\"" + coach + "\",\"programId\":\""
                            + programId + "\",\"programVersion\":1,\"startDate\":\"" + startDate
                            + "\",\"timezone\":\"UTC\",\"replyToExCountsAsBreach\":false}";
        await().atMost(Duration.ofSeconds(30)).until(() -> http.post("/api/plans", assignment).statusCode() == 201);
        String planId = await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode plans = Json.parse(http.get("/api/plans?clientId=" + client).body());
            return plans.size() == 1 ? plans.get(0).get("planId").asText() : null;
        }, id -> id != null);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactStarted.TYPE, client,
             new NoContactStarted(client, "period", 30, start), start);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactBroken.TYPE, client,
             new NoContactBroken(client, "period", "b1", "TEXT", "EX", 10, exTexted), exTexted);
        String row = "/api/dashboard/clients/" + client;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode live = Json.parse(http.get(row).body());
            assertThat(live.path("currentStreakDays").asInt()).as("answering the ex is no breach on this plan")
                                                                .isEqualTo(20);
        });

        String rules = "/api/plans/" + planId + "/breach-rules";
        JsonNode preview = Json.parse(http.post(rules + "/preview",
                "{\"replyToExCountsAsBreach\":true,\"exContactRestartsPeriod\":true}").body());
        assertThat(preview.at("/before/currentStreakDays").asInt()).isEqualTo(20);
        assertThat(preview.at("/before/breachesCounted").asInt()).isZero();
        assertThat(preview.at("/after/currentStreakDays").asInt()).isEqualTo(10);
        assertThat(preview.at("/after/longestStreakDays").asInt()).isEqualTo(10);
        assertThat(preview.at("/after/breachesCounted").asInt()).isEqualTo(1);
        assertThat(Json.parse(http.get(row).body()).get("currentStreakDays").asInt()).as("a preview stores nothing")
                                                                                   .isEqualTo(20);

        var tooEarly = http.put(rules, "{\"replyToExCountsAsBreach\":true,\"exContactRestartsPeriod\":true,"
                                       + "\"effectiveFrom\":\"" + startDate.minusDays(1) + "\",\"reason\":\"r\"}");
        assertThat(tooEarly.statusCode()).isEqualTo(400);
        assertThat(tooEarly.body()).contains("effectiveFrom");
        var noReason = http.put(rules, "{\"replyToExCountsAsBreach\":true,\"exContactRestartsPeriod\":true}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(http.put(rules, "{\"replyToExCountsAsBreach\":false,\"exContactRestartsPeriod\":false,"
                                   + "\"reason\":\"same\"}").statusCode()).as("the rules in force already").isEqualTo(409);
        assertThat(http.post(rules + "/preview", "{\"replyToExCountsAsBreach\":true,\"exContactRestartsPeriod\":true,"
                             + "\"effectiveFrom\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(2) + "\"}").statusCode())
                .isEqualTo(400);

        assertThat(http.put(rules, "{\"replyToExCountsAsBreach\":true,\"exContactRestartsPeriod\":true,"
                                   + "\"reason\":\"We agreed that answering her counts.\"}").statusCode())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode live = Json.parse(http.get(row).body());
            assertThat(live.get("currentStreakDays").asInt()).isEqualTo(10);
            assertThat(live.get("longestStreakDays").asInt()).isEqualTo(10);
        });
        JsonNode inForce = Json.parse(asClient.get(rules).body());
        assertThat(inForce.at("/inForce/replyToExCountsAsBreach").asBoolean()).as("the client reads the rules").isTrue();
        assertThat(inForce.at("/changes/0/changeReason").asText()).isEqualTo("We agreed that answering her counts.");
        assertThat(inForce.at("/changes/0/retroactive").asBoolean()).isTrue();
        assertThat(Json.parse(http.get(row + "/timeline").body()).findValuesAsText("type"))
                .as("the change is on the client's timeline").contains("PlanBreachRulesChanged");

        String fiveDaysAfter = "?asOf=" + exTexted.plus(5, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS);
        assertThat(Json.parse(http.get(row + fiveDaysAfter).body()).get("currentStreakDays").asInt())
                .as("as it happened: under the rules now in force").isEqualTo(5);
        assertThat(Json.parse(http.get(row + fiveDaysAfter + "&clock=RECORDED").body()).get("currentStreakDays").asInt())
                .as("as the coach saw it then: before the change").isEqualTo(15);

        JsonNode live = withoutAsOf(Json.parse(http.get(row).body()));
        Http admin = new Http(port).as(TestIssuer.get().admin("admin-practice"));
        assertThat(admin.post("/api/admin/projections/coach-dashboard/rebuild", "").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var rebuilt = http.get(row);
            assertThat(rebuilt.statusCode()).isEqualTo(200);
            assertThat(withoutAsOf(Json.parse(rebuilt.body()))).isEqualTo(live);
        });
    }

    /**
     * The preview names the plan steps and risk flags a change would change: the ex's message yesterday ended the
     * plan's attempt at day 19 (a reply is a breach on this plan) and flags a breach in 48 hours; "answering is no
     * breach" with an 18-day target, retroactively, would complete the no-contact step and drop the flag.
     */
    @Test
    void thePreviewNamesTheStepsAndFlagsTheChangeWouldChange() {
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID();
        Http http = asCoach(coach);
        Instant now = Instant.now();
        Instant start = now.minus(20, ChronoUnit.DAYS);
        LocalDate startDate = LocalDate.ofInstant(start, ZoneOffset.UTC);
        String programId = "prog-" + UUID.randomUUID().toString().substring(0, 8);
        send(ContentTopic.NAME, UUID.randomUUID().toString(), ProgramVersionPublished.TYPE, programId,
             new ProgramVersionPublished(programId, 1, "Rules", "s", List.of(new ProgramPhase("p1", "Phase", List.of(
                     new ProgramStep("nc", "NO_CONTACT_PERIOD", "Space", "g", 0, 30, null, 25, null)))), now), now);
        String assignment = "{\"clientId\":\"" + client + "\",\"coachId\":\"" + coach + "\",\"programId\":\""
                            + programId + "\",\"programVersion\":1,\"startDate\":\"" + startDate
                            + "\",\"timezone\":\"UTC\",\"replyToExCountsAsBreach\":true}";
        await().atMost(Duration.ofSeconds(30)).until(() -> http.post("/api/plans", assignment).statusCode() == 201);
        String planId = await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode plans = Json.parse(http.get("/api/plans?clientId=" + client).body());
            return plans.size() == 1 ? plans.get(0).get("planId").asText() : null;
        }, id -> id != null);
        Instant exWrote = start.plus(19, ChronoUnit.DAYS);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactStarted.TYPE, client,
             new NoContactStarted(client, "period", 30, start), start);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactBroken.TYPE, client,
             new NoContactBroken(client, "period", "b1", "MESSAGE", "EX", 19, exWrote), exWrote);

        String preview = "/api/plans/" + planId + "/breach-rules/preview";
        String lenient = "{\"replyToExCountsAsBreach\":false,\"exContactRestartsPeriod\":false,\"noContactTargetDays\":18}";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode answer = Json.parse(http.post(preview, lenient).body());
            assertThat(answer.at("/before/breachesCounted").asInt()).isEqualTo(1);
            assertThat(answer.get("flagsDisappearing").toString()).contains("BREACH_IN_48H");
            assertThat(answer.get("flagsAppearing")).isEmpty();
            assertThat(answer.get("steps")).hasSize(1);
            assertThat(answer.at("/steps/0/stepId").asText()).isEqualTo("nc");
            assertThat(answer.at("/steps/0/title").asText()).isEqualTo("Space");
            assertThat(answer.at("/steps/0/before").asText()).isEqualTo("OPEN");
            assertThat(answer.at("/steps/0/after").asText()).isEqualTo("COMPLETED");
        });
        assertThat(Json.parse(http.get("/api/plans/" + planId).body()).toString())
                .as("a preview changes no step").doesNotContain("COMPLETED");
        JsonNode fromToday = Json.parse(http.post(preview, "{\"replyToExCountsAsBreach\":false,"
                + "\"exContactRestartsPeriod\":false,\"effectiveFrom\":\"" + LocalDate.now(ZoneOffset.UTC) + "\"}").body());
        assertThat(fromToday.get("steps")).as("from today on: yesterday's message stays as counted").isEmpty();
        assertThat(fromToday.get("flagsDisappearing")).isEmpty();
    }

    private static JsonNode withoutAsOf(JsonNode row) {
        ((ObjectNode) row).remove("asOf");
        return row;
    }
}
