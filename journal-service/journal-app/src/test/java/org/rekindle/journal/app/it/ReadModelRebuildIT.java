package org.rekindle.journal.app.it;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.query.JournalReadModel;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.Json;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Read models are derived: dropping them and replaying the event store gives back exactly what was there. */
class ReadModelRebuildIT extends EmbeddedStackTest {

    @Autowired
    MongoClient mongoClient;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aReplayFromTheEventStoreRebuildsTheSameReadModels() {
        String client = newClientId();
        Http http = http(client);
        Instant start = Instant.now().minus(10, ChronoUnit.DAYS);
        String periodId = Json.parse(http.post("/api/clients/" + client + "/contact-log/no-contact-periods",
                "{\"occurredAt\":\"" + start + "\"}").body()).get("periodId").asText();
        http.post("/api/clients/" + client + "/contact-log/breaches", "{\"channel\":\"IN_PERSON\",\"initiatedBy\":"
                  + "\"EX\",\"occurredAt\":\"" + start.plus(3, ChronoUnit.DAYS) + "\"}");
        http.post("/api/clients/" + client + "/contact-log/urges", "{\"resisted\":false}");
        String apology = Json.parse(http.post("/api/clients/" + client + "/journal/apologies",
                                              "{\"text\":\"first\"}").body()).get("entryId").asText();
        http.post("/api/clients/" + client + "/journal/apologies/" + apology + "/revisions", "{\"text\":\"second\"}");
        http.put("/api/clients/" + client + "/journal/entries/" + apology + "/share");
        http.post("/api/clients/" + client + "/contact-log/no-contact-periods/" + periodId + "/end",
                  "{\"reason\":\"moving on\"}");

        await().atMost(Duration.ofSeconds(15)).until(() -> readModelOf(client).size() == 6);
        List<Document> live = readModelOf(client);

        StreamingEventProcessor processor = processing.eventProcessor(JournalReadModel.PROCESSING_GROUP,
                                                                      StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(readModelOf(client)).as("reset clears the read models").isEmpty();
        processor.start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(readModelOf(client)).isEqualTo(live));
    }

    /** Every read-model document of the client: entries, contact log records and the streak document. */
    private List<Document> readModelOf(String client) {
        var db = mongoClient.getDatabase("journal-it");
        List<Document> all = new ArrayList<>();
        db.getCollection("journal_entries").find(Filters.eq("clientId", client)).into(all);
        db.getCollection("journal_contact_log").find(Filters.eq("clientId", client)).into(all);
        db.getCollection("journal_streaks").find(Filters.eq("_id", client)).into(all);
        all.sort(java.util.Comparator.comparing(d -> String.valueOf(d.get("_id"))));
        return all;
    }
}
