package org.rekindle.plan.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.content.events.ContentTopic;
import org.rekindle.content.events.ProgramPhase;
import org.rekindle.content.events.ProgramStep;
import org.rekindle.content.events.ProgramVersionPublished;
import org.rekindle.journal.events.CoachSees;
import org.rekindle.journal.events.ConsentChanged;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.MoodCheckedIn;
import org.rekindle.journal.events.NoContactBroken;
import org.rekindle.journal.events.NoContactStarted;
import org.rekindle.journal.events.ReflectionCompleted;
import org.rekindle.journal.events.UrgeRecorded;
import org.rekindle.platform.testing.HiddenFields;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.OpenApiFields;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No endpoint of plan-service returns what the client's consent keeps from the coach. The endpoints and fields come
 * from the service's own OpenAPI document: every property a GET response can carry must be classified here (the
 * consent it needs, or none), so a new field fails this test until someone decides who may see it. Then, for no
 * consent, each kind alone and all, every GET endpoint (dashboard, time travel, timeline, plans) is called as the
 * client's coach and its JSON searched.
 */
class ConsentFieldsIT extends PlanServiceIT {

    /** Response properties and the consent a coach needs to see them. */
    private static final Map<String, String> NEEDS = Map.ofEntries(
            entry("currentPhase", "PLAN_PROGRESS"), entry("percentDone", "PLAN_PROGRESS"),
            entry("overdueSteps", "PLAN_PROGRESS"), entry("currentStreakDays", "STREAK"),
            entry("longestStreakDays", "STREAK"), entry("noContactActive", "STREAK"), entry("targetDays", "STREAK"),
            entry("breachesLast7Days", "STREAK"), entry("moodTrend", "MOOD_TREND"),
            entry("wellBeingTrend", "MOOD_TREND"));

    /** A plan step's state is the client's progress; the rest of a step is what the coach assigned. */
    private static final Map<String, String> STEP_NEEDS = Map.of(
            "status", "PLAN_PROGRESS", "completedBy", "PLAN_PROGRESS", "completedAt", "PLAN_PROGRESS",
            "overdueSince", "PLAN_PROGRESS", "counted", "PLAN_PROGRESS", "reason", "PLAN_PROGRESS");

    /**
     * Response properties any coach of the client sees (who, when, what they assigned, the flags allowed; attention
     * and reasons are read only from what the consent shows, DashboardRowTest holds that).
     */
    private static final Set<String> ALWAYS = Set.of(
            "clientId", "coachId", "planId", "lastActivityAt", "riskFlags", "coachSees", "asOf", "eventId", "type",
            "planStatus", "attention", "reasons", "visitAt", "previousVisitAt",
            "time", "data", "programId", "programVersion", "startDate", "timezone", "replyToExCountsAsBreach",
            "outcome", "paused", "assignedAt", "steps", "stepId", "phaseId", "kind", "title", "dueDate", "promptId",
            "checkIns", "recordedAt", "replacedBy",
            // the plan's breach rules: the coach's own settings, nothing the client logged
            "inForce", "assigned", "changes", "rules", "exContactRestartsPeriod", "noContactTargetDays",
            "effectiveFrom", "retroactive", "changeReason", "changedBy", "changedAt");

    /** Fields inside a timeline event's data (a free map in the schema) that need a consent of their own. */
    private static final Map<String, String> DATA_FIELDS = Map.of(
            "sleepHours", "SLEEP", "channel", "CONTACT_DETAILS", "initiatedBy", "CONTACT_DETAILS", "resisted",
            "URGES", "score", "MOOD_TREND");

    /** Timeline event types and the consent they need. */
    private static final Map<String, String> EVENT_TYPES = Map.of(
            "MoodCheckedIn", "MOOD_TREND", "UrgeRecorded", "URGES", "ReflectionCompleted", "JOURNAL_ACTIVITY",
            "NoContactStarted", "STREAK", "NoContactBroken", "STREAK", "PlanAssigned", "PLAN_PROGRESS",
            "PlanStepCompleted", "PLAN_PROGRESS");

    @Test
    void everyResponseFieldIsClassified() {
        JsonNode api = Json.parse(new Http(port).get("/v3/api-docs").body());
        Set<String> properties = OpenApiFields.responseProperties(api, OpenApiFields.getPaths(api, ConsentFieldsIT::aboutClients));
        assertThat(properties).as("properties of the responses").contains("moodTrend", "steps", "status");
        Set<String> unclassified = new HashSet<>(properties);
        unclassified.removeAll(NEEDS.keySet());
        unclassified.removeAll(STEP_NEEDS.keySet());
        unclassified.removeAll(ALWAYS);
        assertThat(unclassified).as("response fields nobody decided the consent of").isEmpty();
    }

