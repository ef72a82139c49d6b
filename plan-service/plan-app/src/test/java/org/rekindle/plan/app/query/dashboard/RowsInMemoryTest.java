package org.rekindle.plan.app.query.dashboard;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.embedded.SharedTestInfrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coach's dashboard keeps the rows it read in memory by the version each was stored with, on the MongoDB-wire
 * server: a row written again, by this instance or another one, is read again; an unchanged one is not.
 */
class RowsInMemoryTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final MongoClient client = SharedTestInfrastructure.mongoClient();
    private int ids;

    private ClientEvent event(String clientId, String type, Map<String, Object> data) {
        return new ClientEvent("e" + ids++, clientId, type, NOW.minus(Duration.ofHours(1)), data);
    }

    private ClientEvent assigned(String clientId) {
        return event(clientId, "PlanAssigned", Map.of("coachId", "k1", "planId", "p-" + clientId, "timezone", "UTC",
                                                      "replyToExCountsAsBreach", false, "steps", List.of()));
    }

    private ClientEvent mood(String clientId, int score) {
        return event(clientId, "MoodCheckedIn", Map.of("score", score));
    }

    /** One service instance's dashboard: its own documents, store and queries on the shared database. */
    private static final class Instance {
        final DashboardStore store;
        final DashboardQueries queries;

        Instance(String database) {
            DashboardDocuments documents = new DashboardDocuments(client, database);
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            store = new DashboardStore(documents, changed -> { }, clock);
            queries = new DashboardQueries(documents, clock);
        }

        void apply(ClientEvent... events) {
            DashboardBatch batch = store.newBatch();
            List.of(events).forEach(batch::apply);
            batch.flush();
        }

        List<Integer> moods(String clientId) {
            return queries.coach("k1", NOW).stream().filter(view -> view.clientId().equals(clientId)).findFirst()
                          .orElseThrow().moodTrend();
        }
    }

    @Test
    void aRowWrittenByAnotherInstanceIsReadAgain() {
        String database = "dashboard-" + UUID.randomUUID();
        Instance first = new Instance(database);
        Instance second = new Instance(database);
        first.apply(assigned("c1"), assigned("c2"), mood("c1", 4));
        assertThat(first.moods("c1")).containsExactly(4);

        second.apply(mood("c1", 2));
        assertThat(first.moods("c1")).containsExactly(4, 2);
        first.apply(mood("c1", 5));
        assertThat(first.moods("c1")).containsExactly(4, 2, 5);
        assertThat(first.queries.client("c1", NOW).orElseThrow().moodTrend()).containsExactly(4, 2, 5);
    }

    @Test
    void anUnchangedVersionIsAnsweredFromMemoryAndARowWithoutOneFromTheStore() {
        String database = "dashboard-" + UUID.randomUUID();
        Instance instance = new Instance(database);
        instance.apply(assigned("c1"), mood("c1", 4));
        assertThat(instance.moods("c1")).containsExactly(4);
        MongoCollection<Document> rows = client.getDatabase(database).getCollection("dashboard_rows");
        Document moodOfOne = new Document("$set", new Document("row.moods.0.score", 1));

        rows.updateOne(new Document("_id", "c1"), moodOfOne); // the same version: not read again
        assertThat(instance.moods("c1")).containsExactly(4);

        rows.updateOne(new Document("_id", "c1"), new Document("$unset", new Document("written", "")));
        assertThat(instance.moods("c1")).containsExactly(1); // stored before versions: read every time
        rows.updateOne(new Document("_id", "c1"), new Document("$set", new Document("row.moods.0.score", 3)));
        assertThat(instance.moods("c1")).containsExactly(3);
    }

    @Test
    void keepsAtMostItsCapacityDroppingTheLeastRecentlyRead() {
        RowsInMemory inMemory = new RowsInMemory(2);
        inMemory.keep("a", "v1", new DashboardRow("a"));
        inMemory.keep("b", "v1", new DashboardRow("b"));
        assertThat(inMemory.at("a", "v1")).isNotNull();
        inMemory.keep("c", "v1", new DashboardRow("c"));

        assertThat(inMemory.size()).isEqualTo(2);
        assertThat(inMemory.at("b", "v1")).isNull();
        assertThat(inMemory.at("a", "v1")).isNotNull();
        assertThat(inMemory.at("a", "v2")).isNull();
        inMemory.keep("d", null, new DashboardRow("d"));
        assertThat(inMemory.at("d", null)).isNull();
    }
}
