package org.rekindle.plan.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.CoachSees;
import org.rekindle.journal.events.ConsentChanged;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.MoodCheckedIn;
import org.rekindle.journal.events.NoContactBroken;
import org.rekindle.journal.events.NoContactStarted;
import org.rekindle.journal.events.ReflectionCompleted;
import org.rekindle.journal.events.UrgeRecorded;
import org.rekindle.plan.events.PlanAssigned;
import org.rekindle.plan.events.PlanStep;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.OpenApiFields;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No endpoint of the coach dashboard returns what the client's consent keeps from the coach. The fields come from
 * the service's own OpenAPI document: every property a dashboard response can carry must be classified here (the
 * consent it needs, or none), so a new field fails this test until someone decides who may see it. Then, for no
 * consent and for each kind alone, every GET endpoint of a client is called as the coach and its JSON searched.
 */
class ConsentFieldsIT extends PlanServiceIT {

    /** Response properties and the consent a coach needs to see them. */
    private static final Map<String, CoachSees> NEEDS = Map.ofEntries(
            entry("currentPhase", CoachSees.PLAN_PROGRESS), entry("percentDone", CoachSees.PLAN_PROGRESS),
            entry("overdueSteps", CoachSees.PLAN_PROGRESS), entry("currentStreakDays", CoachSees.STREAK),
            entry("longestStreakDays", CoachSees.STREAK), entry("noContactActive", CoachSees.STREAK),
            entry("targetDays", CoachSees.STREAK), entry("breachesLast7Days", CoachSees.STREAK),
            entry("moodTrend", CoachSees.MOOD_TREND));

    /** Response properties any coach of the client sees (who, when, what the client shares, the flags allowed). */
    private static final Set<String> ALWAYS = Set.of("clientId", "coachId", "planId", "lastActivityAt", "riskFlags",
                                                     "coachSees", "asOf", "eventId", "type", "time", "data");

    /** Fields inside a timeline event's data (a free map in the schema) that need a consent of their own. */
    private static final Map<String, CoachSees> DATA_FIELDS = Map.of(
            "sleepHours", CoachSees.SLEEP, "channel", CoachSees.CONTACT_DETAILS, "initiatedBy",
            CoachSees.CONTACT_DETAILS, "resisted", CoachSees.URGES, "score", CoachSees.MOOD_TREND);

    /** Timeline event types and the consent they need. */
    private static final Map<String, CoachSees> EVENT_TYPES = Map.of(
            "MoodCheckedIn", CoachSees.MOOD_TREND, "UrgeRecorded", CoachSees.URGES,
            "ReflectionCompleted", CoachSees.JOURNAL_ACTIVITY, "NoContactStarted", CoachSees.STREAK,
            "NoContactBroken", CoachSees.STREAK, "PlanAssigned", CoachSees.PLAN_PROGRESS);

    @Test
    void everyResponseFieldOfTheDashboardIsClassified() {
        JsonNode api = Json.parse(new Http(port).get("/v3/api-docs").body());
        Set<String> properties = OpenApiFields.responseProperties(api, dashboardPaths(api));
        assertThat(properties).as("properties of the dashboard's responses").isNotEmpty();
        Set<String> unclassified = new HashSet<>(properties);
        unclassified.removeAll(NEEDS.keySet());
        unclassified.removeAll(ALWAYS);
        assertThat(unclassified).as("response fields nobody decided the consent of").isEmpty();
    }

