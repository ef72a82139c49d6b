package org.rekindle.journal.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.PublishedContract;
import org.rekindle.platform.testing.Json;
import org.rekindle.journal.events.JournalTopic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** HTTP call → event in the store → CloudEvent on Kafka (right key and type) → read model. */
class JournalRoundTripIT extends RecordingJournalTopicTest {


    @Autowired
    JdbcTemplate eventStore;

    @Test
    void aBreachTravelsFromHttpThroughTheStoreAndKafkaIntoTheStreak() {
        String client = newClientId();
        Http http = http(client);
        Instant start = Instant.now().minus(20, ChronoUnit.DAYS);
        Instant breach = start.plus(12, ChronoUnit.DAYS);

        HttpResponse<String> started = http.post("/api/clients/" + client + "/contact-log/no-contact-periods",
                "{\"targetDays\":30,\"occurredAt\":\"" + start + "\"}");
        assertThat(started.statusCode()).isEqualTo(201);
        String periodId = Json.parse(started.body()).get("periodId").asText();

        HttpResponse<String> broken = http.post("/api/clients/" + client + "/contact-log/breaches",
                "{\"channel\":\"TEXT\",\"initiatedBy\":\"CLIENT\",\"note\":\"I texted on her birthday\","
                + "\"occurredAt\":\"" + breach + "\"}");
        assertThat(broken.statusCode()).isEqualTo(201);
        String breachId = Json.parse(broken.body()).get("breachId").asText();

        // stored: the event store holds the domain events of this journal
        List<String> stored = eventStore.queryForList(
                "SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                String.class, client, "org.rekindle.journal.app.command.api.NoContactBroken");
        assertThat(stored).as("NoContactBroken in the event store").hasSize(1);

        // published: a CloudEvent keyed by the client, with the domain event's id, and no journal text
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.recordsWithKey(client).size() >= 2);
        List<ConsumerRecord<String, String>> records = topic.recordsWithKey(client);
        JsonNode first = Json.parse(records.get(0).value());
        JsonNode second = Json.parse(records.get(1).value());
        assertThat(first.get("type").asText()).isEqualTo("rekindle.journal.NoContactStarted.v1");
        assertThat(second.get("type").asText()).isEqualTo("rekindle.journal.NoContactBroken.v1");
        assertThat(second.get("specversion").asText()).isEqualTo("1.0");
        assertThat(second.get("source").asText()).isEqualTo("/rekindle/journal-service");
        assertThat(second.get("subject").asText()).isEqualTo(client);
        assertThat(second.get("id").asText()).isEqualTo(stored.get(0));
        assertThat(second.at("/data/breachId").asText()).isEqualTo(breachId);
        assertThat(second.at("/data/periodId").asText()).isEqualTo(periodId);
        assertThat(second.at("/data/attemptDays").asInt()).isEqualTo(12);
        assertThat(records.get(1).value()).doesNotContain("birthday");
        assertThat(new String(records.get(1).headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .startsWith("application/cloudevents+json");

        // read model: the 12-day attempt is kept, a new attempt runs since the breach
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode streak = Json.parse(http.get("/api/clients/" + client + "/streak").body());
            assertThat(streak.get("active").asBoolean()).isTrue();
            assertThat(streak.get("currentStreakDays").asInt()).isEqualTo(8);
            assertThat(streak.get("longestStreakDays").asInt()).isEqualTo(12);
            assertThat(streak.get("attempts")).hasSize(2);
            assertThat(streak.at("/attempts/0/days").asInt()).isEqualTo(12);
            assertThat(streak.at("/attempts/0/endedBy").asText()).isEqualTo("BREACH");
        });
        JsonNode log = Json.parse(http.get("/api/clients/" + client + "/contact-log").body());
        assertThat(log).hasSize(2);
        assertThat(log.get(0).get("type").asText()).isEqualTo("BREACH");
        assertThat(log.get(0).get("note").asText()).isEqualTo("I texted on her birthday");
    }

