package org.rekindle.journal.app.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.command.api.ApologyDrafted;
import org.rekindle.journal.app.command.api.ApologyRevised;
import org.rekindle.journal.app.command.api.Channel;
import org.rekindle.journal.app.command.api.EntryShared;
import org.rekindle.journal.app.command.api.InitiatedBy;
import org.rekindle.journal.app.command.api.JournalErased;
import org.rekindle.journal.app.command.api.JournalTextsResealed;
import org.rekindle.journal.app.command.api.ReflectionCompleted;
import org.rekindle.journal.app.command.api.ResealedText;
import org.rekindle.journal.app.command.api.JournalOpened;
import org.rekindle.journal.app.command.api.NoContactBroken;
import org.rekindle.journal.app.command.api.NoContactStarted;
import org.rekindle.journal.app.command.api.UrgeRecorded;
import org.rekindle.platform.embedded.SharedTestInfrastructure;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projection handlers called directly, against the real MongoDB-wire server: delivering every event twice, or
 * replaying an older event after newer ones, leaves the read models exactly as one clean delivery does.
 */
class ProjectionRedeliveryTest {

    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(SharedTestInfrastructure.mongo().connectionString());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void everyEventDeliveredTwiceCountsOnce() {
        ReadModelCollections once = collections("once");
        ReadModelCollections twice = collections("twice");
        deliver(once, 1);
        deliver(twice, 2);

        assertThat(contents(twice)).isEqualTo(contents(once));
        Document streak = once.streaks().find(Filters.eq("_id", "c1")).first();
        assertThat(streak.getList("attempts", Document.class)).hasSize(1);
        Document apology = once.entries().find(Filters.eq("_id", "a1")).first();
        assertThat(apology.getList("versions", Document.class)).hasSize(2);
        assertThat(once.contactLog().countDocuments()).isEqualTo(3);
        assertThat(twice.entriesByMonth().idsIn("c1", "2026-10")).as("each entry in the client's index once")
                                                                 .containsExactly("a1");
        assertThat(twice.contactLogByMonth().idsIn("c1", "2026-10")).containsExactlyInAnyOrder("p1", "b1", "u1");
    }

    @Test
    void anOldEventArrivingLateChangesNothing() {
        ReadModelCollections collections = collections("late");
        deliver(collections, 1);
        List<Document> before = contents(collections);

        new StreakProjection(collections).on(new NoContactStarted("c1", "p1", 30, T0), 1);
        new EntryProjection(collections).on(new ApologyDrafted("c1", "a1", "first", 1, T0), 4);

        assertThat(contents(collections)).isEqualTo(before);
    }

    @Test
    void eventsHandledInOneProcessorBatchGiveWhatTheyGiveOneByOne() {
        ReadModelCollections oneByOne = collections("one-by-one");
        ReadModelCollections batched = collections("batched");
        deliver(oneByOne, 1);

        List<Runnable> deliveries = deliveries(batched, 2);
        List<Long> entriesWhileRunning = new ArrayList<>();
        asOneBatch(deliveries, () -> entriesWhileRunning.add(batched.entries().countDocuments()));

        assertThat(entriesWhileRunning.subList(0, deliveries.size() - 1)).as("entries written at the batch's end")
                                                                         .containsOnly(0L);
        assertThat(contents(batched)).isEqualTo(contents(oneByOne));
        assertThat(batched.entriesByMonth().idsIn("c1", "2026-10")).containsExactly("a1");
    }

    /** A re-seal reads and writes the entries itself: it must come after the batch's earlier entry events. */
    @Test
    void aResealInTheBatchThatWroteTheEntriesResealsThem() {
        ReadModelCollections oneByOne = collections("reseal-one-by-one");
        ReadModelCollections batched = collections("reseal-batched");
        List<Runnable> oneByOneCalls = resealAfterEntries(oneByOne);
        oneByOneCalls.forEach(Runnable::run);

        asOneBatch(resealAfterEntries(batched), () -> { });

        assertThat(contents(batched)).isEqualTo(contents(oneByOne));
        Document apology = batched.entries().find(Filters.eq("_id", "a1")).first();
        assertThat(apology.getString("text")).isEqualTo("second, sealed anew");
        assertThat(apology.getList("versions", Document.class)).extracting(v -> v.getString("text"))
                                                               .containsExactly("first, sealed anew",
                                                                                "second, sealed anew");
        assertThat(apology.getBoolean("shared")).isTrue();
        assertThat(batched.entries().find(Filters.eq("_id", "r1")).first().getString("clientId"))
                .as("a reflection created in the batch keeps what its creation wrote").isEqualTo("c1");
    }

