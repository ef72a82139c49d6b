package org.rekindle.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rekindle.platform.embedded.OidcLogin;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rekindle.local.StackUnderTest.http;

/**
 * The demo's Sam answered his ex 11 days ago, no breach on his plan, so his streak runs since his own breach on day
 * 8. Maya counts replies retroactively: Sam's own streak (journal-service) and his dashboard row (plan-service) both
 * start again at that answer, and a fresh rebuild of the coach dashboard from Kafka gives the same row.
 */
class DemoRulesChangeTest {

    @Test
    void aRetroactiveRuleChangeRecountsSamsStreakAndRowAndARebuildAgrees(@TempDir Path dataDir) {
        try (LocalStack stack = new LocalStack(StackUnderTest.seeded(dataDir))) {
            stack.start();
            OidcLogin login = OidcLogin.web(stack.issuerUrl());
            Http maya = http(stack.planUrl()).as(login.accessToken("coach-maya", "demo-maya"));
            Http samsJournal = http(stack.journalUrl()).as(login.accessToken(DemoPractice.SAM, "demo-sam"));
            String streak = "/api/clients/" + DemoPractice.SAM + "/streak";
            String row = "/api/dashboard/clients/" + DemoPractice.SAM;

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(samsJournal.get("/api/clients/" + DemoPractice.SAM + "/contact-log").body())
                        .contains("I answered in one line");
                JsonNode own = Json.parse(samsJournal.get(streak).body());
                assertThat(own.get("currentStreakDays").asInt()).as("the answer is no breach on his plan")
                                                                .isBetween(19, 21);
                assertThat(own.get("attempts")).hasSize(2);
                assertThat(Json.parse(maya.get(row).body()).path("currentStreakDays").asInt()).isBetween(19, 21);
            });
            String planId = Json.parse(maya.get("/api/plans?clientId=" + DemoPractice.SAM).body()).get(0)
                                .get("planId").asText();
            assertThat(maya.put("/api/plans/" + planId + "/breach-rules", "{\"replyToExCountsAsBreach\":true,"
                                + "\"exContactRestartsPeriod\":true,\"reason\":\"Answering her counts.\"}")
                           .statusCode()).isEqualTo(204);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode own = Json.parse(samsJournal.get(streak).body());
                assertThat(own.get("currentStreakDays").asInt()).as("Sam's streak starts again at his answer")
                                                                .isBetween(10, 11);
                assertThat(own.get("attempts")).hasSize(3);
                assertThat(own.at("/attempts/1/endedBy").asText()).isEqualTo("BREACH");
                assertThat(own.at("/attempts/1/initiatedBy").asText()).isEqualTo("EX");
                JsonNode live = Json.parse(maya.get(row).body());
                assertThat(live.get("currentStreakDays").asInt()).as("and so does his dashboard row").isBetween(10, 11);
                assertThat(live.get("longestStreakDays").asInt()).isBetween(10, 12);
            });

            JsonNode live = withoutAsOf(Json.parse(maya.get(row).body()));
            Http admin = http(stack.planUrl()).as(login.accessToken("admin-harbour", "demo-admin"));
            assertThat(admin.post("/api/admin/projections/coach-dashboard/rebuild", "").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                var rebuilt = maya.get(row);
                assertThat(rebuilt.statusCode()).isEqualTo(200);
                assertThat(withoutAsOf(Json.parse(rebuilt.body()))).as("a fresh rebuild gives the same row")
                                                                  .isEqualTo(live);
            });
        }
    }

    private static JsonNode withoutAsOf(JsonNode row) {
        ((ObjectNode) row).remove("asOf");
        return row;
    }
}