    @Test
    void noEndpointReturnsWhatTheConsentKeepsFromTheCoach() {
        JsonNode api = Json.parse(new Http(port).get("/v3/api-docs").body());
        List<String> paths = OpenApiFields.getPaths(api, ConsentFieldsIT::aboutClients);
        String programId = publishedProgram();
        for (List<String> consent : HiddenFields.settings(Arrays.stream(CoachSees.values()).map(Enum::name).toList())) {
            String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
            Http http = asCoach(coach);
            String client = "fields-" + UUID.randomUUID();
            String planId = assignedPlan(http, programId, client, coach);
            journalWithEveryKindOfEvent(client, consent);
            List<String> expected = consent.stream().sorted().toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> coachSees(http, client).equals(expected));
            if (consent.contains("PLAN_PROGRESS")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/plans/" + planId).body()
                                                                      .contains("\"COMPLETED\""));
            }
            Set<String> allowed = Set.copyOf(consent);
            List<String> urls = new ArrayList<>();
            for (String path : paths) {
                String url = path.replace("{clientId}", client).replace("{coachId}", coach).replace("{planId}", planId);
                urls.addAll(path.equals("/api/plans") ? List.of(url + "?clientId=" + client, url + "?coachId=" + coach)
                                                      : List.of(url));
                if (path.equals("/api/dashboard/clients/{clientId}")) {
                    urls.add(url + "?asOf=" + Instant.now().minus(1, ChronoUnit.MINUTES));
                }
            }
            for (String url : urls) {
                HttpResponse<String> response = http.get(url);
                assertThat(response.statusCode()).as(consent + " " + url).isEqualTo(200);
                JsonNode body = Json.parse(response.body());
                assertNoEventHidden(body, allowed, consent + " " + url);
                HiddenFields.assertNothingHidden(body, ConsentFieldsIT::needs, allowed, consent + " " + url);
            }
        }
    }

    /**
     * The paths that answer about clients. The admin's projection endpoints answer processing counts about no one, and
     * a coach gets 403 there (PlanAccessMatrixIT); a practice's default breach rules are the practice's settings, about
     * no client.
     */
    private static boolean aboutClients(String path) {
        return !path.startsWith("/api/admin/") && !path.startsWith("/api/practices/");
    }

    private static String needs(String parent, String field) {
        return switch (parent) {
            case "steps" -> STEP_NEEDS.get(field);
            case "data" -> DATA_FIELDS.get(field);
            default -> NEEDS.get(field);
        };
    }

    private static void assertNoEventHidden(JsonNode body, Set<String> allowed, String where) {
        if (!body.isArray()) {
            return;
        }
        for (JsonNode event : body) {
            if (event.has("type") && event.has("data")) {
                String needed = EVENT_TYPES.get(event.get("type").asText());
                assertThat(needed == null || allowed.contains(needed)).as(where + ": event " + event.get("type"))
                                                                      .isTrue();
            }
        }
    }

    private static List<String> coachSees(Http coach, String client) {
        JsonNode seen = Json.parse(coach.get("/api/dashboard/clients/" + client).body()).path("coachSees");
        List<String> names = new ArrayList<>();
        seen.forEach(name -> names.add(name.asText()));
        return seen.isArray() ? names : List.of("(no row yet)");
    }

    private static String publishedProgram() {
        String programId = "prog-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        send(ContentTopic.NAME, UUID.randomUUID().toString(), ProgramVersionPublished.TYPE, programId,
             new ProgramVersionPublished(programId, 1, "Consent program", "s", List.of(new ProgramPhase("p1", "Phase",
                     List.of(new ProgramStep("why", "REFLECTION_PROMPT", "Why?", "g", 0, 3, "understand-why", null, null),
                             new ProgramStep("mood", "MOOD_CHECK_IN_HABIT", "Check in", "g", 1, null, null, null, 2),
                             new ProgramStep("read", "READING", "Read", "g", 2, null, null, null, null)))), now), now);
        return programId;
    }

    private static String assignedPlan(Http coach, String programId, String client, String coachId) {
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(5);
        String body = "{\"clientId\":\"" + client + "\",\"coachId\":\"" + coachId + "\",\"programId\":\"" + programId
                      + "\",\"programVersion\":1,\"startDate\":\"" + start + "\",\"timezone\":\"UTC\"}";
        await().atMost(Duration.ofSeconds(30)).until(() -> coach.post("/api/plans", body).statusCode() == 201);
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode plans = Json.parse(coach.get("/api/plans?clientId=" + client).body());
            return plans.size() == 1 ? plans.get(0).get("planId").asText() : null;
        }, id -> id != null);
    }

    private static void journalWithEveryKindOfEvent(String client, List<String> consent) {
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS);
        List<Map.Entry<Record, String>> journal = List.of(
                entry(new NoContactStarted(client, "period", 30, at), NoContactStarted.TYPE),
                entry(new MoodCheckedIn(client, "m", 2, 6.5, at), MoodCheckedIn.TYPE),
                entry(new UrgeRecorded(client, "u", true, at), UrgeRecorded.TYPE),
                entry(new ReflectionCompleted(client, "r", "understand-why", at), ReflectionCompleted.TYPE),
                entry(new NoContactBroken(client, "period", "b", "CALL", "EX", 0, at), NoContactBroken.TYPE),
                entry(new ConsentChanged(client, consent, at), ConsentChanged.TYPE));
        int i = 0;
        for (Map.Entry<Record, String> event : journal) {
            Instant time = at.plusSeconds(10L * ++i);
            send(JournalTopic.NAME, UUID.randomUUID().toString(), event.getValue(), client, event.getKey(), time);
        }
    }
}
