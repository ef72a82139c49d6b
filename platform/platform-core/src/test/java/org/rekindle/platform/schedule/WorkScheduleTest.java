package org.rekindle.platform.schedule;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekindle.platform.embedded.SharedTestInfrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The persisted schedule on the MongoDB-wire server, driven by a controlled clock. */
class WorkScheduleTest {

    private static final Instant T0 = Instant.parse("2026-03-29T00:30:00Z");

    private static final MongoClient client = SharedTestInfrastructure.mongoClient();
    private MongoCollection<Document> collection;
    private MongoCollection<Document> finished;
    private WorkSchedule schedule;
    private final List<String> ran = new ArrayList<>();
    private final MutableClock clock = new MutableClock(T0);

    @BeforeEach
    void freshCollection() {
        String name = "work-" + UUID.randomUUID();
        collection = client.getDatabase("platform-test").getCollection(name);
        finished = client.getDatabase("platform-test").getCollection(name + "_finished");
        schedule = new WorkSchedule(collection, finished);
    }

    @Test
    void workRunsOnceWhenDueAndNotBefore() {
        ScheduleRunner runner = runner(work -> ran.add(work.key() + "@" + work.payload().getString("who")));
        assertThat(schedule.schedule("remind:1", Work.REMIND, T0.plusSeconds(60), new Document("who", "sam"))).isTrue();
        assertThat(schedule.schedule("remind:1", Work.REMIND, T0.plusSeconds(999), new Document("who", "x")))
                .as("the same key again keeps the first").isFalse();

        assertThat(runner.runDueWork()).isZero();
        clock.advance(Duration.ofSeconds(60));
        assertThat(runner.runDueWork()).isOne();
        assertThat(runner.runDueWork()).isZero();
        assertThat(ran).containsExactly("remind:1@sam");
        assertThat(schedule.stateOf("remind:1")).contains("DONE");
        schedule.schedule("remind:1", Work.REMIND, T0, new Document("who", "again"));
        assertThat(runner.runDueWork()).as("done work stored again is not revived").isZero();
        assertThat(ran).containsExactly("remind:1@sam");
        assertThat(schedule.stateOf("remind:1")).contains("DONE");
        assertThat(collection.countDocuments()).as("the copy left the polled set").isZero();
    }

    /** The backlog gauge: pending work due now, neither work due later nor work that ran or was cancelled. */
    @Test
    void theBacklogIsThePendingWorkDueNow() {
        ScheduleRunner runner = runner(work -> ran.add(work.key()));
        schedule.schedule("a", Work.REMIND, T0.plusSeconds(10), new Document());
        schedule.schedule("b", Work.REMIND, T0.plusSeconds(20), new Document());
        schedule.schedule("c", Work.REMIND, T0.plusSeconds(3600), new Document());
        schedule.schedule("d", Work.REMIND, T0.plusSeconds(5), new Document());
        schedule.cancel("d");
        assertThat(schedule.dueAt(clock.instant())).isZero();

        clock.advance(Duration.ofSeconds(30));
        assertThat(schedule.dueAt(clock.instant())).isEqualTo(2);
        runner.runDueWork();
        assertThat(schedule.dueAt(clock.instant())).isZero();
    }

    @Test
    void workThatFellDueWhileNobodyRanIsRunOnceByTheNextRunnerInDueOrder() {
        schedule.schedule("b", Work.REMIND, T0.plusSeconds(20), new Document());
        schedule.schedule("a", Work.REMIND, T0.plusSeconds(10), new Document());
        schedule.schedule("later", Work.REMIND, T0.plusSeconds(3600), new Document());
        clock.advance(Duration.ofMinutes(30));

        ScheduleRunner afterRestart = runner(work -> ran.add(work.key()));
        assertThat(afterRestart.runDueWork()).isEqualTo(2);
        assertThat(runner(work -> ran.add(work.key())).runDueWork()).as("a second instance finds nothing").isZero();
        assertThat(ran).containsExactly("a", "b");
    }

    @Test
    void failuresRetryWithBackOffAndEndAsFailedWithTheReason() {
        ScheduleRunner runner = runner(work -> {
            throw new IllegalStateException("smtp down on attempt " + work.attempt());
        });
        schedule.schedule("mail", Work.REMIND, T0, new Document());
        assertThat(runner.runDueWork()).isOne();
        assertThat(schedule.stateOf("mail")).contains("PENDING");
        assertThat(runner.runDueWork()).as("not again before the back-off").isZero();
        for (int attempt = 2; attempt <= 3; attempt++) {
            clock.advance(Duration.ofHours(1));
            assertThat(runner.runDueWork()).isOne();
        }
        Document failed = collection.find(Filters.eq("_id", "mail")).first();
        assertThat(failed.getString("state")).isEqualTo("FAILED");
        assertThat(failed.getString("lastError")).contains("smtp down on attempt 3");
        clock.advance(Duration.ofDays(1));
        assertThat(runner.runDueWork()).isZero();
    }