    @Test
    void anErasureInTheMiddleOfABatchErasesTheEntriesWrittenBeforeIt() {
        ReadModelCollections collections = collections("erased-in-batch");
        EntryProjection entries = new EntryProjection(collections);
        asOneBatch(List.of(() -> entries.on(new ReflectionCompleted("c1", "r1", "p", "text", T0), 1),
                           () -> entries.on(new JournalErased("c1", T0.plusSeconds(60))),
                           () -> entries.on(new ReflectionCompleted("c2", "r2", "p", "other", T0), 1)), () -> { });

        assertThat(collections.entries().find().map(doc -> doc.getString("_id")).into(new ArrayList<>()))
                .containsExactly("r2");
        assertThat(collections.entriesByMonth().monthsNewestFirst("c1")).isEmpty();
        assertThat(collections.entriesByMonth().monthsNewestFirst("c1|REFLECTION")).isEmpty();
    }

    private List<Runnable> resealAfterEntries(ReadModelCollections collections) {
        EntryProjection entries = new EntryProjection(collections);
        ResealedTextProjection resealed = new ResealedTextProjection(
                collections, new ConversationCollections(client, DATABASE), new SessionCollections(client, DATABASE));
        return List.of(
                () -> entries.on(new ApologyDrafted("c1", "a1", "first", 1, T0), 1),
                () -> entries.on(new ApologyRevised("c1", "a1", "second", 2, T0.plusSeconds(60)), 2),
                () -> entries.on(new EntryShared("c1", "a1", T0.plusSeconds(90)), 3),
                () -> entries.on(new ReflectionCompleted("c1", "r1", "p", "reflected", T0.plusSeconds(100)), 4),
                () -> resealed.on(new JournalTextsResealed("c1", List.of(
                        new ResealedText(ResealedText.Kind.APOLOGY_VERSION, "a1", 1, "first, sealed anew"),
                        new ResealedText(ResealedText.Kind.APOLOGY_VERSION, "a1", 2, "second, sealed anew"),
                        new ResealedText(ResealedText.Kind.REFLECTION, "r1", 0, "reflected, sealed anew")),
                        T0.plusSeconds(120)), 5));
    }

    /** Runs the handler calls as one tracking processor batch does: one batching unit of work, in order. */
    private static void asOneBatch(List<Runnable> calls, Runnable afterEachCall) {
        List<EventMessage<Runnable>> messages = new ArrayList<>();
        calls.forEach(call -> messages.add(new GenericEventMessage<>(call)));
        BatchingUnitOfWork<EventMessage<Runnable>> batch = new BatchingUnitOfWork<>(messages);
        batch.executeWithResult(() -> {
            batch.getMessage().getPayload().run();
            afterEachCall.run();
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
    }

    private static void deliver(ReadModelCollections collections, int times) {
        deliveries(collections, times).forEach(Runnable::run);
    }

    /** Every handler call of a client's short history, {@code times} over, in order. */
    private static List<Runnable> deliveries(ReadModelCollections collections, int times) {
        StreakProjection streaks = new StreakProjection(collections);
        ContactLogProjection contactLog = new ContactLogProjection(collections);
        EntryProjection entries = new EntryProjection(collections);
        Instant breach = T0.plus(12, ChronoUnit.DAYS);
        List<Runnable> calls = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            calls.add(() -> streaks.on(new JournalOpened("c1", T0), 0));
            calls.add(() -> streaks.on(new NoContactStarted("c1", "p1", 30, T0), 1));
            calls.add(() -> contactLog.on(new NoContactStarted("c1", "p1", 30, T0)));
            calls.add(() -> streaks.on(new NoContactBroken("c1", "p1", "b1", Channel.CALL, InitiatedBy.CLIENT, null,
                                                            12, breach), 2));
            calls.add(() -> contactLog.on(new NoContactBroken("c1", "p1", "b1", Channel.CALL, InitiatedBy.CLIENT, null,
                                                               12, breach)));
            calls.add(() -> contactLog.on(new UrgeRecorded("c1", "u1", true, null, breach.plusSeconds(60))));
            calls.add(() -> entries.on(new ApologyDrafted("c1", "a1", "first", 1, T0), 4));
            calls.add(() -> entries.on(new ApologyRevised("c1", "a1", "second", 2, T0.plusSeconds(60)), 5));
            calls.add(() -> entries.on(new EntryShared("c1", "a1", T0.plusSeconds(90)), 6));
        }
        return calls;
    }

    private static ReadModelCollections collections(String name) {
        var db = client.getDatabase("redelivery-" + name + "-" + System.nanoTime());
        return new ReadModelCollections(db);
    }

    private static final String DATABASE = "redelivery-conversations-and-sessions";

    private static List<Document> contents(ReadModelCollections collections) {
        List<Document> all = new ArrayList<>();
        collections.entries().find().into(all);
        collections.contactLog().find().into(all);
        collections.streaks().find().into(all);
        return all;
    }
}
