package org.rekindle.journal.app.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A risk phrase in a reflection, over HTTP: the entry is stored as written, and {@code SafetyConcernRaised} (no text)
 * is published after its {@code ReflectionCompleted}; a negated phrase publishes nothing more.
 */
class SafetyConcernIT extends RecordingJournalTopicTest {

    private static final String RISKY = "Since the breakup I keep thinking I want to kill myself";

    @Test
    void aRiskPhraseIsStoredUnchangedAndRaisesAConcernWithoutText() {
        String client = newClientId();
        Http http = http(client);

        HttpResponse<String> written = http.post("/api/clients/" + client + "/journal/reflections",
                                                 "{\"promptId\":\"why\",\"text\":\"" + RISKY + "\"}");
        assertThat(written.statusCode()).isEqualTo(201);
        String entryId = Json.parse(written.body()).get("entryId").asText();

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

    @Test
    void aNegatedPhraseRaisesNothing() {
        String client = newClientId();
        Http http = http(client);
        assertThat(http.post("/api/clients/" + client + "/journal/mood-check-ins",
                             "{\"score\":2,\"note\":\"Sad, but I would never hurt myself\"}").statusCode())
                .isEqualTo(201);
        assertThat(http.post("/api/clients/" + client + "/journal/reflections",
                             "{\"promptId\":\"why\",\"text\":\"I texted him again\"}").statusCode())
                .isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> topic.recordsWithKey(client).size() >= 2);
        assertThat(topic.recordsWithKey(client)).extracting(r -> Json.parse(r.value()).get("type").asText())
                .containsExactly("rekindle.journal.MoodCheckedIn.v1", "rekindle.journal.ReflectionCompleted.v1");
    }
}