    @Test
    void aCrashedRunnersClaimExpiresAndTheWorkRunsAgain() {
        schedule.schedule("w", Work.REMIND, T0, new Document());
        collection.updateOne(Filters.eq("_id", "w"), new Document("$set", new Document("state", "RUNNING")
                .append("leaseUntil", java.util.Date.from(T0.plusSeconds(60)))));
        ScheduleRunner runner = runner(work -> ran.add(work.key() + "#" + work.attempt()));
        assertThat(runner.runDueWork()).as("claimed by someone else").isZero();
        clock.advance(Duration.ofSeconds(61));
        assertThat(runner.runDueWork()).isOne();
        assertThat(ran).containsExactly("w#1");
    }

    @Test
    void cancelledWorkNeverRuns() {
        schedule.schedule("c", Work.REMIND, T0, new Document());
        assertThat(schedule.cancel("c")).isTrue();
        assertThat(runner(work -> ran.add(work.key())).runDueWork()).isZero();
        assertThat(schedule.cancel("c")).isFalse();
        assertThat(ran).isEmpty();
    }

    @Test
    void workIsCancelledByAnyOfSeveralPayloadValuesInOneGo() {
        schedule.schedule("d1", Work.REMIND, T0, new Document("id", "n1"));
        schedule.schedule("e1", Work.REMIND, T0, new Document("id", "n1").append("to", "x@example.org"));
        schedule.schedule("d2", Work.REMIND, T0, new Document("id", "n2"));
        schedule.schedule("other", Work.REMIND, T0, new Document("id", "n3"));
        assertThat(schedule.cancelWhereIn("id", List.of("n1", "n2"))).isEqualTo(3);
        assertThat(schedule.cancelWhereIn("id", List.of())).isZero();
        assertThat(runner(work -> ran.add(work.key())).runDueWork()).isOne();
        assertThat(ran).containsExactly("other");
    }

    @Test
    void finishedWorkLeavesThePolledCollectionAndIsNeverRevived() {
        ScheduleRunner runner = runner(work -> ran.add(work.key()));
        schedule.schedule("ran", Work.REMIND, T0, new Document());
        schedule.schedule("dropped", Work.REMIND, T0.plusSeconds(60), new Document("clientId", "c-1"));
        schedule.schedule("waiting", Work.REMIND, T0.plusSeconds(3600), new Document());
        assertThat(runner.runDueWork()).isOne();
        assertThat(schedule.cancelWhere("clientId", "c-1")).isOne();

        assertThat(collection.find().map(doc -> doc.getString("_id")).into(new ArrayList<>()))
                .as("the runner's poll scans only work not yet run").containsExactly("waiting");
        assertThat(finished.find(Filters.eq("_id", "ran")).first().getDate("doneAt")).isNotNull();
        assertThat(schedule.stateOf("ran")).contains("DONE");
        assertThat(schedule.stateOf("dropped")).contains("CANCELLED");
        schedule.schedule("ran", Work.REMIND, T0, new Document());
        schedule.schedule("dropped", Work.REMIND, T0, new Document());
        assertThat(schedule.cancel("dropped")).as("a copy of cancelled work, cancelled again").isTrue();
        clock.advance(Duration.ofDays(1));
        assertThat(runner.runDueWork()).isOne();
        assertThat(ran).containsExactly("ran", "waiting");
        assertThat(schedule.stateOf("ran")).contains("DONE");
        assertThat(schedule.stateOf("dropped")).contains("CANCELLED");
        assertThat(finished.find(Filters.eq("_id", "ran")).first().getDate("doneAt"))
                .as("the first record of a key stays").isNotNull();
    }

