package org.rekindle.notification.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.testing.Json;
import org.rekindle.journal.events.JournalTopic;
import org.rekindle.journal.events.NoContactBroken;
import org.rekindle.plan.events.PlanAssigned;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.testing.AccessMatrix;
import org.rekindle.platform.testing.AccessMatrix.Caller;
import org.rekindle.platform.testing.AccessMatrix.Row;
import org.rekindle.platform.testing.TestIssuer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rekindle.platform.testing.AccessMatrix.Caller.OWNER;
import static org.rekindle.platform.testing.AccessMatrix.Caller.OWN_COACH;
import static org.rekindle.platform.testing.AccessMatrix.row;

/** Every notification endpoint × every caller, on one client's feed, settings and notification (OWASP API1). */
class NotificationAccessMatrixIT extends NotificationServiceIT {

    @Test
    void everyEndpointAnswersOnlyTheCallersItShould() throws Exception {
        TestIssuer issuer = TestIssuer.get();
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        reachableAt(client, "UTC");
        Instant now = Instant.now();
        send(PlanTopic.NAME, UUID.randomUUID().toString(), PlanAssigned.TYPE, client, new PlanAssigned("plan-" + client,
                client, coach, "p", 1, LocalDate.now(), "UTC", false, List.of(), now), now);
        send(JournalTopic.NAME, UUID.randomUUID().toString(), NoContactBroken.TYPE, client,
             new NoContactBroken(client, "p1", "b1", "TEXT", "EX", 3, now), now);
        String notification = await().atMost(Duration.ofSeconds(30)).until(() -> feedOf(client).stream()
                .map(n -> n.get("id").asText()).findFirst().orElse(null), id -> id != null);

        List<Row> rows = List.of(
                row("GET", "/api/feed/{userId}", "/api/feed/" + client, null, OWNER),
                row("GET", "/api/feed/{userId}/export", "/api/feed/" + client + "/export", null, OWNER),
                row("GET", "/api/feed/{userId}/sessions.ics", "/api/feed/" + client + "/sessions.ics", null, OWNER),
                row("POST", "/api/feed/{userId}/{notificationId}/read",
                    "/api/feed/" + client + "/" + notification + "/read", null, OWNER),
                row("POST", "/api/feed/{userId}/{notificationId}/acknowledge",
                    "/api/feed/" + client + "/" + notification + "/acknowledge", null, OWNER),
                row("POST", "/api/feed/{userId}/{notificationId}/snooze",
                    "/api/feed/" + client + "/" + notification + "/snooze",
                    "{\"until\":\"" + now.plus(Duration.ofDays(1)) + "\"}", OWNER),
                row("GET", "/api/coaches/{coachId}/clients/{clientId}/alerts",
                    "/api/coaches/" + coach + "/clients/" + client + "/alerts", null, OWN_COACH),
                row("GET", "/api/coaches/{coachId}/rules", "/api/coaches/" + coach + "/rules", null, OWN_COACH),
                row("POST", "/api/coaches/{coachId}/rules", "/api/coaches/" + coach + "/rules",
                    "{\"rule\":\"BREACH\",\"initiatedBy\":\"EX\"}", OWN_COACH),
                row("DELETE", "/api/coaches/{coachId}/rules/{ruleId}",
                    "/api/coaches/" + coach + "/rules/" + UUID.randomUUID(), null, OWN_COACH),
                row("GET", "/api/feed/{userId}/stream", "/api/feed/" + client + "/stream", null, OWNER),
                row("GET", "/api/notifications/{notificationId}", "/api/notifications/" + notification, null, OWNER),
                row("GET", "/api/preferences/{userId}", "/api/preferences/" + client, null, OWNER),
                row("PUT", "/api/preferences/{userId}", "/api/preferences/" + client,
                    "{\"email\":\"" + client + "@example.org\",\"quietFrom\":\"00:00\",\"quietUntil\":\"00:00\"}", OWNER),
                row("POST", "/api/coaches/{coachId}/backtest", "/api/coaches/" + coach + "/backtest",
                    "{\"rule\":\"BREACH\",\"initiatedBy\":\"ANY\"}", OWN_COACH));
        AccessMatrix.assertEveryEndpointIsListed(service.getBean("requestMappingHandlerMapping",
                                                                 RequestMappingHandlerMapping.class), rows);
        AccessMatrix.assertOutcomes(http.base(), Map.of(
                Caller.OWNER, issuer.client(client, coach), Caller.OTHER_CLIENT, issuer.client("client-other", coach),
                Caller.OWN_COACH, issuer.coach(coach), Caller.OTHER_COACH, issuer.coach("coach-other"),
                Caller.ADMIN, issuer.admin("admin-practice")), rows);
        assertThat(http.get("/asyncapi.json").statusCode()).as("it publishes nothing: no AsyncAPI document")
                                                          .isEqualTo(404);

        JsonNode export = Json.parse(http.as(issuer.client(client, coach)).get("/api/feed/" + client + "/export")
                                         .body());
        assertThat(export).as("the client's export holds their notification with its why and delivery log")
                          .hasSize(1);
        assertThat(export.at("/0/notification/id").asText()).isEqualTo(notification);
        assertThat(export.at("/0/notification/why").asText()).isNotBlank();
        assertThat(export.at("/0/deliveries")).isNotEmpty();
    }
}
