package org.rekindle.journal.app.it;

import org.junit.jupiter.api.Test;
import org.rekindle.platform.testing.AccessMatrix;
import org.rekindle.platform.testing.AccessMatrix.Caller;
import org.rekindle.platform.testing.AccessMatrix.Row;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TestIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.rekindle.platform.testing.AccessMatrix.Caller.OWNER;
import static org.rekindle.platform.testing.AccessMatrix.Caller.OWN_COACH;
import static org.rekindle.platform.testing.AccessMatrix.row;

/** Every journal endpoint × every caller, on one client's journal (OWASP API1). */
class JournalAccessMatrixIT extends EmbeddedStackTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyEndpointAnswersOnlyTheCallersItShould() throws Exception {
        String client = newClientId();
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        TestIssuer issuer = TestIssuer.get();
        Http own = http(client);
        String base = "/api/clients/" + client;
        String entry = Json.parse(own.post(base + "/journal/reflections",
                "{\"promptId\":\"understand-why\",\"text\":\"t\"}").body()).get("entryId").asText();
        own.put(base + "/journal/entries/" + entry + "/share");
        String apology = Json.parse(own.post(base + "/journal/apologies", "{\"text\":\"sorry\"}").body())
                             .get("entryId").asText();
        String period = Json.parse(own.post(base + "/contact-log/no-contact-periods", "{\"targetDays\":30}").body())
                            .get("periodId").asText();
        String person = Json.parse(own.post(base + "/journal/persons", "{\"label\":\"my ex\",\"names\":[\"Alex\"]}")
                                      .body()).get("personId").asText();
        JournalAccessIT.assign(client, coach);
        Http coachHttp = anonymous().as(issuer.coach(coach));
        await().atMost(Duration.ofSeconds(30)).until(() -> coachHttp.get(base + "/streak").statusCode() == 200);
        String calendar = "/api/coaches/" + coach + "/calendar";
        coachHttp.put(calendar + "/availability", "{\"zone\":\"UTC\",\"minutes\":30,\"slots\":["
                + "{\"day\":\"MONDAY\",\"start\":\"09:00\"},{\"day\":\"TUESDAY\",\"start\":\"09:00\"},"
                + "{\"day\":\"WEDNESDAY\",\"start\":\"09:00\"},{\"day\":\"THURSDAY\",\"start\":\"09:00\"},"
                + "{\"day\":\"FRIDAY\",\"start\":\"09:00\"},{\"day\":\"SATURDAY\",\"start\":\"09:00\"},"
                + "{\"day\":\"SUNDAY\",\"start\":\"09:00\"}]}");
        var free = Json.parse(own.get(base + "/sessions/free-slots?weeks=2").body()).get("slots");
        String session = Json.parse(own.post(base + "/sessions", "{\"start\":\"" + free.at("/0/start").asText()
                                             + "\"}").body()).get("sessionId").asText();
        String laterSlot = free.at("/3/start").asText();