    /**
     * A runner that stopped after keeping its work as finished but before removing it from the polled set: the claim
     * after the lease runs out finds it finished and drops it instead of running it a second time.
     */
    @Test
    void workKeptAsFinishedButLeftInThePolledSetIsNotRunAgain() {
        ScheduleRunner runner = runner(work -> ran.add(work.key()));
        schedule.schedule("w", Work.REMIND, T0, new Document());
        runner.runDueWork();
        Document done = finished.find(Filters.eq("_id", "w")).first();
        collection.insertOne(new Document(done).append("state", "RUNNING").append("attempt", 1)
                                               .append("leaseUntil", java.util.Date.from(T0.plusSeconds(30))));
        clock.advance(Duration.ofMinutes(5));
        assertThat(runner.runDueWork()).isZero();
        assertThat(ran).containsExactly("w");
        assertThat(collection.countDocuments()).isZero();
        assertThat(schedule.stateOf("w")).contains("DONE");
    }

    @Test
    void workFinishedBeforeFinishedWorkHadItsOwnCollectionMovesThereOnStart() {
        collection.insertOne(new Document("_id", "old").append("kind", "remind").append("state", "DONE")
                                                        .append("dueAt", java.util.Date.from(T0)));
        collection.insertOne(new Document("_id", "next").append("kind", "remind").append("state", "PENDING")
                                                         .append("dueAt", java.util.Date.from(T0)));
        WorkSchedule restarted = new WorkSchedule(collection, finished);
        assertThat(collection.find().map(doc -> doc.getString("_id")).into(new ArrayList<>())).containsExactly("next");
        assertThat(restarted.stateOf("old")).contains("DONE");
        schedule = restarted;
        ScheduleRunner runner = runner(work -> ran.add(work.key()));
        restarted.schedule("old", Work.REMIND, T0, new Document());
        runner.runDueWork();
        assertThat(ran).containsExactly("next");
    }

    /** Work is stored by its kind's stored name, and work stored in that string form runs by the kind's handler. */
    @Test
    void workStoredUnderAKindsNameRunsByThatKindsHandler() {
        schedule.schedule("typed", Work.REMIND, T0, new Document());
        assertThat(collection.find(com.mongodb.client.model.Filters.eq("_id", "typed")).first().getString("kind"))
                .isEqualTo("remind");
        collection.insertOne(new Document("_id", "stored-before").append("kind", "remind").append("state", "PENDING")
                                                                  .append("attempt", 0).append("payload", new Document())
                                                                  .append("dueAt", java.util.Date.from(T0)));
        assertThat(runner(work -> ran.add(work.key() + ":" + work.kind())).runDueWork()).isEqualTo(2);
        assertThat(ran).containsExactlyInAnyOrder("typed:remind", "stored-before:remind");
    }

    @Test
    void workOfAKindThisServiceDoesNotHandleIsLeftAlone() {
        schedule.schedule("other", Work.SOMEONE_ELSES, T0, new Document());
        assertThat(runner(work -> ran.add(work.key())).runDueWork()).isZero();
        assertThat(schedule.stateOf("other")).contains("PENDING");
    }

