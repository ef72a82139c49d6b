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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coach's dashboard reads rows without their contact marks (they grow with the history) and answers from the
 * no-contact figures counted when each row was stored, on the MongoDB-wire server; the figures are the ones a fold
 * of every event gives, and a contact dated after the row was stored counts once its time has come.
 */
class DashboardRowsWithoutMarksTest {

    private static final Instant STORED_AT = Instant.parse("2026-11-20T12:00:00Z");
    private static final Instant T0 = STORED_AT.minus(Duration.ofDays(30));

    private static final MongoClient client = SharedTestInfrastructure.mongoClient();
    private int ids;

    private ClientEvent event(String type, Instant at, Map<String, Object> data) {
        return new ClientEvent("e" + ids++, "c1", type, at, data);
    }

    private List<ClientEvent> history() {
        List<ClientEvent> events = new ArrayList<>(List.of(
                event("PlanAssigned", T0, Map.of("coachId", "k1", "planId", "p1", "timezone", "UTC",
                                                 "replyToExCountsAsBreach", true, "steps", List.of())),
                event("NoContactStarted", T0, Map.of("targetDays", 30))));
        for (int day : new int[]{3, 9, 20, 26, 29}) { // two more than a week ago, one within 48 hours
            events.add(event("NoContactBroken", T0.plus(Duration.ofDays(day)),
                             Map.of("attemptDays", 3, "channel", "TEXT", "initiatedBy", day % 2 == 0 ? "EX" : "CLIENT")));
        }
        return events;
    }

    private static DashboardView foldedFromEvery(List<ClientEvent> events, Instant now) {
        DashboardRow row = new DashboardRow("c1");
        events.forEach(row::apply);
        return row.asOf(now);
    }

    private static DashboardQueries stored(String database, List<ClientEvent> events) {
        DashboardDocuments documents = new DashboardDocuments(client, database);
        DashboardStore store = new DashboardStore(documents, changed -> { }, Clock.fixed(STORED_AT, ZoneOffset.UTC));
        DashboardBatch batch = store.newBatch();
        events.forEach(batch::apply);
        batch.flush();
        return new DashboardQueries(documents, Clock.fixed(STORED_AT, ZoneOffset.UTC));
    }

    @Test
    void theCoachsDashboardCountsContactsWithoutReadingTheirMarks() {
        String database = "dashboard-" + UUID.randomUUID();
        List<ClientEvent> events = history();
        DashboardQueries queries = stored(database, events);
        MongoCollection<Document> rows = client.getDatabase(database).getCollection("dashboard_rows");
        Document row = rows.find(new Document("_id", "c1")).first().get("row", Document.class);
        assertThat(row.getList("noContact", Object.class)).hasSize(6).allMatch(String.class::isInstance);
        rows.updateOne(new Document("_id", "c1"), new Document("$set", new Document("row.noContact", List.of())));

        Instant later = STORED_AT.plus(Duration.ofHours(3));
        DashboardView view = queries.coach("k1", later).get(0);

        DashboardView expected = foldedFromEvery(events, later);
        assertThat(view.breachesLast7Days()).isEqualTo(expected.breachesLast7Days()).isEqualTo(2);
        assertThat(view.currentStreakDays()).isEqualTo(expected.currentStreakDays()).isEqualTo(1);
        assertThat(view.longestStreakDays()).isEqualTo(expected.longestStreakDays());
        assertThat(view.riskFlags()).isEqualTo(expected.riskFlags()).contains(RiskFlag.BREACH_IN_48H);
        assertThat(view.attention()).isEqualTo(expected.attention());
        assertThat(queries.client("c1", later).orElseThrow().breachesLast7Days()).isEqualTo(2);
    }

    @Test
    void aContactDatedAfterTheRowWasStoredCountsOnceItsTimeHasCome() {
        String database = "dashboard-" + UUID.randomUUID();
        List<ClientEvent> events = history();
        Instant dated = STORED_AT.plus(Duration.ofHours(1));
        events.add(event("NoContactBroken", dated, Map.of("attemptDays", 0, "channel", "CALL", "initiatedBy", "CLIENT")));
        DashboardQueries queries = stored(database, events);

        assertThat(queries.coach("k1", STORED_AT.plusSeconds(60)).get(0).breachesLast7Days()).isEqualTo(2);
        DashboardView after = queries.coach("k1", dated.plusSeconds(60)).get(0);
        assertThat(after.breachesLast7Days()).isEqualTo(3)
                .isEqualTo(foldedFromEvery(events, dated.plusSeconds(60)).breachesLast7Days());
        assertThat(after.currentStreakDays()).isZero();
    }

    /** Marks are kept as one string each; rows stored with marks as documents still count them. */
    @Test
    void marksStoredAsDocumentsStillCount() {
        String database = "dashboard-" + UUID.randomUUID();
        List<ClientEvent> events = history();
        DashboardQueries queries = stored(database, events);
        MongoCollection<Document> rows = client.getDatabase(database).getCollection("dashboard_rows");
        List<Document> asDocuments = new ArrayList<>();
        for (Object mark : rows.find(new Document("_id", "c1")).first().get("row", Document.class)
                               .getList("noContact", Object.class)) {
            String[] parts = ((String) mark).split("\\|", -1);
            asDocuments.add(new Document("kind", parts[0]).append("at", parts[1])
                    .append("targetDays", parts[2].isEmpty() ? null : Integer.valueOf(parts[2]))
                    .append("channel", parts[3].isEmpty() ? null : parts[3])
                    .append("initiatedBy", parts[4].isEmpty() ? null : parts[4])
                    .append("attemptDays", parts[5].isEmpty() ? null : Integer.valueOf(parts[5])));
        }
        rows.updateOne(new Document("_id", "c1"), new Document("$set", new Document("row.noContact", asDocuments))
                .append("$unset", new Document("row.folded", "")));

        Instant later = STORED_AT.plus(Duration.ofHours(3));
        DashboardView view = queries.coach("k1", later).get(0);
        assertThat(view.breachesLast7Days()).isEqualTo(2);
        assertThat(view.longestStreakDays()).isEqualTo(foldedFromEvery(events, later).longestStreakDays());
        assertThat(view.currentStreakDays()).isEqualTo(1);
    }

    @Test
    void aMarkWhoseTextHoldsTheSeparatorIsKeptAsADocument() {
        NoContactFold.Mark odd = new NoContactFold.Mark("CONTACT", T0, null, "TEXT|CALL", "EX", 3);
        assertThat(odd.stored()).isInstanceOf(Map.class);
        assertThat(NoContactFold.Mark.of(odd.stored())).isEqualTo(odd);
        NoContactFold.Mark plain = new NoContactFold.Mark("STARTED", T0, 30, null, null, null);
        assertThat(plain.stored()).isEqualTo("STARTED|" + T0 + "|30|||");
        assertThat(NoContactFold.Mark.of(plain.stored())).isEqualTo(plain);
        NoContactFold.Mark full = new NoContactFold.Mark("CONTACT", T0, null, "TEXT", "EX", 12);
        assertThat(full.stored()).isEqualTo("CONTACT|" + T0 + "||TEXT|EX|12");
        assertThat(NoContactFold.Mark.of(full.stored())).isEqualTo(full);
    }
}
