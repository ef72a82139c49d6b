package org.rekindle.plan.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.content.events.ContentTopic;
import org.rekindle.content.events.ProgramPhase;
import org.rekindle.content.events.ProgramStep;
import org.rekindle.content.events.ProgramVersionPublished;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TestIssuer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A practice admin sets the practice's default breach rules over REST (each a version, read back with its history);
 * a coach of the practice assigning a plan without a reply rule gets them, one who chooses keeps their choice;
 * another practice's people neither read nor set them, and bad input is a problem naming the field.
 */
class PracticeRulesIT extends PlanServiceIT {

    @Test
    void aPlanAssignedWithoutItsOwnRulesStartsWithThePracticesDefault() {
        String practice = "practice-" + UUID.randomUUID().toString().substring(0, 8);
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        TestIssuer issuer = TestIssuer.get();
        Http admin = new Http(port).as(issuer.admin("admin-" + practice, practice));
        Http theCoach = new Http(port).as(issuer.coach(coach, practice));
        String rules = "/api/practices/" + practice + "/breach-rules";
        assertThat(theCoach.get(rules).statusCode()).as("none set yet").isEqualTo(404);

        String lenient = "{\"replyToExCountsAsBreach\":false,\"exContactRestartsPeriod\":false,"
                         + "\"noContactTargetDays\":45,\"reason\":\"Answering the ex is no breach here.\"}";
        assertThat(theCoach.put(rules, lenient).statusCode()).as("a coach does not set them").isEqualTo(403);
        assertThat(new Http(port).as(issuer.admin("admin-practice")).put(rules, lenient).statusCode())
                .as("another practice's admin").isEqualTo(403);
        assertThat(new Http(port).as(issuer.coach("coach-elsewhere")).get(rules).statusCode())
                .as("another practice's coach").isEqualTo(403);
        var badTarget = admin.put(rules, lenient.replace("45", "0"));
        assertThat(badTarget.statusCode()).isEqualTo(400);
        assertThat(badTarget.body()).contains("noContactTargetDays");
        assertThat(admin.put(rules, lenient).statusCode()).isEqualTo(204);
        assertThat(admin.put(rules, lenient).statusCode()).as("already the default").isEqualTo(409);
        assertThat(admin.put(rules, "{\"replyToExCountsAsBreach\":true,\"exContactRestartsPeriod\":false,"
                                    + "\"noContactTargetDays\":45,\"reason\":\"Replies count, contact the ex starts "
                                    + "does not restart.\"}").statusCode()).isEqualTo(204);
        JsonNode stored = Json.parse(theCoach.get(rules).body());
        assertThat(stored.get("version").asInt()).isEqualTo(2);
        assertThat(stored.at("/rules/replyToExCountsAsBreach").asBoolean()).isTrue();
        assertThat(stored.get("versions")).hasSize(2);
        assertThat(stored.at("/versions/0/reason").asText()).isEqualTo("Answering the ex is no breach here.");

        Instant now = Instant.now();
        String programId = "prog-" + UUID.randomUUID().toString().substring(0, 8);
        send(ContentTopic.NAME, UUID.randomUUID().toString(), ProgramVersionPublished.TYPE, programId,
             new ProgramVersionPublished(programId, 1, "Rules", "s", List.of(new ProgramPhase("p1", "Phase", List.of(
                     new ProgramStep("nc", "NO_CONTACT_PERIOD", "Space", "g", 0, 30, null, 30, null)))), now), now);
        String withoutRules = "{\"clientId\":\"CLIENT\",\"coachId\":\"" + coach + "\",\"programId\":\"" + programId
                              + "\",\"programVersion\":1,\"startDate\":\"2026-11-01\",\"timezone\":\"UTC\"}";
        JsonNode defaulted = rulesOf(theCoach, withoutRules.replace("CLIENT", "client-" + UUID.randomUUID()));
        assertThat(defaulted.at("/inForce/replyToExCountsAsBreach").asBoolean()).isTrue();
        assertThat(defaulted.at("/inForce/exContactRestartsPeriod").asBoolean()).isFalse();
        assertThat(defaulted.at("/inForce/noContactTargetDays").asInt()).isEqualTo(45);
        assertThat(defaulted.at("/changes/0/changeReason").asText())
                .isEqualTo("The practice's default rules (version 2).");
        assertThat(defaulted.at("/changes/0/retroactive").asBoolean()).isTrue();

        JsonNode chosen = rulesOf(theCoach, withoutRules.replace("CLIENT", "client-" + UUID.randomUUID())
                                                        .replace("}", ",\"replyToExCountsAsBreach\":false}"));
        assertThat(chosen.at("/inForce/replyToExCountsAsBreach").asBoolean()).as("the coach's own choice").isFalse();
        assertThat(chosen.get("changes")).isEmpty();
    }

    /** Assigns (once the program has arrived) and answers the new plan's breach rules. */
    private static JsonNode rulesOf(Http coach, String assignment) {
        var created = await().atMost(Duration.ofSeconds(30)).until(() -> coach.post("/api/plans", assignment),
                                                                    response -> response.statusCode() == 201);
        String planId = Json.parse(created.body()).get("planId").asText();
        return await().atMost(Duration.ofSeconds(10)).until(() -> coach.get("/api/plans/" + planId + "/breach-rules"),
                                                             response -> response.statusCode() == 200)
                      .body().transform(Json::parse);
    }
}