    /** The runner hears of work stored in its process: it runs at once, not at the next poll (an hour away here). */
    @Test
    void newWorkDueNowWakesTheRunnerWithoutWaitingForItsPoll() {
        List<String> done = java.util.Collections.synchronizedList(new ArrayList<>());
        ScheduleRunner runner = runner(work -> done.add(work.key()), Duration.ofHours(1));
        schedule.schedule("before-start", Work.REMIND, T0, new Document());
        runner.start();
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> done.contains("before-start"));
            schedule.schedule("woken", Work.REMIND, T0, new Document());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> done.contains("woken"));
            schedule.schedule("later", Work.REMIND, T0.plus(Duration.ofHours(2)), new Document());
            runner.runDueWork();
            assertThat(done).as("work due later waits for its time").containsExactly("before-start", "woken");
        } finally {
            runner.stop();
        }
    }

    /** Waking claims by key without a scan; work another instance holds, or of a kind not ours, is left alone. */
    @Test
    void wokenWorkThatSomeoneElseHoldsIsLeftToThem() {
        List<String> done = java.util.Collections.synchronizedList(new ArrayList<>());
        ScheduleRunner runner = runner(work -> done.add(work.key() + "#" + work.attempt()), Duration.ofHours(1));
        runner.start();
        try {
            schedule.schedule("first", Work.REMIND, T0, new Document());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> done.contains("first#1"));
            collection.insertOne(new Document("_id", "held").append("kind", "remind").append("state", "RUNNING")
                    .append("attempt", 1).append("dueAt", java.util.Date.from(T0))
                    .append("leaseUntil", java.util.Date.from(T0.plusSeconds(60))));
            runner.wakeFor("held", "remind", T0);
            schedule.schedule("not-ours", Work.SOMEONE_ELSES, T0, new Document());
            schedule.schedule("last", Work.REMIND, T0, new Document());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> done.contains("last#1"));

            assertThat(done).containsExactly("first#1", "last#1");
            assertThat(schedule.stateOf("held")).contains("RUNNING");
            assertThat(schedule.stateOf("not-ours")).contains("PENDING");
            clock.advance(Duration.ofSeconds(61));
            runner.wakeFor("held", "remind", T0);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> done.contains("held#2"));
        } finally {
            runner.stop();
        }
    }

    /** Several workers drain woken work side by side; each piece still runs exactly once. */
    @Test
    void wokenWorkRunsOnceEachOnSeveralWorkers() {
        List<String> done = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ScheduleRunner runner = runner(work -> {
            threads.add(Thread.currentThread().getName());
            Thread.sleep(5); // waiting on a store, as real work does
            done.add(work.key());
        }, Duration.ofHours(1), 4);
        runner.start();
        try {
            for (int i = 0; i < 200; i++) {
                schedule.schedule("w" + i, Work.REMIND, T0, new Document());
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> done.size() >= 200);
            runner.runDueWork();
            assertThat(done).hasSize(200).doesNotHaveDuplicates();
            assertThat(threads).as("more than one worker ran").hasSizeGreaterThan(1);
        } finally {
            runner.stop();
        }
    }

    /**
     * Two runners woken for the same fresh work (two instances, or a wake and a poll's) claim it in one write each:
     * exactly one of them wins every piece.
     */
    @Test
    void freshWorkWokenInTwoRunnersRunsOnceEach() {
        List<String> done = java.util.Collections.synchronizedList(new ArrayList<>());
        ScheduleRunner first = runner(work -> done.add(work.key()), Duration.ofHours(1), 2);
        ScheduleRunner second = runner(work -> done.add(work.key()), Duration.ofHours(1), 2);
        first.start();
        second.start(); // the schedule now wakes the second; the first is woken by hand, as another instance's poll
        try {
            for (int i = 0; i < 200; i++) {
                schedule.schedule("w" + i, Work.REMIND, T0, new Document());
                first.wakeFor("w" + i, "remind", T0);
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> done.size() >= 200);
            first.runDueWork();
            second.runDueWork();
            assertThat(done).hasSize(200).doesNotHaveDuplicates();
            assertThat(collection.countDocuments()).as("all finished").isZero();
        } finally {
            first.stop();
            second.stop();
        }
    }

    /**
     * Work this runner was not told of (stored by another instance) that falls due before its next poll runs at its
     * due time: with an hour between polls, it would otherwise wait the hour.
     */
    @Test
    void workDueBeforeTheNextPollRunsAtItsDueTimeNotAtThePoll() {
        List<String> done = java.util.Collections.synchronizedList(new ArrayList<>());
        Clock realTime = Clock.systemUTC();
        ScheduleRunner runner = runner(work -> done.add(work.key()), Duration.ofHours(1), 1, realTime);
        collection.insertOne(new Document("_id", "from-another-instance").append("kind", "remind")
                .append("state", "PENDING").append("attempt", 0).append("payload", new Document())
                .append("dueAt", java.util.Date.from(realTime.instant().plusSeconds(2))));
        runner.start();
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                                     .until(() -> done.contains("from-another-instance"));
            assertThat(schedule.stateOf("from-another-instance")).contains("DONE");
        } finally {
            runner.stop();
        }
    }

    private ScheduleRunner runner(Action action) {
        return runner(action, Duration.ofSeconds(1));
    }

    private ScheduleRunner runner(Action action, Duration pollInterval) {
        return runner(action, pollInterval, 1);
    }

    private ScheduleRunner runner(Action action, Duration pollInterval, int workers) {
        return runner(action, pollInterval, workers, clock);
    }

    private ScheduleRunner runner(Action action, Duration pollInterval, int workers, Clock clock) {
        ScheduledWorkHandler handler = new ScheduledWorkHandler() {
            @Override
            public WorkKind kind() {
                return Work.REMIND;
            }

            @Override
            public void run(ScheduledWork work) throws Exception {
                action.run(work);
            }
        };
        return new ScheduleRunner(schedule, List.of(handler), clock, pollInterval, Duration.ofMinutes(1), 3, workers);
    }

    /** The kinds of work of this test, as a service declares its own. */
    private enum Work implements WorkKind {
        REMIND("remind"), SOMEONE_ELSES("someone-else");

        private final String storedName;

        Work(String storedName) {
            this.storedName = storedName;
        }

        @Override
        public String storedName() {
            return storedName;
        }
    }

    private interface Action {
        void run(ScheduledWork work) throws Exception;
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
