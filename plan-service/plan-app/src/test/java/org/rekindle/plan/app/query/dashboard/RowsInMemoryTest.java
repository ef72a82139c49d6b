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

        // stored before rows had versions and coaches their lists, read by a process started since: read every time
        rows.updateOne(new Document("_id", "c1"), new Document("$unset", new Document("written", "")));
        client.getDatabase(database).getCollection("dashboard_coach_rows").drop();
        Instance restarted = new Instance(database);
        assertThat(restarted.moods("c1")).containsExactly(1);
        rows.updateOne(new Document("_id", "c1"), new Document("$set", new Document("row.moods.0.score", 3)));
        assertThat(restarted.moods("c1")).containsExactly(3);
    }

    @Test
    void aCoachsDashboardListsTheRowsStoredBeforeTheCoachesListsExisted() {
        String database = "dashboard-" + UUID.randomUUID();
        new Instance(database).apply(assigned("c1"), assigned("c.2"), mood("c1", 4), mood("c.2", 2));
        client.getDatabase(database).getCollection("dashboard_coach_rows").drop();

        Instance restarted = new Instance(database);

        assertThat(restarted.queries.coach("k1", NOW)).extracting(DashboardView::clientId)
                                                      .containsExactlyInAnyOrder("c1", "c.2");
        assertThat(restarted.moods("c.2")).containsExactly(2);
    }

    @Test
    void aClientWhoseNewPlanIsWithAnotherCoachLeavesTheFirstCoachsDashboard() {
        String database = "dashboard-" + UUID.randomUUID();
        Instance instance = new Instance(database);
        instance.apply(assigned("c1"), assigned("c2"), mood("c1", 4));
        assertThat(instance.queries.coach("k1", NOW)).extracting(DashboardView::clientId)
                                                     .containsExactlyInAnyOrder("c1", "c2");

        instance.apply(event("c1", "PlanAssigned", Map.of("coachId", "k2", "planId", "p-new", "timezone", "UTC",
                                                          "replyToExCountsAsBreach", false, "steps", List.of())));

        assertThat(instance.queries.coach("k1", NOW)).extracting(DashboardView::clientId).containsExactly("c2");
        assertThat(instance.queries.coach("k2", NOW)).extracting(DashboardView::clientId).containsExactly("c1");
        Instance another = new Instance(database);
        assertThat(another.queries.coach("k1", NOW)).extracting(DashboardView::clientId).containsExactly("c2");

        // a first coach's list that still names the client at its new version (a write half done): not shown there
        String newVersion = client.getDatabase(database).getCollection("dashboard_rows")
                                  .find(new Document("_id", "c1")).first().getString("written");
        client.getDatabase(database).getCollection("dashboard_coach_rows").updateOne(
                new Document("_id", "k1"), new Document("$set", new Document("rows.c1", newVersion)));
        assertThat(instance.queries.coach("k1", NOW)).extracting(DashboardView::clientId).containsExactly("c2");
    }

    /** Every kind of event the row folds, a few batches' worth, in the order a client might send them. */
    private List<List<ClientEvent>> batchesOfAHistory() {
        Map<String, Object> rules = new java.util.HashMap<>();
        rules.put("replyToExCountsAsBreach", false);
        rules.put("exContactRestartsPeriod", true);
        rules.put("noContactTargetDays", 45);
        return List.of(
                List.of(event("c1", "PlanAssigned", Map.of("coachId", "k1", "planId", "p1", "timezone", "Europe/Berlin",
                                                           "replyToExCountsAsBreach", true, "steps",
                                                           List.of(Map.of("stepId", "s1", "title", "Why it ended", "dayOffset", 0),
                                                                   Map.of("stepId", "s2", "title", "Apology", "dayOffset", 3)))),
                        event("c1", "NoContactStarted", Map.of("targetDays", 30)), mood("c1", 3)),
                List.of(event("c1", "PlanStepCompleted", Map.of("planId", "p1", "stepId", "s1")), mood("c1", 2),
                        event("c1", "ConsentChanged", Map.of("coachSees", List.of("MOOD", "CONTACT")))),
                List.of(event("c1", "NoContactBroken", Map.of("attemptDays", 4, "channel", "TEXT", "initiatedBy", "EX")),
                        event("c1", "WellBeingCheckedIn", Map.of("percentage", 40, "rawScore", 10, "week", "2026-W47"))),
                List.of(event("c1", "PlanBreachRulesChanged", Map.of("planId", "p1", "rules", rules,
                                                                     "changedAt", NOW.minusSeconds(60).toString())),
                        event("c1", "PlanStepSkipped", Map.of("planId", "p1", "stepId", "s2")), mood("c1", 1)),
                List.of(event("c1", "NoContactEnded", Map.of()), event("c1", "PlanPaused", Map.of("planId", "p1"))));
    }

    private static Document storedRow(String database) {
        Document stored = client.getDatabase(database).getCollection("dashboard_rows")
                                .find(new Document("_id", "c1")).first();
        stored.remove("written");
        return stored;
    }

    /**
     * The processor keeps each row as it wrote it and folds the next batch into that: what it stores is what folding
     * into the row read back from the store gives (every kind of event, across batches).
     */
    @Test
    void aRowKeptByTheProcessorIsStoredAsOneReadBackWouldBe() {
        List<List<ClientEvent>> batches = batchesOfAHistory();
        String keptDatabase = "dashboard-" + UUID.randomUUID();
        String readDatabase = "dashboard-" + UUID.randomUUID();
        Instance keeping = new Instance(keptDatabase);
        for (List<ClientEvent> batch : batches) {
            keeping.apply(batch.toArray(ClientEvent[]::new));
            new Instance(readDatabase).apply(batch.toArray(ClientEvent[]::new)); // a new instance reads the row
        }

        assertThat(storedRow(keptDatabase)).isEqualTo(storedRow(readDatabase));
        assertThat(storedRow(keptDatabase).get("row", Document.class).getList("moods", Object.class)).hasSize(3);
        assertThat(keeping.queries.client("c1", NOW)).isEqualTo(new Instance(readDatabase).queries.client("c1", NOW));
    }

    /** A redelivered batch changes nothing, whether the row is kept in memory or read. */
    @Test
    void aRedeliveredBatchChangesNothingInAKeptRow() {
        String database = "dashboard-" + UUID.randomUUID();
        Instance instance = new Instance(database);
        ClientEvent assigned = assigned("c1");
        ClientEvent low = mood("c1", 1);
        instance.apply(assigned, low);
        instance.apply(low, mood("c1", 5));
        instance.apply(assigned, low);
        assertThat(instance.moods("c1")).containsExactly(1, 5);
    }

    @Test
    void keepsAtMostItsCapacityDroppingTheLeastRecentlyRead() {
        RowsInMemory<DashboardRow> inMemory = new RowsInMemory<>(2);
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
