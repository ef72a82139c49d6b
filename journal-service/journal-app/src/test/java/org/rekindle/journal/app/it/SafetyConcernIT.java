package org.rekindle.journal.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.content.events.ContentTopic;
import org.rekindle.content.events.RiskListRevised;
import org.rekindle.content.events.RiskPhrase;
import org.rekindle.journal.app.query.CurrentRiskLists;
import org.rekindle.platform.testing.CloudEventProducer;
import org.springframework.beans.factory.annotation.Autowired;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A risk phrase in a reflection, over HTTP: the entry is stored as written, and {@code SafetyConcernRaised} (no text)
 * is published after its {@code ReflectionCompleted}; a negated phrase publishes nothing more.
 */
class SafetyConcernIT extends RecordingJournalTopicTest {

    @Autowired
    CurrentRiskLists lists;

    @Autowired
    MongoClient mongo;

    MongoCollection<Document> stored;

    @BeforeEach
    void storedLists() {
        stored = mongo.getDatabase("journal-it").getCollection("journal_risk_lists");
    }

    private static final String RISKY = "Since the breakup I keep thinking I want to kill myself";

    @Test
    void aRiskPhraseIsStoredUnchangedAndRaisesAConcernWithoutText() {
        String client = newClientId();
        Http http = http(client);

        HttpResponse<String> written = http.post("/api/clients/" + client + "/journal/reflections",
                                                 "{\"promptId\":\"why\",\"text\":\"" + RISKY + "\"}");
        assertThat(written.statusCode()).isEqualTo(201);
        String entryId = Json.parse(written.body()).get("entryId").asText();
        assertThat(Json.parse(written.body()).get("showCrisisResources").asBoolean())
                .as("the writer's page shows crisis resources at once").isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> topic.recordsWithKey(client).size() >= 2);
        List<ConsumerRecord<String, String>> records = topic.recordsWithKey(client);
        JsonNode concern = Json.parse(records.get(1).value());
        assertThat(Json.parse(records.get(0).value()).get("type").asText())
                .isEqualTo("rekindle.journal.ReflectionCompleted.v1");
        assertThat(concern.get("type").asText()).isEqualTo("rekindle.journal.SafetyConcernRaised.v1");
        assertThat(concern.at("/data/entryId").asText()).isEqualTo(entryId);
        assertThat(concern.at("/data/field").asText()).isEqualTo("REFLECTION_TEXT");
        assertThat(concern.at("/data/riskClass").asText()).isEqualTo("SUICIDAL_IDEATION");
        assertThat(concern.at("/data/listLanguage").asText()).isEqualTo("en");
        assertThat(records.get(1).value()).doesNotContain("kill").doesNotContain("breakup");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> entry = http.get("/api/clients/" + client + "/journal/entries/" + entryId);
            assertThat(entry.statusCode()).isEqualTo(200);
            assertThat(Json.parse(entry.body()).get("text").asText()).isEqualTo(RISKY);
        });
    }

    /**
     * A list content-service publishes replaces the one held for its language (an older version arriving late does
     * not): a phrase only the newer list has raises a concern naming that list. Esperanto, so the English list the
     * other tests use stays as it is.
     */
    @Test
    void aListPublishedByContentServiceIsUsedFromThenOn() {
        String text = "Mi vidas nenian elirejon";
        try (CloudEventProducer content = new CloudEventProducer(bootstrapServers())) {
            Instant at = Instant.now();
            content.send(ContentTopic.NAME, UUID.randomUUID().toString(), RiskListRevised.TYPE, "eo",
                         new RiskListRevised("eo", 2, List.of(new RiskPhrase("nenian elirejon", "SUICIDAL_IDEATION")),
                                             at), at);
            content.send(ContentTopic.NAME, UUID.randomUUID().toString(), RiskListRevised.TYPE, "eo",
                         new RiskListRevised("eo", 1, List.of(new RiskPhrase("vidas", "SELF_HARM")), at), at);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lists.versionOf("eo") == 2);

        String client = newClientId();
        assertThat(http(client).post("/api/clients/" + client + "/journal/reflections",
                                     "{\"promptId\":\"why\",\"text\":\"" + text + "\"}").statusCode())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.recordsWithKey(client).size() >= 2);
        JsonNode concern = Json.parse(topic.recordsWithKey(client).get(1).value());
        assertThat(concern.at("/data/riskClass").asText()).as("the late version 1 was not taken")
                .isEqualTo("SUICIDAL_IDEATION");
        assertThat(concern.at("/data/listLanguage").asText()).isEqualTo("eo");
        assertThat(concern.at("/data/listVersion").asInt()).isEqualTo(2);
        assertThat(stored.find(new Document("_id", "eo")).first().getInteger("version"))
                .as("kept across restarts in journal_risk_lists").isEqualTo(2);
    }

    @Test
    void aNegatedPhraseRaisesNothing() {
        String client = newClientId();
        Http http = http(client);
        assertThat(http.post("/api/clients/" + client + "/journal/mood-check-ins",
                             "{\"score\":2,\"note\":\"Sad, but I would never hurt myself\"}").statusCode())
                .isEqualTo(201);
        HttpResponse<String> harmless = http.post("/api/clients/" + client + "/journal/reflections",
                                                  "{\"promptId\":\"why\",\"text\":\"I texted him again\"}");
        assertThat(harmless.statusCode()).isEqualTo(201);
        assertThat(Json.parse(harmless.body()).has("showCrisisResources")).isFalse();

        await().atMost(Duration.ofSeconds(30)).until(() -> topic.recordsWithKey(client).size() >= 2);
        assertThat(topic.recordsWithKey(client)).extracting(r -> Json.parse(r.value()).get("type").asText())
                .containsExactly("rekindle.journal.MoodCheckedIn.v1", "rekindle.journal.ReflectionCompleted.v1");
    }

    /** Ending a no-contact period has nothing to create; its answer still asks for the banner when the reason matched. */
    @Test
    void aRiskyReasonForEndingNoContactAsksForTheResourcesAndAPlainOneDoesNot() {
        String client = newClientId();
        Http http = http(client);
        String base = "/api/clients/" + client + "/contact-log/no-contact-periods";
        String first = Json.parse(http.post(base, "{\"targetDays\":30}").body()).get("periodId").asText();
        HttpResponse<String> risky = http.post(base + "/" + first + "/end", "{\"reason\":\"" + RISKY + "\"}");
        assertThat(risky.statusCode()).isEqualTo(200);
        assertThat(Json.parse(risky.body()).get("showCrisisResources").asBoolean()).isTrue();

        String second = Json.parse(http.post(base, "{\"targetDays\":30}").body()).get("periodId").asText();
        HttpResponse<String> plain = http.post(base + "/" + second + "/end", "{\"reason\":\"Reached my target\"}");
        assertThat(plain.statusCode()).isEqualTo(204);
        assertThat(plain.body()).isEmpty();

        await().atMost(Duration.ofSeconds(30)).until(() -> topic.recordsWithKey(client).size() >= 5);
        assertThat(topic.recordsWithKey(client)).extracting(r -> Json.parse(r.value()).get("type").asText())
                .filteredOn(type -> type.endsWith("SafetyConcernRaised.v1")).hasSize(1);
    }
}