        List<Row> rows = List.of(
                row("POST", "/api/clients/{clientId}/journal/reflections", base + "/journal/reflections",
                    "{\"promptId\":\"p\",\"text\":\"t\"}", OWNER),
                row("POST", "/api/clients/{clientId}/journal/apologies", base + "/journal/apologies",
                    "{\"text\":\"t\"}", OWNER),
                row("POST", "/api/clients/{clientId}/journal/apologies/{entryId}/revisions",
                    base + "/journal/apologies/" + apology + "/revisions", "{\"text\":\"t2\"}", OWNER),
                row("POST", "/api/clients/{clientId}/journal/apology-feedback", base + "/journal/apology-feedback",
                    "{\"text\":\"sorry\"}", OWNER),
                row("POST", "/api/clients/{clientId}/journal/mood-check-ins", base + "/journal/mood-check-ins",
                    "{\"score\":3}", OWNER),
                row("POST", "/api/clients/{clientId}/journal/well-being-check-ins",
                    base + "/journal/well-being-check-ins", "{\"items\":[3,3,3,3,3]}", OWNER),
                row("GET", "/api/clients/{clientId}/well-being", base + "/well-being", null, OWNER, OWN_COACH),
                row("GET", "/api/well-being/who-5", "/api/well-being/who-5", null, OWNER,
                    Caller.OTHER_CLIENT, OWN_COACH, Caller.OTHER_COACH, Caller.ADMIN),
                row("GET", "/api/clients/{clientId}/journal/entries", base + "/journal/entries", null, OWNER,
                    OWN_COACH),
                row("GET", "/api/clients/{clientId}/journal/entries/{entryId}", base + "/journal/entries/" + entry,
                    null, OWNER, OWN_COACH),
                row("PUT", "/api/clients/{clientId}/journal/entries/{entryId}/share",
                    base + "/journal/entries/" + entry + "/share", null, OWNER),
                row("DELETE", "/api/clients/{clientId}/journal/entries/{entryId}/share",
                    base + "/journal/entries/" + apology + "/share", null, OWNER),
                row("GET", "/api/clients/{clientId}/journal/reads", base + "/journal/reads", null, OWNER),
                row("GET", "/api/clients/{clientId}/streak", base + "/streak", null, OWNER, OWN_COACH),
                row("GET", "/api/clients/{clientId}/consent", base + "/consent", null, OWNER, OWN_COACH),
                row("PUT", "/api/clients/{clientId}/consent", base + "/consent",
                    "{\"coachSees\":[\"STREAK\",\"PLAN_PROGRESS\",\"MOOD_TREND\"]}", OWNER),
                row("GET", "/api/clients/{clientId}/contact-log", base + "/contact-log", null, OWNER),
                row("POST", "/api/clients/{clientId}/contact-log/urges", base + "/contact-log/urges",
                    "{\"resisted\":true}", OWNER),
                row("POST", "/api/clients/{clientId}/contact-log/breaches", base + "/contact-log/breaches",
                    "{\"channel\":\"TEXT\",\"initiatedBy\":\"EX\"}", OWNER),
                row("POST", "/api/clients/{clientId}/contact-log/no-contact-periods",
                    base + "/contact-log/no-contact-periods", "{\"targetDays\":30}", OWNER),
                row("POST", "/api/clients/{clientId}/contact-log/no-contact-periods/{periodId}/end",
                    base + "/contact-log/no-contact-periods/" + period + "/end", "{\"reason\":\"r\"}", OWNER),
                row("GET", "/api/clients/{clientId}/journal/shared/export", base + "/journal/shared/export", null,
                    OWNER, OWN_COACH),
                row("GET", "/api/clients/{clientId}/export", base + "/export", null, OWNER),
                row("PUT", "/api/clients/{clientId}/coach-note", base + "/coach-note", "{\"text\":\"watch sleep\"}",
                    OWN_COACH),
                row("GET", "/api/clients/{clientId}/coach-note", base + "/coach-note", null, OWN_COACH),
                row("POST", "/api/clients/{clientId}/conversation/messages", base + "/conversation/messages",
                    "{\"text\":\"hello\"}", OWNER, OWN_COACH),
                row("GET", "/api/clients/{clientId}/conversation", base + "/conversation", null, OWNER, OWN_COACH),
                row("GET", "/api/clients/{clientId}/conversation/stream", base + "/conversation/stream", null, OWNER,
                    OWN_COACH),
                row("POST", "/api/clients/{clientId}/conversation/read", base + "/conversation/read", null, OWNER,
                    OWN_COACH),
                row("GET", "/api/clients/{clientId}/journal/persons", base + "/journal/persons", null, OWNER),
                row("POST", "/api/clients/{clientId}/journal/persons", base + "/journal/persons",
                    "{\"label\":\"a friend\",\"names\":[\"Jo\"]}", OWNER),
                row("PUT", "/api/clients/{clientId}/journal/persons/{personId}", base + "/journal/persons/" + person,
                    "{\"label\":\"my ex\",\"names\":[\"Alex\",\"Lexi\"]}", OWNER),
                row("DELETE", "/api/clients/{clientId}/journal/persons/{personId}",
                    base + "/journal/persons/" + person, null, OWNER),
                row("GET", "/api/coaches/{coachId}/calendar", calendar, null, OWN_COACH),
                row("GET", "/api/coaches/{coachId}/calendar/stream", calendar + "/stream", null, OWN_COACH),
                row("GET", "/api/clients/{clientId}/sessions/stream", base + "/sessions/stream", null, OWNER),
                row("PUT", "/api/coaches/{coachId}/calendar/availability", calendar + "/availability",
                    "{\"zone\":\"UTC\",\"minutes\":30,\"slots\":[{\"day\":\"MONDAY\",\"start\":\"09:00\"}]}",
                    OWN_COACH),
                row("POST", "/api/coaches/{coachId}/calendar/exceptions", calendar + "/exceptions",
                    "{\"date\":\"2031-01-01\"}", OWN_COACH),
                row("GET", "/api/clients/{clientId}/sessions", base + "/sessions", null, OWNER, OWN_COACH),
                row("GET", "/api/clients/{clientId}/sessions/free-slots", base + "/sessions/free-slots", null, OWNER),
                row("POST", "/api/clients/{clientId}/sessions", base + "/sessions",
                    "{\"start\":\"" + laterSlot + "\"}", OWNER),
                row("GET", "/api/clients/{clientId}/sessions/{sessionId}", base + "/sessions/" + session, null,
                    OWNER, OWN_COACH),
                row("POST", "/api/clients/{clientId}/sessions/{sessionId}/reschedule",
                    base + "/sessions/" + session + "/reschedule",
                    "{\"start\":\"" + free.at("/1/start").asText() + "\",\"reason\":\"r\"}", OWNER, OWN_COACH),
                row("PUT", "/api/clients/{clientId}/sessions/{sessionId}/outcome",
                    base + "/sessions/" + session + "/outcome", "{\"outcome\":\"ATTENDED\"}", OWN_COACH),
                row("POST", "/api/clients/{clientId}/sessions/{sessionId}/cancel",
                    base + "/sessions/" + session + "/cancel", "{\"reason\":\"r\"}", OWNER, OWN_COACH),
                row("DELETE", "/api/clients/{clientId}/journal", base + "/journal", null, OWNER));

