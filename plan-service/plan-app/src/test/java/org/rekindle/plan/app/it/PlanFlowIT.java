package org.rekindle.plan.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.content.events.ContentTopic;
import org.rekindle.content.events.ProgramPhase;
import org.rekindle.content.events.ProgramStep;
import org.rekindle.content.events.ProgramVersionPublished;
import org.rekindle.journal.events.ApologyDrafted;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.MoodCheckedIn;
import org.rekindle.journal.events.NoContactStarted;
import org.rekindle.journal.events.ReflectionCompleted;
import org.rekindle.plan.events.PlanStepOverdue;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.embedded.SharedTestInfrastructure;
import org.rekindle.platform.publishing.CloudEventJson;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.PublishedContract;
import org.rekindle.platform.testing.TestIssuer;
import org.rekindle.platform.testing.TopicRecorder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * plan-service against real Kafka: it learns a program version from content-service's CloudEvents, a coach assigns
 * it over HTTP, and the client's journal CloudEvents complete steps (a record delivered twice counts once); the
 * plan's own events are published. Producers here write exactly the producers' wire format (CloudEventJson and the
 * producers' contract records, pinned by their golden JSON).
 */
class PlanFlowIT extends PlanServiceIT {

    @Test
    void journalActivityCompletesTheStepsOfAnAssignedPlan() throws Exception {
        Http http = asCoach("coach-maya");
        String programId = "prog-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID();
        Instant now = Instant.now();
        send(ContentTopic.NAME, UUID.randomUUID().toString(), ProgramVersionPublished.TYPE, programId,
             new ProgramVersionPublished(programId, 1, "Test program", "s", List.of(new ProgramPhase("p1", "Phase", List.of(
                     new ProgramStep("why", "REFLECTION_PROMPT", "Why?", "g", 0, 3, "understand-why", null, null),
                     new ProgramStep("apology", "APOLOGY_DRAFT", "Apology", "g", 5, null, null, null, null),
                     new ProgramStep("mood", "MOOD_CHECK_IN_HABIT", "Check in", "g", 1, null, null, null, 2),
                     new ProgramStep("read", "READING", "Read", "g", 2, null, null, null, null)))), now), now);
        sendRaw(ContentTopic.NAME, programId, "{not json");

        try (TopicRecorder planTopic = new TopicRecorder(SharedTestInfrastructure.kafka().bootstrapServers(),
                                                         PlanTopic.NAME);
             TopicRecorder deadLetters = new TopicRecorder(SharedTestInfrastructure.kafka().bootstrapServers(),
                                                           JournalTopic.NAME + ".plan-service.DLT")) {
            String body = "{\"clientId\":\"" + client + "\",\"coachId\":\"coach-maya\",\"programId\":\"" + programId
                          + "\",\"programVersion\":1,\"startDate\":\"2026-11-01\",\"timezone\":\"Europe/Lisbon\"}";
            await().atMost(Duration.ofSeconds(30)).until(() -> http.post("/api/plans", body).statusCode() != 404);
            String planId = planIdOf(http, client);
            assertThat(http.post("/api/plans", body).statusCode()).as("one active plan per client").isEqualTo(409);
            var badZone = http.post("/api/plans", body.replace("Europe/Lisbon", "Mars/Olympus"));
            assertThat(badZone.statusCode()).as("a bad zone is said first, not hidden behind the active plan")
                                            .isEqualTo(400);
            assertThat(badZone.body()).contains("timezone");
            var everyField = http.post("/api/plans", body.replace("Europe/Lisbon", "Mars/Olympus")
                                                         .replace("\"startDate\":\"2026-11-01\",", ""));
            assertThat(everyField.statusCode()).isEqualTo(400);
            assertThat(Json.parse(everyField.body()).get("errors").findValuesAsText("field"))
                    .as("every invalid field in one answer").contains("timezone", "startDate");

            String moodEvent = UUID.randomUUID().toString();
            send(JournalTopic.NAME, UUID.randomUUID().toString(), ReflectionCompleted.TYPE, client,
                 new ReflectionCompleted(client, "e1", "understand-why", now), now);
            sendRaw(JournalTopic.NAME, client, "{not a cloud event"); // same partition: most likely the same poll
            send(JournalTopic.NAME, moodEvent, MoodCheckedIn.TYPE, client, new MoodCheckedIn(client, "m1", 3, null, now),
                 now);
            send(JournalTopic.NAME, moodEvent, MoodCheckedIn.TYPE, client, new MoodCheckedIn(client, "m1", 3, null, now), now);
            send(JournalTopic.NAME, UUID.randomUUID().toString(), ApologyDrafted.TYPE, client,
                 new ApologyDrafted(client, "a1", 1, now), now);

            String plan = planId;
            Http theClient = new Http(port).as(TestIssuer.get().client(client, "coach-maya"));
            Http otherCoach = asCoach("coach-leo");
            assertThat(theClient.get("/api/plans/" + plan).statusCode()).isEqualTo(200);
            assertThat(theClient.get("/api/plans?clientId=" + client).statusCode()).isEqualTo(200);
            assertThat(theClient.post("/api/plans/" + plan + "/pause", "").statusCode()).as("the coach's call")
                    .isEqualTo(403);
            assertThat(otherCoach.get("/api/plans/" + plan).statusCode()).isEqualTo(403);
            assertThat(otherCoach.get("/api/plans?clientId=" + client).statusCode()).isEqualTo(403);
            assertThat(otherCoach.post("/api/plans/" + plan + "/steps/why/complete", "").statusCode()).isEqualTo(403);
            assertThat(otherCoach.get("/api/plans?coachId=coach-maya").statusCode()).isEqualTo(403);
            assertThat(new Http(port).get("/api/plans/" + plan).statusCode()).isEqualTo(401);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode view = Json.parse(http.get("/api/plans/" + plan).body());
                assertThat(status(view, "why")).isEqualTo("COMPLETED");
                assertThat(status(view, "apology")).isEqualTo("COMPLETED");
                assertThat(step(view, "mood").get("counted").asInt()).as("a redelivered check-in counts once")
                                                                   .isEqualTo(1);
                assertThat(status(view, "mood")).isEqualTo("OPEN");
                assertThat(step(view, "why").get("completedBy").asText()).isEqualTo("JOURNAL");
                assertThat(step(view, "apology").get("dueDate").asText()).isEqualTo("2026-11-06");
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    deadLetters.recordsWithKey(client)).as("the unreadable record parked once, the rest recorded")
                    .hasSize(1));
            send(JournalTopic.NAME, UUID.randomUUID().toString(), MoodCheckedIn.TYPE, client,
                 new MoodCheckedIn(client, "m2", 4, 7.0, now), now);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    status(Json.parse(http.get("/api/plans/" + plan).body()), "mood")).isEqualTo("COMPLETED"));

            assertThat(http.post("/api/plans/" + plan + "/steps/read/skip", "{\"reason\":\"read it before\"}")
                           .statusCode()).isEqualTo(204);
            assertThat(http.post("/api/plans/" + plan + "/steps/why/reopen", "").statusCode()).isEqualTo(204);
            assertThat(http.post("/api/plans/" + plan + "/steps/nope/complete", "").statusCode()).isEqualTo(404);
            assertThat(http.post("/api/plans/plan-nope/pause", "").statusCode()).isEqualTo(404);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    planTopic.recordsWithKey(client).stream().map(r -> Json.parse(r.value()).get("type").asText()))
                    .contains("rekindle.plan.PlanAssigned.v1", "rekindle.plan.PlanStepCompleted.v1",
                              "rekindle.plan.PlanStepSkipped.v1", "rekindle.plan.PlanStepReopened.v1"));
        }
    }

    @Test
    void timePassingMakesOpenStepsOverdueAndARunningNoContactAttemptCompletesItsStep() throws Exception {
        Http http = asCoach("coach-maya");
        String programId = "prog-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID();
        Instant now = Instant.now();
        send(ContentTopic.NAME, UUID.randomUUID().toString(), ProgramVersionPublished.TYPE, programId,
             new ProgramVersionPublished(programId, 1, "Timed program", "s", List.of(new ProgramPhase("p1", "Phase",
                     List.of(new ProgramStep("read", "READING", "Read", "g", 0, null, null, null, null),
                             new ProgramStep("nc", "NO_CONTACT_PERIOD", "No contact", "g", 45, 30, null, 30, null),
                             new ProgramStep("later", "EXERCISE", "Later", "g", 400, null, null, null, null)))),
                     now), now);
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(40);
        try (TopicRecorder planTopic = new TopicRecorder(SharedTestInfrastructure.kafka().bootstrapServers(),
                                                         PlanTopic.NAME)) {
            String body = "{\"clientId\":\"" + client + "\",\"coachId\":\"coach-maya\",\"programId\":\"" + programId
                          + "\",\"programVersion\":1,\"startDate\":\"" + start + "\",\"timezone\":\"Asia/Tokyo\"}";
            await().atMost(Duration.ofSeconds(30)).until(() -> http.post("/api/plans", body).statusCode() != 404);
            String plan = planIdOf(http, client);
            Instant startedAt = now.minus(Duration.ofDays(31));
            send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactStarted.TYPE, client,
                 new NoContactStarted(client, "period-1", 30, startedAt), startedAt);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode view = Json.parse(http.get("/api/plans/" + plan).body());
                assertThat(step(view, "read").hasNonNull("overdueSince")).as("past its due day").isTrue();
                assertThat(status(view, "read")).isEqualTo("OPEN");
                assertThat(status(view, "nc")).as("30 days without contact").isEqualTo("COMPLETED");
                assertThat(step(view, "nc").get("completedBy").asText()).isEqualTo("JOURNAL");
                assertThat(step(view, "later").hasNonNull("overdueSince")).isFalse();
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    planTopic.recordsWithKey(client).stream().map(r -> Json.parse(r.value()))
                             .filter(e -> e.get("type").asText().equals(PlanStepOverdue.TYPE))
                             .map(e -> e.get("data").get("stepId").asText()))
                    .as("published once, the not-yet-due step not at all").containsExactly("read"));
        }
    }

    @Test
    void aCoachReplacesAPlanTheOldOneStaysInHistoryAndActivityGoesToTheNewOne() throws Exception {
        Http http = asCoach("coach-maya");
        String client = "client-" + UUID.randomUUID();
        String first = publishedProgram("why");
        String second = publishedProgram("apology");
        try (TopicRecorder planTopic = new TopicRecorder(SharedTestInfrastructure.kafka().bootstrapServers(),
                                                         PlanTopic.NAME)) {
            String body = "{\"clientId\":\"" + client + "\",\"coachId\":\"coach-maya\",\"programId\":\"" + first
                          + "\",\"programVersion\":1,\"startDate\":\"2026-11-01\",\"timezone\":\"Europe/Lisbon\"}";
            await().atMost(Duration.ofSeconds(30)).until(() -> http.post("/api/plans", body).statusCode() == 201);
            String old = planIdOf(http, client);
            String replacement = "{\"programId\":\"" + second + "\",\"programVersion\":1,\"startDate\":\"2026-11-20\","
                                 + "\"timezone\":\"Europe/Lisbon\",\"reason\":\"A gentler pace after a hard month.\"}";
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/plans/" + old).statusCode() == 200);

            var noReason = http.post("/api/plans/" + old + "/replacement", replacement.replace(
                    "A gentler pace after a hard month.", " "));
            assertThat(noReason.statusCode()).isEqualTo(400);
            assertThat(Json.parse(noReason.body()).get("errors").findValuesAsText("field")).contains("reason");
            assertThat(asCoach("coach-leo").post("/api/plans/" + old + "/replacement", replacement).statusCode())
                    .as("only the plan's coach").isEqualTo(403);
            assertThat(new Http(port).as(TestIssuer.get().client(client, "coach-maya"))
                                     .post("/api/plans/" + old + "/replacement", replacement).statusCode())
                    .as("not the client").isEqualTo(403);

            var replaced = http.post("/api/plans/" + old + "/replacement", replacement);
            assertThat(replaced.statusCode()).isEqualTo(201);
            String fresh = Json.parse(replaced.body()).get("planId").asText();
            assertThat(http.post("/api/plans/" + old + "/replacement", replacement).statusCode())
                    .as("a replaced plan is not replaced twice").isEqualTo(409);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode oldView = Json.parse(http.get("/api/plans/" + old).body());
                assertThat(oldView.get("outcome").asText()).isEqualTo("REPLACED");
                assertThat(oldView.get("replacedBy").get("planId").asText()).isEqualTo(fresh);
                assertThat(oldView.get("replacedBy").get("reason").asText())
                        .isEqualTo("A gentler pace after a hard month.");
                JsonNode freshView = Json.parse(http.get("/api/plans/" + fresh).body());
                assertThat(freshView.get("outcome").asText()).isEqualTo("ACTIVE");
                assertThat(freshView.get("programId").asText()).isEqualTo(second);
            });
            assertThat(http.put("/api/plans/" + old + "/outcome", "{\"outcome\":\"MOVED_ON\"}").statusCode())
                    .as("a replaced plan keeps its outcome").isEqualTo(409);

            Instant now = Instant.now();
            send(JournalTopic.NAME, UUID.randomUUID().toString(), ApologyDrafted.TYPE, client,
                 new ApologyDrafted(client, "a1", 1, now), now);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    status(Json.parse(http.get("/api/plans/" + fresh).body()), "apology")).isEqualTo("COMPLETED"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode row = Json.parse(http.get("/api/dashboard/clients/" + client).body());
                assertThat(row.get("planId").asText()).isEqualTo(fresh);
                assertThat(row.get("planStatus").asText()).isEqualTo("ACTIVE");
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    planTopic.recordsWithKey(client).stream().map(r -> Json.parse(r.value()).get("type").asText())
                             .filter(type -> !type.contains("Step")))
                    .as("the replacement, then the new plan, on the client's key")
                    .containsExactly("rekindle.plan.PlanAssigned.v1", "rekindle.plan.PlanReplaced.v1",
                                     "rekindle.plan.PlanAssigned.v1"));
        }
    }

    /** Publishes a one-step program on content-service's topic and returns its id. */
    private static String publishedProgram(String stepKind) {
        String programId = "prog-" + UUID.randomUUID().toString().substring(0, 8);
        ProgramStep step = "why".equals(stepKind)
                           ? new ProgramStep("why", "REFLECTION_PROMPT", "Why?", "g", 0, null, "understand-why", null,
                                             null)
                           : new ProgramStep("apology", "APOLOGY_DRAFT", "Apology", "g", 5, null, null, null, null);
        Instant now = Instant.now();
        send(ContentTopic.NAME, UUID.randomUUID().toString(), ProgramVersionPublished.TYPE, programId,
             new ProgramVersionPublished(programId, 1, "Program " + stepKind, "s",
                                         List.of(new ProgramPhase("p1", "Phase", List.of(step))), now), now);
        return programId;
    }

    @Test
    void whatThePublisherWritesMatchesTheAsyncApiDocumentItServes() {
        JsonNode document = PublishedContract.served(new Http(port), "plan-service");
        Http http = asCoach("coach-maya");
        String programId = publishedProgram("apology");
        String client = "client-" + UUID.randomUUID();
        String body = "{\"clientId\":\"" + client + "\",\"coachId\":\"coach-maya\",\"programId\":\"" + programId
                      + "\",\"programVersion\":1,\"startDate\":\"2026-11-01\",\"timezone\":\"Europe/Lisbon\"}";
        await().atMost(Duration.ofSeconds(30)).until(() -> http.post("/api/plans", body).statusCode() != 404);
        String planId = planIdOf(http, client);
        assertThat(http.post("/api/plans/" + planId + "/steps/apology/complete", "").statusCode())
                .as("completed by the coach: no cause event").isEqualTo(204);

        String bootstrap = SharedTestInfrastructure.kafka().bootstrapServers();
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicRecorder.everything(bootstrap, PlanTopic.NAME).stream()
                .anyMatch(record -> client.equals(record.key())
                                    && record.value().contains("rekindle.plan.PlanStepCompleted.v1")));
        assertThat(PublishedContract.assertPublishedRecordsMatch(document, bootstrap)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void badAssignmentsAreProblems() {
        Http http = asCoach("coach-maya");
        assertThat(http.post("/api/plans", "{\"clientId\":\"c\",\"coachId\":\"coach-maya\",\"programId\":\"nope\","
                             + "\"programVersion\":1,\"startDate\":\"2026-11-01\",\"timezone\":\"UTC\"}").statusCode())
                .isEqualTo(404);
        assertThat(http.post("/api/plans", "{\"clientId\":\"c\",\"coachId\":\"coach-leo\",\"programId\":\"nope\","
                             + "\"programVersion\":1,\"startDate\":\"2026-11-01\",\"timezone\":\"UTC\"}").statusCode())
                .as("a coach assigns only as themself").isEqualTo(403);
        assertThat(http.post("/api/plans", "{\"clientId\":\"c\",\"coachId\":\"k\",\"programId\":\"nope\","
                             + "\"programVersion\":1,\"startDate\":\"yesterday\",\"timezone\":\"UTC\"}").statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/plans/nope").statusCode()).isEqualTo(404);
    }

    private static String planIdOf(Http http, String client) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode plans = Json.parse(http.get("/api/plans?clientId=" + client).body());
            return plans.size() == 1 ? plans.get(0).get("planId").asText() : null;
        }, id -> id != null);
    }

    private static JsonNode step(JsonNode plan, String stepId) {
        for (JsonNode step : plan.get("steps")) {
            if (stepId.equals(step.get("stepId").asText())) {
                return step;
            }
        }
        throw new AssertionError("no step " + stepId + " in " + plan);
    }

    private static String status(JsonNode plan, String stepId) {
        return step(plan, stepId).get("status").asText();
    }
}
