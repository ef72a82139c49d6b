package org.rekindle.journal.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.events.CoachSees;
import org.rekindle.platform.testing.HiddenFields;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.OpenApiFields;
import org.rekindle.platform.testing.TestIssuer;

import java.net.http.HttpResponse;
import java.time.Duration;
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
 * No journal endpoint gives a coach what the client's consent keeps from them. The endpoints come from the
 * service's OpenAPI document: every GET of a client is called as the client's coach under no consent, each kind
 * alone and everything; what answers 200 is searched. Entries are the client's one-by-one choice: an entry
 * endpoint may only ever return shared entries. Every field the coach can get outside entries must be classified
 * here, so a new field fails this test until someone decides who may see it.
 */
class ConsentFieldsIT extends EmbeddedStackTest {

    private static final Map<String, String> NEEDS = Map.ofEntries(
            entry("active", "STREAK"), entry("periodId", "STREAK"), entry("targetDays", "STREAK"),
            entry("periodStartedAt", "STREAK"), entry("currentStreakDays", "STREAK"),
            entry("longestStreakDays", "STREAK"), entry("targetReached", "STREAK"), entry("attempts", "STREAK"),
            entry("startedAt", "STREAK"), entry("endedAt", "STREAK"), entry("days", "STREAK"),
            entry("endedBy", "STREAK"), entry("initiatedBy", "CONTACT_DETAILS"),
            // the weekly WHO-5 (GET /well-being): a check-in like a mood check-in
            entry("checkIns", "MOOD_TREND"), entry("checkInId", "MOOD_TREND"), entry("week", "MOOD_TREND"),
            entry("items", "MOOD_TREND"), entry("rawScore", "MOOD_TREND"), entry("percentage", "MOOD_TREND"),
            entry("occurredAt", "MOOD_TREND"));

    /** Fields a coach of the client always sees: who, when, and the consent itself. */
    private static final Set<String> ALWAYS = Set.of("clientId", "asOf", "coachSees", "byDefault", "changedAt");

    private static final String UNSHARED = "unshared-words-7f3a";

    private final TestIssuer issuer = TestIssuer.get();

    @Test
    void noEndpointGivesTheCoachWhatTheConsentKeeps() {
        JsonNode api = Json.parse(anonymous().get("/v3/api-docs").body());
        List<String> paths = OpenApiFields.getPaths(api, path -> path.startsWith("/api/clients/{clientId}"));
        assertThat(paths).hasSizeGreaterThanOrEqualTo(5);
        List<List<String>> settings = HiddenFields.settings(Arrays.stream(CoachSees.values()).map(Enum::name).toList());
        Set<String> readByCoach = new HashSet<>();
        for (List<String> consent : settings) {
            String client = newClientId();
            String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
            String shared = journalWithEverything(client, coach, consent);
            Http theCoach = anonymous().as(issuer.coach(coach));
            List<String> expected = consent.stream().sorted().toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> coachSees(theCoach, client).equals(expected));
            Set<String> allowed = Set.copyOf(consent);
            for (String path : paths) {
                String url = path.replace("{clientId}", client).replace("{entryId}", shared)
                                 .replace("{sessionId}", "no-such-session");
                HttpResponse<String> response = theCoach.get(url);
                if (response.statusCode() != 200 || !response.headers().firstValue("Content-Type").orElse("")
                                                                   .startsWith("application/json")) {
                    continue;
                }
                readByCoach.add(path);
                JsonNode body = Json.parse(response.body());
                if (path.contains("/entries") || path.contains("/shared/")) {
                    assertOnlyShared(body, consent + " " + url);
                } else {
                    HiddenFields.assertNothingHidden(body, (parent, field) -> NEEDS.get(field), allowed,
                                                     consent + " " + url);
                }
            }
        }
        // The conversation is not consent-gated: a message is something the client chose to send their coach
        // (who may read it is ConversationIT's: the two participants only). Nor are sessions: the coach's own
        // appointments with the client (who may read them is SessionsIT's and the access matrix's).
        List<String> classified = readByCoach.stream()
                .filter(path -> !path.contains("/entries") && !path.contains("/shared/")
                                && !path.contains("/conversation") && !path.contains("/sessions")).toList();
        Set<String> unclassified = new HashSet<>(OpenApiFields.responseProperties(api, classified));
        unclassified.removeAll(NEEDS.keySet());
        unclassified.removeAll(ALWAYS);
        assertThat(classified).as("what a coach can read besides entries").isNotEmpty();
        assertThat(unclassified).as("fields a coach can read that nobody classified by consent").isEmpty();
    }

    /** A journal with a breach the ex initiated, a mood with sleep, a WHO-5, an urge, two reflections (one shared). */
    private String journalWithEverything(String client, String coach, List<String> consent) {
        Http own = http(client);
        String base = "/api/clients/" + client;
        own.post(base + "/contact-log/no-contact-periods", "{\"targetDays\":30}");
        own.post(base + "/contact-log/breaches", "{\"channel\":\"CALL\",\"initiatedBy\":\"EX\"}");
        own.post(base + "/journal/mood-check-ins", "{\"score\":2,\"sleepHours\":5.5}");
        own.post(base + "/journal/well-being-check-ins", "{\"items\":[2,2,1,1,1]}");
        own.post(base + "/contact-log/urges", "{\"resisted\":false}");
        own.post(base + "/journal/reflections", "{\"promptId\":\"understand-why\",\"text\":\"" + UNSHARED + "\"}");
        String shared = Json.parse(own.post(base + "/journal/reflections",
                "{\"promptId\":\"own-your-part\",\"text\":\"for my coach\"}").body()).get("entryId").asText();
        own.put(base + "/journal/entries/" + shared + "/share");
        String names = String.join(",", consent.stream().map(name -> "\"" + name + "\"").toList());
        assertThat(own.put(base + "/consent", "{\"coachSees\":[" + names + "]}").statusCode()).isEqualTo(200);
        JournalAccessIT.assign(client, coach);
        return shared;
    }

    private static List<String> coachSees(Http coach, String client) {
        HttpResponse<String> response = coach.get("/api/clients/" + client + "/consent");
        List<String> names = new ArrayList<>();
        if (response.statusCode() == 200) {
            Json.parse(response.body()).get("coachSees").forEach(name -> names.add(name.asText()));
            names.sort(null);
            return names;
        }
        return List.of("(not yet the coach)");
    }

    private static void assertOnlyShared(JsonNode body, String where) {
        List<JsonNode> entries = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(entries::add);
        } else if (body.has("entries")) {
            body.get("entries").forEach(entries::add);
        } else if (body.has("entryId")) {
            entries.add(body);
        }
        entries.forEach(entry -> assertThat(entry.path("shared").asBoolean(true)).as(where).isTrue());
        assertThat(body.toString()).as(where).doesNotContain(UNSHARED);
    }
}
