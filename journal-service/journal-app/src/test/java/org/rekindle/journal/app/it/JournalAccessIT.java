package org.rekindle.journal.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rekindle.plan.events.PlanAssigned;
import org.rekindle.plan.events.PlanTopic;
import org.rekindle.platform.testing.CloudEventProducer;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.rekindle.platform.testing.TestIssuer;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tokens are validated (signature, issuer, expiry, audience) and every journal endpoint decides by the caller's
 * identity from the token: the client owns their journal; their assigned coach (learnt from plan-service's
 * assignments on Kafka) reads only the streak and what the client shared; anyone else gets 403.
 */
class JournalAccessIT extends EmbeddedStackTest {

    private final TestIssuer issuer = TestIssuer.get();

    @Test
    void tokensThatAreNotValidAreRefusedWithAProblem() {
        String client = newClientId();
        String path = "/api/clients/" + client + "/streak";
        for (String bad : List.of(issuer.expired(client), issuer.forAnotherAudience(client),
                                  issuer.fromAnotherIssuer(client), issuer.signedWithAnotherKey(client), "not-a-jwt")) {
            HttpResponse<String> response = anonymous().as(bad).get(path);
            assertThat(response.statusCode()).as(bad).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(anonymous().get(path).statusCode()).isEqualTo(401);
        assertThat(anonymous().post("/api/clients/" + client + "/journal/mood-check-ins", "{\"score\":3}")
                              .statusCode()).isEqualTo(401);
        assertThat(anonymous().get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/prometheus").statusCode())
                .as("metrics without a scrape password configured: open to nobody").isEqualTo(401);
        assertThat(http(client).get("/actuator/prometheus").statusCode()).as("a person's token does not open them")
                .isEqualTo(401);
    }

    @Test
    void theClientOwnsTheJournalAndTheAssignedCoachReadsOnlyWhatWasShared() throws Exception {
        String client = newClientId();
        String coach = "coach-" + UUID.randomUUID().toString().substring(0, 8);
        Http own = http(client);
        String base = "/api/clients/" + client;
        String secret = Json.parse(own.post(base + "/journal/reflections",
                "{\"promptId\":\"understand-why\",\"text\":\"kept private\"}").body()).get("entryId").asText();
        String shared = Json.parse(own.post(base + "/journal/reflections",
                "{\"promptId\":\"own-your-part\",\"text\":\"for my coach\"}").body()).get("entryId").asText();
        assertThat(own.put(base + "/journal/entries/" + shared + "/share").statusCode()).isEqualTo(204);
        assertThat(own.post(base + "/contact-log/no-contact-periods", "{\"targetDays\":30}").statusCode())
                .isEqualTo(201);

        Http theCoach = anonymous().as(issuer.coach(coach));
        assertThat(theCoach.get(base + "/streak").statusCode()).as("not assigned yet").isEqualTo(403);
        assign(client, coach);
        await().atMost(Duration.ofSeconds(30)).until(() -> theCoach.get(base + "/streak").statusCode() == 200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Json.parse(theCoach.get(base + "/journal/entries").body()).findValuesAsText("entryId"))
                .containsExactly(shared));
        assertThat(Json.parse(theCoach.get(base + "/journal/entries?shared=false").body()).findValuesAsText("entryId"))
                .as("asking for unshared entries shows the coach the shared ones only").containsExactly(shared);
        assertThat(theCoach.get(base + "/journal/entries/" + shared).statusCode()).isEqualTo(200);
        assertThat(theCoach.get(base + "/journal/entries/" + secret).statusCode()).isEqualTo(404);
        assertThat(theCoach.get(base + "/contact-log").statusCode()).as("private notes").isEqualTo(403);
        assertThat(theCoach.post(base + "/journal/mood-check-ins", "{\"score\":5}").statusCode()).isEqualTo(403);
        assertThat(theCoach.put(base + "/journal/entries/" + secret + "/share").statusCode()).isEqualTo(403);

        Http otherCoach = anonymous().as(issuer.coach("coach-other"));
        Http otherClient = http(newClientId());
        Http admin = anonymous().as(issuer.admin("admin-practice"));
        for (Http stranger : List.of(otherCoach, otherClient, admin)) {
            assertThat(stranger.get(base + "/journal/entries").statusCode()).isEqualTo(403);
            assertThat(stranger.get(base + "/journal/entries/" + shared).statusCode()).isEqualTo(403);
            assertThat(stranger.get(base + "/streak").statusCode()).isEqualTo(403);
            assertThat(stranger.post(base + "/journal/mood-check-ins", "{\"score\":1}").statusCode()).isEqualTo(403);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode reads = Json.parse(own.get(base + "/journal/reads").body());
            assertThat(reads.findValuesAsText("readerId")).as("every read by the coach, none by the client")
                    .isNotEmpty().containsOnly(coach);
            assertThat(reads.findValues("entryIds").toString()).contains(shared).doesNotContain(secret);
        });
        assertThat(theCoach.get(base + "/journal/reads").statusCode()).as("the ledger is the client's").isEqualTo(403);
        assertThat(own.delete(base + "/journal/entries/" + shared + "/share").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(theCoach.get(base + "/journal/entries/" + shared).statusCode()).as("unshared").isEqualTo(404);
            assertThat(Json.parse(theCoach.get(base + "/journal/entries").body())).isEmpty();
        });
        JsonNode own2 = Json.parse(own.get(base + "/journal/entries").body());
        assertThat(own2.findValuesAsText("entryId")).containsExactlyInAnyOrder(secret, shared);
    }

    static void assign(String client, String coach) {
        Instant now = Instant.now();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers())) {
            producer.send(PlanTopic.NAME, UUID.randomUUID().toString(), PlanAssigned.TYPE, client,
                          new PlanAssigned("plan-" + client, client, coach, "p", 1, LocalDate.now(), "UTC", false,
                                           List.of(), now), now);
        }
    }
}
