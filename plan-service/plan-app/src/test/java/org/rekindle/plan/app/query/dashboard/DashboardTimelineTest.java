package org.rekindle.plan.app.query.dashboard;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.rekindle.platform.embedded.SharedTestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline in day buckets, read by id through its month indexes, on the MongoDB-wire server. */
class DashboardTimelineTest {

    private static final Instant T0 = Instant.parse("2026-10-30T09:00:00Z");

    private static final MongoClient client = SharedTestInfrastructure.mongoClient();

    /** The dashboard's writes and queries over one database. */
    private record Dashboard(DashboardStore writes, DashboardQueries queries) {

        DashboardBatch newBatch() {
            return writes.newBatch();
        }
    }

    private static Dashboard store(String database) {
        return over(client, database);
    }

    private static Dashboard over(MongoClient mongo, String database) {
        DashboardDocuments documents = new DashboardDocuments(mongo, database);
        java.time.Clock clock = java.time.Clock.systemUTC();
        return new Dashboard(new DashboardStore(documents, event -> { }, clock), new DashboardQueries(documents, clock));
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
        Dashboard store = store("dashboard-" + UUID.randomUUID());
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

        assertThat(store.queries().timeline("c1")).extracting(ClientEvent::eventId)
                                        .containsExactly("assigned-c1", "m1", "m2", "m4");
        assertThat(store.queries().timeline("c2")).extracting(ClientEvent::eventId).containsExactly("assigned-c2", "m3");
        assertThat(store.queries().clientAsOf("c1", november.plusSeconds(1)).orElseThrow().moodTrend()).containsExactly(2, 4);
        assertThat(store.queries().clientAsOf("c1", november.minusSeconds(1)).orElseThrow().moodTrend()).containsExactly(2);
        assertThat(store.queries().clientAsOf("c1", december).orElseThrow().moodTrend()).containsExactly(2, 4, 5);
        assertThat(store.queries().clientAsOf("c1", T0.minusSeconds(1))).isEmpty();
        assertThat(store.queries().clientAsOf("nobody", december)).isEmpty();
    }

    /**
     * A check-in logged on 2 October for the night of 30 September: "as it happened" shows it on 1 October, "as you
     * saw it then" not until it was logged, even after September's month end (which holds it) has been kept.
     */
    @Test
    void asYouSawItThenLeavesOutWhatWasLoggedLaterAndDatedEarlier() {
        Dashboard store = store("dashboard-" + UUID.randomUUID());
        Instant august = Instant.parse("2026-08-01T09:00:00Z");
        Instant lateNight = Instant.parse("2026-09-30T22:00:00Z");
        Instant loggedAt = Instant.parse("2026-10-02T10:00:00Z");
        Instant october1 = Instant.parse("2026-10-01T12:00:00Z");
        DashboardBatch batch = store.newBatch();
        List.of(new ClientEvent("assigned-c1", "c1", "PlanAssigned", august, Map.of("coachId", "k1", "planId", "p-c1",
                                "timezone", "UTC", "steps", List.of())),
                mood("m1", "c1", august.plusSeconds(3600), 4),
                new ClientEvent("m2", "c1", "MoodCheckedIn", lateNight, Map.of("score", 1), loggedAt),
                new ClientEvent("m3", "c1", "MoodCheckedIn", Instant.parse("2026-10-05T08:00:00Z"), Map.of("score", 3),
                                Instant.parse("2026-10-06T08:00:00Z"))).forEach(batch::apply);
        batch.flush();

        assertThat(store.queries().clientAsOf("c1", october1).orElseThrow().moodTrend()).containsExactly(4, 1);
        assertThat(store.queries().clientAsSeenAt("c1", october1).orElseThrow().moodTrend())
                .as("September's kept month end holds the late check-in; it is folded again without it")
                .containsExactly(4);
        assertThat(store.queries().clientAsSeenAt("c1", loggedAt.plusSeconds(1)).orElseThrow().moodTrend()).containsExactly(4, 1);
        Instant october5Noon = Instant.parse("2026-10-05T12:00:00Z");
        assertThat(store.queries().clientAsOf("c1", october5Noon).orElseThrow().moodTrend()).containsExactly(4, 1, 3);
        assertThat(store.queries().clientAsSeenAt("c1", october5Noon).orElseThrow().moodTrend())
                .as("logged the next day, within the month").containsExactly(4, 1);
        assertThat(store.queries().clientAsSeenAt("c1", Instant.parse("2026-10-07T00:00:00Z")).orElseThrow())
                .usingRecursiveComparison().isEqualTo(store.queries().clientAsOf("c1", Instant.parse("2026-10-07T00:00:00Z"))
                                                           .orElseThrow());
        assertThat(store.queries().timeline("c1")).filteredOn(e -> e.eventId().equals("m2")).extracting(ClientEvent::recordedAt)
                                        .containsExactly(loggedAt);
    }