    @Test
    void noEndpointReturnsWhatTheConsentKeepsFromTheCoach() {
        JsonNode api = Json.parse(new Http(port).get("/v3/api-docs").body());
        List<String> clientPaths = dashboardPaths(api).stream().filter(path -> path.contains("{clientId}")).toList();
        assertThat(clientPaths).hasSizeGreaterThanOrEqualTo(2);
        List<List<String>> settings = new ArrayList<>();
        settings.add(List.of());
        for (CoachSees kind : CoachSees.values()) {
            settings.add(List.of(kind.name()));
        }
        for (List<String> consent : settings) {
            String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
            String client = clientWithEveryKindOfEvent(coach, consent);
            Http http = asCoach(coach);
            await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
                JsonNode seen = Json.parse(http.get("/api/dashboard/clients/" + client).body()).path("coachSees");
                List<String> names = new ArrayList<>();
                seen.forEach(name -> names.add(name.asText()));
                return seen.isArray() && names.equals(consent);
            });
            Set<CoachSees> allowed = new HashSet<>();
            consent.forEach(name -> allowed.add(CoachSees.valueOf(name)));
            for (String path : clientPaths) {
                String url = path.replace("{clientId}", client);
                JsonNode body = Json.parse(http.get(url).body());
                assertNothingHidden(body, allowed, consent + " " + url);
            }
            JsonNode past = Json.parse(http.get("/api/dashboard/clients/" + client + "?asOf="
                                                + Instant.now().minus(1, ChronoUnit.MINUTES)).body());
            assertNothingHidden(past, allowed, consent + " time travel");
        }
    }

    private static void assertNothingHidden(JsonNode node, Set<CoachSees> allowed, String where) {
        if (node.isArray()) {
            node.forEach(element -> assertNothingHidden(element, allowed, where));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("type") && node.has("data")) {
            CoachSees needed = EVENT_TYPES.get(node.get("type").asText());
            assertThat(needed == null || allowed.contains(needed)).as(where + ": event " + node.get("type")).isTrue();
            node.get("data").fieldNames().forEachRemaining(field -> {
                CoachSees fieldNeeds = DATA_FIELDS.get(field);
                assertThat(fieldNeeds == null || allowed.contains(fieldNeeds) || isPlanData(node))
                        .as(where + ": " + node.get("type") + "." + field).isTrue();
            });
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            CoachSees needed = NEEDS.get(field.getKey());
            assertThat(needed == null || allowed.contains(needed)).as(where + ": " + field.getKey()).isTrue();
            assertNothingHidden(field.getValue(), allowed, where);
        }
    }

    private static boolean isPlanData(JsonNode event) {
        return event.get("type").asText().startsWith("Plan");
    }

    private String clientWithEveryKindOfEvent(String coach, List<String> consent) {
        String client = "fields-" + UUID.randomUUID();
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS);
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        send(PlanTopic.NAME, UUID.randomUUID().toString(), PlanAssigned.TYPE, client, new PlanAssigned("plan-" + client,
                client, coach, "p", 1, day, "UTC", false, List.of(new PlanStep("s", "phase", "READING", "Read",
                                                                               day.minusDays(1))), at), at);
        List<Map.Entry<Record, String>> journal = List.of(
                entry(new NoContactStarted(client, "period", 30, at.plusSeconds(10)), NoContactStarted.TYPE),
                entry(new MoodCheckedIn(client, "m", 2, 6.5, at.plusSeconds(20)), MoodCheckedIn.TYPE),
                entry(new UrgeRecorded(client, "u", true, at.plusSeconds(30)), UrgeRecorded.TYPE),
                entry(new ReflectionCompleted(client, "r", "understand-why", at.plusSeconds(40)),
                      ReflectionCompleted.TYPE),
                entry(new NoContactBroken(client, "period", "b", "CALL", "EX", 0, at.plusSeconds(50)),
                      NoContactBroken.TYPE),
                entry(new ConsentChanged(client, consent, at.plusSeconds(60)), ConsentChanged.TYPE));
        int i = 0;
        for (Map.Entry<Record, String> event : journal) {
            Instant time = at.plusSeconds(10L * ++i);
            send(JournalTopic.NAME, UUID.randomUUID().toString(), event.getValue(), client, event.getKey(), time);
        }
        return client;
    }

    private static List<String> dashboardPaths(JsonNode api) {
        return OpenApiFields.getPaths(api, path -> path.startsWith("/api/dashboard/"));
    }
}