        AccessMatrix.assertEveryEndpointIsListed(mapping, rows);
        Map<Caller, String> callers = Map.of(
                Caller.OWNER, issuer.client(client, coach), Caller.OTHER_CLIENT, issuer.client(newClientId(), coach),
                Caller.OWN_COACH, issuer.coach(coach), Caller.OTHER_COACH, issuer.coach("coach-other"),
                Caller.ADMIN, issuer.admin("admin-practice"));
        AccessMatrix.assertOutcomes(anonymous().base(), callers, rows);

        // The rows a consent setting changes: with nothing shared, the streak is the client's alone; the shared
        // entries and the consent itself stay the coach's to read.
        own.put(base + "/consent", "{\"coachSees\":[]}");
        await().atMost(Duration.ofSeconds(30)).until(() -> coachHttp.get(base + "/streak").statusCode() == 403);
        AccessMatrix.assertOutcomes(anonymous().base(), callers, List.of(
                row("GET", "/api/clients/{clientId}/streak", base + "/streak", null, OWNER),
                row("GET", "/api/clients/{clientId}/well-being", base + "/well-being", null, OWNER),
                row("GET", "/api/clients/{clientId}/consent", base + "/consent", null, OWNER, OWN_COACH),
                row("GET", "/api/clients/{clientId}/journal/entries", base + "/journal/entries", null, OWNER,
                    OWN_COACH),
                row("GET", "/api/clients/{clientId}/journal/shared/export", base + "/journal/shared/export", null,
                    OWNER, OWN_COACH)));
    }
}