    /** A timeline of one document per event (before the day buckets): moved into its days and indexed on start. */
    @Test
    void aTimelineStoredOneDocumentPerEventIsMovedIntoDaysOnStart() {
        String database = "dashboard-" + UUID.randomUUID();
        client.getDatabase(database).getCollection("dashboard_timeline").insertMany(List.of(
                new Document("_id", "old-1").append("clientId", "c1").append("type", "MoodCheckedIn")
                                            .append("time", Date.from(T0)).append("data", new Document("score", 3)),
                new Document("_id", "old-2").append("clientId", "c1").append("type", "MoodCheckedIn")
                                            .append("time", Date.from(T0.plus(Duration.ofDays(40))))
                                            .append("data", new Document("score", 1))));
        Dashboard store = store(database);

        assertThat(store.queries().timeline("c1")).extracting(ClientEvent::eventId).containsExactly("old-1", "old-2");
        assertThat(store.queries().clientAsOf("c1", T0.plus(Duration.ofDays(1))).orElseThrow().moodTrend()).containsExactly(3);
        assertThat(client.getDatabase(database).listCollectionNames().into(new java.util.ArrayList<>()))
                .contains("dashboard_timeline_days").doesNotContain("dashboard_timeline");
        assertThat(client.getDatabase(database).getCollection("dashboard_timeline_days").countDocuments())
                .as("one document per client and day").isEqualTo(2);
        Dashboard restarted = store(database);
        assertThat(restarted.queries().timeline("c1")).extracting(ClientEvent::eventId).containsExactly("old-1", "old-2");
    }

    /** A row stored before its applied ids were kept as one string still recognises a redelivered event. */
    @Test
    void aRowStoredWithItsAppliedIdsAsAListStillSkipsARedelivery() {
        String database = "dashboard-" + UUID.randomUUID();
        Dashboard store = store(database);
        DashboardBatch batch = store.newBatch();
        batch.apply(assigned("c1"));
        batch.apply(mood("m1", "c1", T0.plusSeconds(60), 2));
        batch.flush();
        var rows = client.getDatabase(database).getCollection("dashboard_rows");
        Document stored = rows.find(new Document("_id", "c1")).first();
        rows.replaceOne(new Document("_id", "c1"), new Document("coachId", stored.get("coachId"))
                .append("seen", List.of("assigned-c1", "m1")).append("row", stored.get("row")));

        batch.apply(mood("m1", "c1", T0.plusSeconds(60), 2));
        batch.apply(mood("m2", "c1", T0.plusSeconds(120), 4));
        batch.flush();

        assertThat(store.queries().client("c1", T0.plusSeconds(180)).orElseThrow().moodTrend()).containsExactly(2, 4);
        assertThat(rows.find(new Document("_id", "c1")).first().getString("seenIds")).isEqualTo("assigned-c1 m1 m2");
    }

