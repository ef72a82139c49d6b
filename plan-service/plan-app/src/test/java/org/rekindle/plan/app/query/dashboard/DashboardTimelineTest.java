package org.rekindle.plan.app.query.dashboard;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.embedded.SharedTestInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline read by id through its month indexes, on the MongoDB-wire server. */
class DashboardTimelineTest {

    private static final Instant T0 = Instant.parse("2026-10-30T09:00:00Z");

    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(SharedTestInfrastructure.mongo().connectionString());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    private static DashboardStore store(String database) {
        return new DashboardStore(client, database, event -> { });
    }

    private static ClientEvent assigned(String clientId) {
        return new ClientEvent("assigned-" + clientId, clientId, "PlanAssigned", T0, Map.of("coachId", "k1",
                "planId", "p-" + clientId, "timezone", "UTC", "steps",
                List.of(Map.of("stepId", "why", "phaseId", "understand", "dueDate", "2027-01-01"))));
    }

    private static ClientEvent mood(String id, String clientId, Instant at, int score) {
        return new ClientEvent(id, clientId, "MoodCheckedIn", at, Map.of("score", score));
    }

    @Test
    void timeTravelAndTheTimelineReadOnlyTheClientsEventsAcrossMonthsEachOnce() {
        DashboardStore store = store("dashboard-" + UUID.randomUUID());
        Instant november = T0.plus(Duration.ofDays(5));
        Instant december = T0.plus(Duration.ofDays(40));
        List<ClientEvent> batch = List.of(assigned("c1"), assigned("c2"), mood("m1", "c1", T0.plusSeconds(60), 2),
                                          mood("m2", "c1", november, 4), mood("m3", "c2", november, 1),
                                          mood("m4", "c1", december, 5));
        DashboardBatch once = store.newBatch();
        batch.forEach(once::apply);
        once.flush();
        DashboardBatch redelivered = store.newBatch();
        batch.forEach(redelivered::apply);
        redelivered.flush();

        assertThat(store.timeline("c1")).extracting(ClientEvent::eventId)
                                        .containsExactly("assigned-c1", "m1", "m2", "m4");
        assertThat(store.timeline("c2")).extracting(ClientEvent::eventId).containsExactly("assigned-c2", "m3");
        assertThat(store.clientAsOf("c1", november.plusSeconds(1)).orElseThrow().moodTrend()).containsExactly(2, 4);
        assertThat(store.clientAsOf("c1", november.minusSeconds(1)).orElseThrow().moodTrend()).containsExactly(2);
        assertThat(store.clientAsOf("c1", december).orElseThrow().moodTrend()).containsExactly(2, 4, 5);
        assertThat(store.clientAsOf("c1", T0.minusSeconds(1))).isEmpty();
        assertThat(store.clientAsOf("nobody", december)).isEmpty();
    }

    @Test
    void aTimelineStoredBeforeItsIndexesExistedIsIndexedOnStart() {
        String database = "dashboard-" + UUID.randomUUID();
        client.getDatabase(database).getCollection("dashboard_timeline").insertMany(List.of(
                new Document("_id", "old-1").append("clientId", "c1").append("type", "MoodCheckedIn")
                                            .append("time", Date.from(T0)).append("data", new Document("score", 3)),
                new Document("_id", "old-2").append("clientId", "c1").append("type", "MoodCheckedIn")
                                            .append("time", Date.from(T0.plus(Duration.ofDays(40))))
                                            .append("data", new Document("score", 1))));
        DashboardStore store = store(database);

        assertThat(store.timeline("c1")).extracting(ClientEvent::eventId).containsExactly("old-1", "old-2");
        assertThat(store.clientAsOf("c1", T0.plus(Duration.ofDays(1))).orElseThrow().moodTrend()).containsExactly(3);
    }

    @Test
    void anErasedJournalLeavesOnlyThePlansEventsInTheTimeline() {
        DashboardStore store = store("dashboard-" + UUID.randomUUID());
        DashboardBatch batch = store.newBatch();
        List.of(assigned("c1"), mood("m1", "c1", T0.plusSeconds(60), 2),
                mood("m2", "c1", T0.plus(Duration.ofDays(40)), 4)).forEach(batch::apply);
        batch.flush();

        store.forgetJournalOf("c1");

        assertThat(store.timeline("c1")).extracting(ClientEvent::eventId).containsExactly("assigned-c1");
        assertThat(store.clientAsOf("c1", T0.plus(Duration.ofDays(50))).orElseThrow().moodTrend()).isEmpty();
    }
}