    @Test
    void whatThePublisherWritesMatchesTheAsyncApiDocumentItServes() {
        JsonNode document = PublishedContract.served(anonymous(), "journal-service");
        String client = newClientId();
        Http http = http(client);
        HttpResponse<String> started = http.post("/api/clients/" + client + "/contact-log/no-contact-periods",
                                                 "{\"targetDays\":30}");
        String periodId = Json.parse(started.body()).get("periodId").asText();
        assertThat(http.post("/api/clients/" + client + "/contact-log/no-contact-periods/" + periodId + "/end", "{}")
                       .statusCode()).as("ended without a reason").isEqualTo(204);
        assertThat(http.post("/api/clients/" + client + "/journal/mood-check-ins", "{\"score\":3}").statusCode())
                .as("a check-in without hours slept").isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> topic.recordsWithKey(client).size() >= 3);
        assertThat(PublishedContract.assertPublishedRecordsMatch(document, bootstrapServers())).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theApiIsDescribedByOpenApiAndSwaggerUi() {
        JsonNode api = Json.parse(anonymous().get("/v3/api-docs").body());
        assertThat(api.get("openapi").asText()).startsWith("3.");
        assertThat(api.get("paths").has("/api/clients/{clientId}/contact-log/breaches")).isTrue();
        assertThat(api.get("paths").has("/api/clients/{clientId}/streak")).isTrue();
        assertThat(anonymous().get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void entriesAreListedSharedAndRevisedWithEveryVersionKept() {
        String client = newClientId();
        Http http = http(client);
        String reflection = Json.parse(http.post("/api/clients/" + client + "/journal/reflections",
                "{\"promptId\":\"understand-why\",\"text\":\"We stopped talking about the hard things.\"}").body())
                                .get("entryId").asText();
        HttpResponse<String> drafted = http.post("/api/clients/" + client + "/journal/apologies",
                                                 "{\"text\":\"You always made plans without me.\"}");
        assertThat(drafted.statusCode()).isEqualTo(201);
        assertThat(Json.parse(drafted.body()).get("feedback").findValuesAsText("kind"))
                .as("the saved draft comes back with its notes, and blame gets no praise").contains("watch")
                .doesNotContain("good");
        assertThat(Json.parse(drafted.body()).get("feedback").findValuesAsText("text"))
                .anyMatch(t -> t.contains("“You always…”"));
        String apology = Json.parse(drafted.body()).get("entryId").asText();
        HttpResponse<String> revised = http.post("/api/clients/" + client + "/journal/apologies/" + apology
                                                 + "/revisions",
                                                 "{\"text\":\"I felt left out, and I shut down instead of saying so.\"}");
        assertThat(revised.statusCode()).isEqualTo(201);
        assertThat(Json.parse(revised.body()).get("version").asInt()).isEqualTo(2);
        assertThat(Json.parse(revised.body()).get("feedback").findValuesAsText("text")).as("notes on the new text")
                .isNotEmpty().noneMatch(t -> t.contains("“You always…”"));
        JsonNode writing = Json.parse(http.post("/api/clients/" + client + "/journal/apology-feedback",
                                                "{\"text\":\"I'm sorry, but you made me do it.\"}").body());
        assertThat(writing.get("notes").findValuesAsText("text")).anyMatch(t -> t.contains("“You made me…”"));
        assertThat(http.post("/api/clients/" + client + "/journal/mood-check-ins",
                             "{\"score\":2,\"note\":\"rough night\",\"sleepHours\":5.5}").statusCode())
                .isEqualTo(201);
        assertThat(http.put("/api/clients/" + client + "/journal/entries/" + reflection + "/share").statusCode())
                .isEqualTo(204);

        // every write answered once the read models held it: a read right after shows it (JournalWrites)
        {
            JsonNode all = Json.parse(http.get("/api/clients/" + client + "/journal/entries").body());
            assertThat(all).hasSize(3);
            JsonNode shared = Json.parse(http.get("/api/clients/" + client + "/journal/entries?shared=true").body());
            assertThat(shared).hasSize(1);
            assertThat(shared.get(0).get("entryId").asText()).isEqualTo(reflection);
            JsonNode apologyView = Json.parse(http.get("/api/clients/" + client + "/journal/entries/" + apology)
                                                  .body());
            assertThat(apologyView.get("versions")).hasSize(2);
            assertThat(apologyView.at("/versions/0/text").asText()).isEqualTo("You always made plans without me.");
            assertThat(apologyView.get("text").asText()).startsWith("I felt left out");
        }

        assertThat(http.delete("/api/clients/" + client + "/journal/entries/" + reflection + "/share").statusCode())
                .isEqualTo(204);
        assertThat(Json.parse(http.get("/api/clients/" + client + "/journal/entries?shared=true").body())).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.recordsWithKey(client).stream()
                .map(r -> Json.parse(r.value()).get("type").asText())
                .toList().containsAll(List.of("rekindle.journal.ReflectionCompleted.v1",
                                              "rekindle.journal.ApologyDrafted.v1",
                                              "rekindle.journal.ApologyRevised.v1",
                                              "rekindle.journal.MoodCheckedIn.v1",
                                              "rekindle.journal.EntryShared.v1",
                                              "rekindle.journal.EntryUnshared.v1")));
    }
}