    /** Events of one client and day share a document; a redelivered batch adds none twice. */
    @Test
    void aBatchWritesOneDocumentPerClientAndDay() {
        String database = "dashboard-" + UUID.randomUUID();
        Dashboard store = store(database);
        DashboardBatch batch = store.newBatch();
        for (int i = 0; i < 30; i++) {
            batch.apply(mood("a" + i, "c1", T0.plusSeconds(60L * i), 3));
            batch.apply(mood("b" + i, "c2", T0.plus(Duration.ofDays(1)).plusSeconds(60L * i), 2));
        }
        batch.flush();
        for (int i = 0; i < 30; i++) {
            batch.apply(mood("a" + i, "c1", T0.plusSeconds(60L * i), 3));
        }
        batch.flush();

        var days = client.getDatabase(database).getCollection("dashboard_timeline_days");
        assertThat(days.countDocuments()).isEqualTo(2);
        assertThat(days.find(new Document("_id", "c1/2026-10-30")).first().get("byId", Document.class)).hasSize(30);
        assertThat(store.queries().timeline("c1")).hasSize(30);
    }

    /**
     * A day written before events were keyed by id (an {@code events} array) is read as it is and counts as full: new
     * events go on in its second part, a redelivered one is not stored again, and an erasure keeps what it must in
     * the keyed form.
     */
    @Test
    void aDayStoredAsAnArrayIsStillReadAndGoesOnInASecondPart() {
        String database = "dashboard-" + UUID.randomUUID();
        Dashboard store = store(database);
        flushAll(store, List.of(assigned("c1")));
        var days = client.getDatabase(database).getCollection("dashboard_timeline_days");
        days.insertOne(new Document("_id", "c1/2026-10-31").append("clientId", "c1").append("events", List.of(
                TimelineDays.stored(mood("old-1", "c1", T0.plus(Duration.ofDays(1)), 2)),
                TimelineDays.stored(mood("old-2", "c1", T0.plus(Duration.ofDays(1)).plusSeconds(60), 3)),
                TimelineDays.stored(new ClientEvent("old-step", "c1", "PlanStepCompleted", T0.plus(Duration.ofDays(1))
                        .plusSeconds(30), Map.of("stepId", "why"))))));
        new DashboardDocuments(client, database).index(List.of(mood("old-1", "c1", T0.plus(Duration.ofDays(1)), 2)));

        DashboardBatch later = store.newBatch();
        later.apply(mood("old-2", "c1", T0.plus(Duration.ofDays(1)).plusSeconds(60), 3)); // redelivered
        later.apply(mood("new.1", "c1", T0.plus(Duration.ofDays(1)).plusSeconds(120), 4)); // a dot in its id
        later.apply(mood("7", "c1", T0.plus(Duration.ofDays(1)).plusSeconds(180), 5)); // a number as a field name
        later.apply(mood("8", "c1", T0.plus(Duration.ofDays(3)), 5)); // ... the first of a new day
        later.flush();

        assertThat(store.queries().timeline("c1")).extracting(ClientEvent::eventId)
                .containsExactly("assigned-c1", "old-1", "old-step", "old-2", "new.1", "7", "8");
        Document legacy = days.find(new Document("_id", "c1/2026-10-31")).first();
        assertThat(legacy.getList("events", Document.class)).hasSize(3);
        assertThat(legacy.get("byId")).as("the redelivered event is not stored again").isNull();
        assertThat(legacy.getInteger("parts")).isEqualTo(2);
        assertThat(days.find(new Document("_id", "c1/2026-10-31#2")).first().get("byId", Document.class))
                .containsOnlyKeys("new%2E1", "7");
        assertThat(days.find(new Document("_id", "c1/2026-11-02")).first().get("byId", Document.class)).containsOnlyKeys("8");

        store.writes().forgetJournalOf("c1");
        assertThat(store.queries().timeline("c1")).extracting(ClientEvent::eventId)
                .containsExactly("assigned-c1", "old-step");
        Document kept = days.find(new Document("_id", "c1/2026-10-31")).first();
        assertThat(kept.get("byId", Document.class)).as("rewritten keyed").containsOnlyKeys("old-step");
        assertThat(kept.containsKey("events")).isFalse();
        assertThat(kept.getInteger("parts")).as("still leads to its parts").isEqualTo(2);
        assertThat(days.find(new Document("_id", "c1/2026-10-31#2")).first()).as("a part left empty goes").isNull();
    }

