package org.rekindle.plan.app.it;

import org.junit.jupiter.api.Test;
import org.rekindle.content.events.ContentTopic;
import org.rekindle.content.events.ProgramPhase;
import org.rekindle.content.events.ProgramStep;
import org.rekindle.content.events.ProgramVersionPublished;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.rekindle.platform.testing.AccessMatrix.Caller.ADMIN;
import static org.rekindle.platform.testing.AccessMatrix.Caller.OWNER;
import static org.rekindle.platform.testing.AccessMatrix.Caller.OTHER_COACH;
import static org.rekindle.platform.testing.AccessMatrix.Caller.OWN_COACH;
import static org.rekindle.platform.testing.AccessMatrix.row;

/** Every plan and dashboard endpoint × every caller, on one client's plan (OWASP API1). */
class PlanAccessMatrixIT extends PlanServiceIT {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyEndpointAnswersOnlyTheCallersItShould() throws Exception {
        TestIssuer issuer = TestIssuer.get();
        String programId = "prog-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + UUID.randomUUID();
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        send(ContentTopic.NAME, UUID.randomUUID().toString(), ProgramVersionPublished.TYPE, programId,
             new ProgramVersionPublished(programId, 1, "Matrix", "s", List.of(new ProgramPhase("p1", "Phase", List.of(
                     new ProgramStep("read", "READING", "Read", "g", 0, null, null, null, null),
                     new ProgramStep("walk", "EXERCISE", "Walk", "g", 1, null, null, null, null)))), now), now);
        Http coachHttp = asCoach(coach);
        String assignment = "{\"clientId\":\"" + client + "\",\"coachId\":\"" + coach + "\",\"programId\":\""
                            + programId + "\",\"programVersion\":1,\"startDate\":\"2026-11-01\",\"timezone\":\"UTC\"}";
        await().atMost(Duration.ofSeconds(30)).until(() -> coachHttp.post("/api/plans", assignment).statusCode() == 201);
        String planId = await().atMost(Duration.ofSeconds(10)).until(() -> {
            var plans = Json.parse(coachHttp.get("/api/plans?clientId=" + client).body());
            return plans.size() == 1 ? plans.get(0).get("planId").asText() : null;
        }, id -> id != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> coachHttp.get("/api/dashboard/clients/" + client)
                                                                    .statusCode() == 200);

        String plan = "/api/plans/" + planId;
        List<Row> rows = List.of(
                row("POST", "/api/plans", "/api/plans", assignment, OWN_COACH),
                row("GET", "/api/plans", "/api/plans?clientId=" + client, null, OWNER, OWN_COACH),
                row("GET", "/api/plans/{planId}", plan, null, OWNER, OWN_COACH),
                row("POST", "/api/plans/{planId}/steps/{stepId}/complete", plan + "/steps/read/complete", null,
                    OWN_COACH),
                row("POST", "/api/plans/{planId}/steps/{stepId}/reopen", plan + "/steps/read/reopen", null,
                    OWN_COACH),
                row("POST", "/api/plans/{planId}/steps/{stepId}/skip", plan + "/steps/walk/skip",
                    "{\"reason\":\"done with the coach\"}", OWN_COACH),
                row("POST", "/api/plans/{planId}/pause", plan + "/pause", null, OWN_COACH),
                row("POST", "/api/plans/{planId}/resume", plan + "/resume", null, OWN_COACH),
                row("PUT", "/api/plans/{planId}/outcome", plan + "/outcome", "{\"outcome\":\"ACTIVE\"}", OWN_COACH),
                row("GET", "/api/plans/{planId}/breach-rules", plan + "/breach-rules", null, OWNER, OWN_COACH),
                row("POST", "/api/plans/{planId}/breach-rules/preview", plan + "/breach-rules/preview",
                    "{\"replyToExCountsAsBreach\":true,\"exContactRestartsPeriod\":true}", OWN_COACH),
                row("PUT", "/api/plans/{planId}/breach-rules", plan + "/breach-rules",
                    "{\"replyToExCountsAsBreach\":true,\"exContactRestartsPeriod\":true,\"reason\":\"matrix\"}",
                    OWN_COACH),
                // The practice's default as plans start without a choice (no extra rules): nothing else changes.
                row("PUT", "/api/practices/{practiceId}/breach-rules", "/api/practices/practice-test/breach-rules",
                    "{\"replyToExCountsAsBreach\":false,\"exContactRestartsPeriod\":false,\"reason\":\"matrix\"}",
                    ADMIN),
                row("GET", "/api/practices/{practiceId}/breach-rules", "/api/practices/practice-test/breach-rules",
                    null, OWN_COACH, OTHER_COACH, ADMIN),
                row("GET", "/api/dashboard/coaches/{coachId}", "/api/dashboard/coaches/" + coach, null, OWN_COACH),
                row("POST", "/api/dashboard/coaches/{coachId}/visits", "/api/dashboard/coaches/" + coach + "/visits",
                    null, OWN_COACH),
                row("GET", "/api/dashboard/coaches/{coachId}/stream", "/api/dashboard/coaches/" + coach + "/stream",
                    null, OWN_COACH),
                row("GET", "/api/dashboard/clients/{clientId}", "/api/dashboard/clients/" + client, null, OWN_COACH),
                row("GET", "/api/dashboard/clients/{clientId}/timeline",
                    "/api/dashboard/clients/" + client + "/timeline", null, OWN_COACH),
                row("POST", "/api/admin/projections/{name}/rebuild", "/api/admin/projections/nope/rebuild", null,
                    ADMIN),
                row("GET", "/api/admin/projections/{name}", "/api/admin/projections/plan-read-model", null, ADMIN),
                // last: the plan's own coach replaces it, which ends the plan the rows above use
                row("POST", "/api/plans/{planId}/replacement", plan + "/replacement", "{\"programId\":\"" + programId
                    + "\",\"programVersion\":1,\"startDate\":\"2026-11-01\",\"timezone\":\"UTC\","
                    + "\"reason\":\"matrix\"}", OWN_COACH));
        AccessMatrix.assertEveryEndpointIsListed(mapping, rows);
        AccessMatrix.assertOutcomes("http://127.0.0.1:" + port, Map.of(
                Caller.OWNER, issuer.client(client, coach), Caller.OTHER_CLIENT, issuer.client("client-other", coach),
                Caller.OWN_COACH, issuer.coach(coach), Caller.OTHER_COACH, issuer.coach("coach-other"),
                Caller.ADMIN, issuer.admin("admin-practice")), rows);
    }
}
