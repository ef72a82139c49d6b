package org.rekindle.journal.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.plan.events.PlanAssigned;
import org.rekindle.plan.events.PlanBreachRules;
import org.rekindle.plan.events.PlanBreachRulesChanged;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.testing.CloudEventProducer;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;

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
 * The client's own streak follows the plan's breach rules as plan-service publishes them on Kafka: assigned with
 * "a reply to the ex is a breach", the day-8 call the ex started breaks the streak; a retroactive change to "a reply is
 * no breach and does not restart" counts the whole period as one attempt, read through the API, and the same change
 * delivered again changes nothing.
 */
class ContactRulesIT extends EmbeddedStackTest {

    @Test
    void aRetroactiveRuleChangeRecountsTheClientsStreak() {
        String client = newClientId();
        Http own = http(client);
        String base = "/api/clients/" + client;
        Instant start = Instant.now().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(own.post(base + "/contact-log/no-contact-periods",
                            "{\"targetDays\":30,\"occurredAt\":\"" + start + "\"}").statusCode()).isEqualTo(201);
        assertThat(own.post(base + "/contact-log/breaches", "{\"channel\":\"CALL\",\"initiatedBy\":\"EX\",\"occurredAt\":\""
                            + start.plus(Duration.ofDays(8)) + "\"}").statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(streak(own, base).get("currentStreakDays").asInt()).isEqualTo(12));

        String planId = "plan-" + client;
        Instant assignedAt = Instant.now();
        String changeId = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers())) {
            producer.send(PlanTopic.NAME, UUID.randomUUID().toString(), PlanAssigned.TYPE, client,
                          new PlanAssigned(planId, client, "coach-rules", "p", 1,
                                           LocalDate.ofInstant(start, ZoneOffset.UTC), "UTC", true, List.of(),
                                           assignedAt), assignedAt);
        }
        assertThat(streak(own, base).get("longestStreakDays").asInt()).as("a reply is a breach: still 12").isEqualTo(12);

        Instant changedAt = Instant.now();
        PlanBreachRulesChanged lenient = new PlanBreachRulesChanged(
                planId, client, PlanBreachRules.assigned(true), new PlanBreachRules(false, false, 45),
                LocalDate.ofInstant(start, ZoneOffset.UTC), start.truncatedTo(ChronoUnit.DAYS), true,
                "answering the ex is no breach", "coach-rules", changedAt);
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers())) {
            producer.send(PlanTopic.NAME, changeId, PlanBreachRulesChanged.TYPE, client, lenient, changedAt);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode streak = streak(own, base);
            assertThat(streak.get("currentStreakDays").asInt()).as("one attempt since the start").isEqualTo(20);
            assertThat(streak.get("longestStreakDays").asInt()).isEqualTo(20);
            assertThat(streak.get("targetDays").asInt()).as("the coach's target").isEqualTo(45);
            assertThat(streak.get("attempts")).hasSize(1);
        });

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers())) {
            producer.send(PlanTopic.NAME, changeId, PlanBreachRulesChanged.TYPE, client, lenient, changedAt);
            Instant strictAt = Instant.now();
            producer.send(PlanTopic.NAME, UUID.randomUUID().toString(), PlanBreachRulesChanged.TYPE, client,
                          new PlanBreachRulesChanged(planId, client, new PlanBreachRules(false, false, 45),
                                                     PlanBreachRules.assigned(true), LocalDate.now(ZoneOffset.UTC),
                                                     Instant.now().truncatedTo(ChronoUnit.DAYS), false,
                                                     "strict from today on", "coach-rules", strictAt), strictAt);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(streak(own, base).get("targetDays").asInt())
                .as("the change from today on is in force now").isEqualTo(30));
        JsonNode streak = streak(own, base);
        assertThat(streak.get("currentStreakDays").asInt())
                .as("a change from today on leaves the day-8 call as the retroactive change counted it").isEqualTo(20);
        assertThat(streak.get("attempts")).hasSize(1);
    }

    private static JsonNode streak(Http own, String base) {
        return Json.parse(own.get(base + "/streak").body());
    }
}