    /**
     * A busy day goes on in parts of at most {@link TimelineDays#EVENTS_PER_PART} events, whatever the batches: each
     * update of the embedded server copies its whole document, so a day's cost per event stays bounded. Time travel
     * and the timeline read every part.
     */
    @Test
    void aBusyDayGoesOnInPartsOfBoundedSize() {
        String database = "dashboard-" + UUID.randomUUID();
        Dashboard store = store(database);
        flushAll(store, List.of(assigned("c1")));
        Instant day = T0.plusSeconds(3_600);
        List<ClientEvent> moods = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            moods.add(mood(String.format("m%03d", i), "c1", day.plusSeconds(i), 1 + i % 5));
        }
        for (int from = 0; from < 250; from += 83) {
            flushAll(store, moods.subList(from, Math.min(250, from + 83)));
        }

        var days = client.getDatabase(database).getCollection("dashboard_timeline_days");
        assertThat(days.find(new Document("_id", "c1/2026-10-30")).first().get("byId", Document.class))
                .hasSize(TimelineDays.EVENTS_PER_PART); // the plan's event, then the first check-ins
        assertThat(days.find(new Document("_id", "c1/2026-10-30")).first().getInteger("parts")).isEqualTo(3);
        assertThat(days.find(new Document("_id", "c1/2026-10-30#2")).first().get("byId", Document.class))
                .hasSize(TimelineDays.EVENTS_PER_PART);
        assertThat(days.find(new Document("_id", "c1/2026-10-30#3")).first().get("byId", Document.class)).hasSize(51);
        assertThat(store.queries().timeline("c1")).hasSize(251).extracting(ClientEvent::eventId)
                                                  .startsWith("assigned-c1", "m000").endsWith("m249");
        assertThat(store.queries().clientAsOf("c1", day.plusSeconds(249)).orElseThrow().moodTrend()).isNotEmpty()
                .isEqualTo(fullFold(store, day.plusSeconds(249)).moodTrend());
    }

    /**
     * After a crash the batch comes again to an instance that has not written the day yet: it reads the day's parts
     * and sets no event twice, though the events would otherwise fill on into a new part.
     */
    @Test
    void aBatchThatComesAgainAfterARestartStoresNoEventTwice() {
        String database = "dashboard-" + UUID.randomUUID();
        List<ClientEvent> events = moods("m", 150);
        flushAll(store(database), events);

        List<ClientEvent> again = new java.util.ArrayList<>(events);
        again.add(mood("m150", "c1", T0.plusSeconds(150), 4));
        flushAll(store(database), again); // a new instance: nothing of the day in memory

        assertThat(storedIds(database)).hasSize(151).doesNotHaveDuplicates();
    }

    /** A batch redelivered to the instance that wrote it (a rebalance back to it): its rows have seen the events. */
    @Test
    void aBatchRedeliveredToTheSameInstanceStoresNoEventTwice() {
        String database = "dashboard-" + UUID.randomUUID();
        Dashboard store = store(database);
        List<ClientEvent> events = moods("m", 150);
        flushAll(store, events);
        flushAll(store, events);

        assertThat(storedIds(database)).hasSize(150).doesNotHaveDuplicates();
    }

    /**
     * A copy of an event comes long after it (the topic holds it twice: fault suite, "every record delivered twice"):
     * the client's row remembers only its last {@link DashboardStore#REMEMBERED_EVENT_IDS} events, and the event's
     * day fills on in a newer part, yet the day is not given the event again.
     */
    @Test
    void aCopyComingLongAfterItsEventIsNotStoredAgain() {
        String database = "dashboard-" + UUID.randomUUID();
        Dashboard store = store(database);
        List<ClientEvent> events = new java.util.ArrayList<>(moods("m", 150));
        for (int i = 0; i < DashboardStore.REMEMBERED_EVENT_IDS + 100; i++) {
            events.add(mood("later" + i, "c1", T0.plus(Duration.ofDays(1)).plusSeconds(i), 3));
        }
        for (int from = 0; from < events.size(); from += 50) {
            flushAll(store, events.subList(from, Math.min(events.size(), from + 50)));
        }
        flushAll(store, List.of(events.get(0), // in the day's first part, which is full
                                events.get(149), // in the part that is filling
                                mood("m150", "c1", T0.plusSeconds(150), 4)));

        assertThat(storedIds(database)).hasSize(events.size() + 1).doesNotHaveDuplicates();
    }

    /**
     * Another instance wrote a day this instance had written (the client's partition went there and came back): the
     * write that would fill a part beyond what it holds is refused, and the day is read again and the events set
     * where they belong.
     */
    @Test
    void aDayAnotherInstanceWroteMeanwhileIsReadAgainBeforeItGoesOn() {
        String database = "dashboard-" + UUID.randomUUID();
        Dashboard one = store(database);
        Dashboard other = store(database);
        flushAll(one, moods("a", 150));
        flushAll(other, moods("b", 30));
        flushAll(one, moods("c", 40));

        assertThat(storedIds(database)).hasSize(220).doesNotHaveDuplicates();
        client.getDatabase(database).getCollection("dashboard_timeline_days").find().forEach(part -> assertThat(
                part.get("byId", Document.class)).hasSizeLessThanOrEqualTo(TimelineDays.EVENTS_PER_PART));
    }

    /**
     * Another instance emptied the dashboard for a rebuild while this one still knows the day's third part: the
     * events this one is given next are not set into a part that no day leads to (they would be stored and never read).
     */
    @Test
    void aDayEmptiedElsewhereForARebuildIsBegunAgainNotContinued() {
        String database = "dashboard-" + UUID.randomUUID();
        Dashboard one = store(database);
        Dashboard other = store(database);
        flushAll(one, moods("a", 240));
        other.writes().clear();
        flushAll(one, moods("x", 10));

        assertThat(one.queries().timeline("c1")).extracting(ClientEvent::eventId).hasSize(10).allMatch(
                id -> id.startsWith("x"));
    }

    private static List<ClientEvent> moods(String prefix, int count) {
        List<ClientEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(mood(prefix + i, "c1", T0.plusSeconds(i), 3));
        }
        return events;
    }

    private static void flushAll(Dashboard store, List<ClientEvent> events) {
        DashboardBatch batch = store.newBatch();
        events.forEach(batch::apply);
        batch.flush();
    }

    /** Every event id the database's timeline days hold, once per entry. */
    private static List<String> storedIds(String database) {
        List<String> stored = new java.util.ArrayList<>();
        client.getDatabase(database).getCollection("dashboard_timeline_days").find().forEach(
                doc -> doc.get("byId", Document.class).values().forEach(e -> stored.add(((Document) e).getString("id"))));
        return stored;
    }

    @Test
    void anEventIdIsOneFieldNameWhateverItHolds() {
        assertThat(TimelineDays.key("a.b$c%d")).isEqualTo("a%2Eb%24c%25d");
        assertThat(TimelineDays.key("a%2Eb")).isNotEqualTo(TimelineDays.key("a.b"));
        assertThat(TimelineDays.key("7c9e6679-7425-40de-944b-e07fc1f90ae7")).isEqualTo("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    }

    @Test
    void anErasedJournalLeavesOnlyThePlansEventsInTheTimeline() {
        Dashboard store = store("dashboard-" + UUID.randomUUID());
        DashboardBatch batch = store.newBatch();
        List.of(assigned("c1"), mood("m1", "c1", T0.plusSeconds(60), 2),
                mood("m2", "c1", T0.plus(Duration.ofDays(40)), 4)).forEach(batch::apply);
        batch.flush();

        store.writes().forgetJournalOf("c1");

        assertThat(store.queries().timeline("c1")).extracting(ClientEvent::eventId).containsExactly("assigned-c1");
        assertThat(store.queries().clientAsOf("c1", T0.plus(Duration.ofDays(50))).orElseThrow().moodTrend()).isEmpty();
    }

    /**
     * Two years of daily check-ins: time travel agrees with folding every event up to its instant, and once the
     * month ends are kept it reads about one month of documents wherever it lands.
     */
    @Test
    void timeTravelOverTwoYearsAgreesWithTheFullFoldAndReadsABoundedNumberOfDocuments() {
        DocumentsRead counted = new DocumentsRead();
        try (MongoClient counting = counted.client()) {
            Dashboard store = over(counting, "dashboard-" + UUID.randomUUID());
            Instant start = Instant.parse("2024-12-01T08:00:00Z");
            DashboardBatch batch = store.newBatch();
            batch.apply(new ClientEvent("assigned-c1", "c1", "PlanAssigned", start, Map.of("coachId", "k1",
                    "planId", "p-c1", "timezone", "UTC", "steps", List.of())));
            for (int day = 0; day < 730; day++) {
                batch.apply(mood("m" + day, "c1", start.plus(Duration.ofDays(day)), 1 + day % 5));
            }
            batch.flush();

            for (Instant asOf : List.of(start.plus(Duration.ofDays(400)), start.plus(Duration.ofDays(700)),
                                        start.plus(Duration.ofDays(45)).plusSeconds(1))) {
                assertThat(store.queries().clientAsOf("c1", asOf).orElseThrow()).as("as of " + asOf)
                        .usingRecursiveComparison().isEqualTo(fullFold(store, asOf));
            }
            counted.reset();
            store.queries().clientAsOf("c1", start.plus(Duration.ofDays(650)));
            assertThat(counted.total()).as("documents read by one warm time-travel query (a month is at most 31 "
                                           + "events)").isLessThanOrEqualTo(40);
        }
    }

    @Test
    void anEventForAFinishedMonthReachesTimeTravelAfterIt() {
        Dashboard store = store("dashboard-" + UUID.randomUUID());
        Instant start = Instant.parse("2025-01-01T08:00:00Z");
        DashboardBatch batch = store.newBatch();
        batch.apply(assigned("c1"));
        for (int day = 0; day < 200; day++) {
            batch.apply(mood("m" + day, "c1", start.plus(Duration.ofDays(day)), 3));
        }
        batch.flush();
        Instant asOf = start.plus(Duration.ofDays(190));
        assertThat(store.queries().clientAsOf("c1", asOf).orElseThrow().longestStreakDays()).isZero();

        DashboardBatch late = store.newBatch();
        late.apply(new ClientEvent("late-breach", "c1", "NoContactBroken", start.plus(Duration.ofDays(40)),
                                   Map.of("attemptDays", 400)));
        late.flush();
        assertThat(store.queries().clientAsOf("c1", asOf).orElseThrow().longestStreakDays()).isEqualTo(400);
    }

    @Test
    void theCoachsTimelineComesAPageAtATimeFromTheNewest() {
        Dashboard store = store("dashboard-" + UUID.randomUUID());
        Instant start = Instant.parse("2025-01-01T08:00:00Z");
        DashboardBatch batch = store.newBatch();
        for (int day = 0; day < 100; day++) {
            batch.apply(mood("m" + day, "c1", start.plus(Duration.ofDays(day)), 3));
        }
        batch.flush();
        for (int i = 0; i < 5; i++) {
            batch.apply(mood("same-instant-" + i, "c1", start.plus(Duration.ofDays(99)), 3));
        }
        batch.flush();
        List<ClientEvent> latest = store.queries().timelineForCoach("c1", null, 10).orElseThrow();
        assertThat(latest).extracting(ClientEvent::eventId).containsExactly("m95", "m96", "m97", "m98", "m99",
                "same-instant-0", "same-instant-1", "same-instant-2", "same-instant-3", "same-instant-4");
        List<ClientEvent> sameInstant = store.queries().timelineForCoach("c1", "same-instant-2", 3).orElseThrow();
        assertThat(sameInstant).as("events of the same instant are paged by id, none skipped")
                .extracting(ClientEvent::eventId).containsExactly("m99", "same-instant-0", "same-instant-1");
        assertThat(store.queries().timelineForCoach("c1", latest.get(0).eventId(), 45).orElseThrow())
                .extracting(ClientEvent::eventId).hasSize(45).startsWith("m50").endsWith("m94");
        assertThat(store.queries().timelineForCoach("c1", "m1", 10).orElseThrow()).extracting(ClientEvent::eventId)
                .containsExactly("m0");
        assertThat(store.queries().timelineForCoach("c1", "not-an-event", 10)).isEmpty();
    }

    /**
     * A month crowded with events (the fault suite writes thousands per client): a page reads the days its events
     * fall in, newest first, not the month. Events the consent hides are passed over in the index, so the page is
     * still full.
     */
    @Test
    void aTimelinePageInACrowdedMonthReadsOnlyItsOwnEvents() {
        DocumentsRead counted = new DocumentsRead();
        try (MongoClient counting = counted.client()) {
            Dashboard store = over(counting, "dashboard-" + UUID.randomUUID());
            Instant start = Instant.parse("2025-03-01T08:00:00Z");
            DashboardBatch batch = store.newBatch();
            batch.apply(new ClientEvent("consent", "c1", "ConsentChanged", start,
                                        Map.of("coachSees", List.of("MOOD_TREND"))));
            for (int i = 0; i < 1_500; i++) {
                batch.apply(mood("m" + i, "c1", start.plusSeconds(60L * i), 3));
                batch.apply(new ClientEvent("u" + i, "c1", "UrgeRecorded", start.plusSeconds(60L * i + 30),
                                            Map.of("intensity", 2)));
            }
            batch.flush();

            counted.reset();
            List<ClientEvent> page = store.queries().timelineForCoach("c1", null, 20).orElseThrow();
            assertThat(page).as("the newest 20 the coach may see: moods only, urges hidden by the consent")
                    .extracting(ClientEvent::eventId).hasSize(20).startsWith("m1480").endsWith("m1499");
            // 1 March from 08:00: the consent and 960 minutes of two events; 2 March: 540 minutes of two
            int partsOfTwoDays = partsFor(1 + 2 * 960) + partsFor(2 * 540);
            assertThat(counted.total()).as("documents read: the row's consent, the client's months, the month's "
                                           + "days and the parts of the two days the events fall in")
                                       .isLessThanOrEqualTo(3 + partsOfTwoDays);

            counted.reset();
            List<ClientEvent> before = store.queries().timelineForCoach("c1", page.get(0).eventId(), 20).orElseThrow();
            assertThat(before).extracting(ClientEvent::eventId).startsWith("m1460").endsWith("m1479");
            assertThat(counted.total()).as("the next page finds its cursor in the same days")
                                       .isLessThanOrEqualTo(3 + partsOfTwoDays);
        }
    }

    private static int partsFor(int events) {
        return (events + TimelineDays.EVENTS_PER_PART - 1) / TimelineDays.EVENTS_PER_PART;
    }

    private static DashboardView fullFold(Dashboard store, Instant asOf) {
        DashboardRow row = new DashboardRow("c1");
        store.queries().timeline("c1").stream().filter(event -> !event.time().isAfter(asOf)).forEach(row::apply);
        return row.asOf(asOf);
    }

    /** Documents the driver reads back (find and getMore batches): what a query costs, whatever the server. */
    private static final class DocumentsRead implements com.mongodb.event.CommandListener {
        private final java.util.concurrent.atomic.AtomicLong documents = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public void commandSucceeded(com.mongodb.event.CommandSucceededEvent event) {
            org.bson.BsonDocument cursor = event.getResponse().getDocument("cursor", null);
            if (cursor != null) {
                documents.addAndGet((cursor.containsKey("firstBatch") ? cursor.getArray("firstBatch")
                                     : cursor.getArray("nextBatch", new org.bson.BsonArray())).size());
            }
        }

        void reset() {
            documents.set(0);
        }

        /** A client of the test server whose reads this counts. */
        MongoClient client() {
            return MongoClients.create(com.mongodb.MongoClientSettings.builder()
                    .applyConnectionString(new com.mongodb.ConnectionString(SharedTestInfrastructure.mongo().connectionString()))
                    .addCommandListener(this).build());
        }

        long total() {
            return documents.get();
        }
    }
}
