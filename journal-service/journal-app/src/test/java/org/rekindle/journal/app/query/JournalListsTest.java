package org.rekindle.journal.app.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.rekindle.journal.app.command.VisibleCipher;
import org.rekindle.journal.app.command.api.ApologyDrafted;
import org.rekindle.journal.app.command.api.EntryShared;
import org.rekindle.journal.app.command.api.EntryUnshared;
import org.rekindle.journal.app.command.api.JournalErased;
import org.rekindle.journal.app.command.api.MoodCheckedIn;
import org.rekindle.journal.app.command.api.ReflectionCompleted;
import org.rekindle.journal.app.command.api.SharedEntriesRead;
import org.rekindle.journal.app.command.api.UrgeRecorded;
import org.rekindle.platform.embedded.SharedTestInfrastructure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's journal, contact log and access ledger listed newest first through their monthly indexes, on the
 * MongoDB-wire server: filtered lists, an entry shared months after it was written, erasure, and records stored
 * before the monthly indexes existed.
 */
class JournalListsTest {

    private static final MongoClient client = SharedTestInfrastructure.mongoClient();
    private static final VisibleCipher PLAIN = new VisibleCipher("");

    private static Instant at(String day) {
        return Instant.parse(day + "T09:00:00Z");
    }

    private static List<String> ids(List<EntryView> entries) {
        return entries.stream().map(EntryView::entryId).toList();
    }

    @Test
    void entriesAreListedNewestFirstWhateverListAndMonthTheyAreIn() {
        ReadModelCollections collections = new ReadModelCollections(client.getDatabase("journal-" + UUID.randomUUID()));
        EntryProjection projection = new EntryProjection(collections);
        EntryQueries queries = new EntryQueries(collections, PLAIN);
        projection.on(new ReflectionCompleted("c1", "jan", "p", "text", at("2026-01-10")), 1);
        projection.on(new ApologyDrafted("c1", "feb", "sorry", 1, at("2026-02-20")), 1);
        projection.on(new ReflectionCompleted("c1", "mar", "p", "text", at("2026-03-05")), 1);
        projection.on(new MoodCheckedIn("c1", "apr", 4, null, null, at("2026-04-01")), 1);
        projection.on(new ReflectionCompleted("c2", "other", "p", "text", at("2026-04-02")), 1);
        projection.on(new EntryShared("c1", "feb", at("2026-04-15")), 2); // written in February, shared in April
        projection.on(new EntryShared("c1", "jan", at("2026-01-11")), 2);

        assertThat(ids(queries.list("c1", null, null, 2))).containsExactly("apr", "mar");
        assertThat(ids(queries.list("c1", null, null, 50))).containsExactly("apr", "mar", "feb", "jan");
        assertThat(ids(queries.list("c1", EntryKind.REFLECTION, null, 50))).containsExactly("mar", "jan");
        assertThat(ids(queries.list("c1", null, Boolean.TRUE, 1))).containsExactly("feb");
        assertThat(ids(queries.list("c1", null, Boolean.TRUE, 50))).containsExactly("feb", "jan");
        assertThat(ids(queries.list("c1", EntryKind.APOLOGY, Boolean.TRUE, 50))).containsExactly("feb");
        assertThat(ids(queries.list("c1", null, Boolean.FALSE, 50))).containsExactly("apr", "mar");
        assertThat(ids(queries.all("c1", true))).containsExactly("jan", "feb");

        projection.on(new EntryUnshared("c1", "feb", at("2026-04-16")), 3);
        assertThat(ids(queries.list("c1", null, Boolean.TRUE, 50))).containsExactly("jan");
        projection.on(new EntryShared("c1", "feb", at("2026-05-01")), 4);
        assertThat(ids(queries.list("c1", null, Boolean.TRUE, 50))).as("shared again: listed once").containsExactly("feb", "jan");

        projection.on(new JournalErased("c1", at("2026-05-02")));
        assertThat(queries.list("c1", null, null, 50)).isEmpty();
        assertThat(queries.list("c1", null, Boolean.TRUE, 50)).isEmpty();
        assertThat(collections.entriesByMonth().monthsNewestFirst("c1|shared")).isEmpty();
        assertThat(ids(queries.list("c2", null, null, 50))).containsExactly("other");
    }

    /** A written time may run a few minutes ahead of the server's clock: shared at once, it is still listed. */
    @Test
    void anEntryWrittenAheadOfTheClockAndSharedBeforeMidnightIsListedInItsPlace() {
        ReadModelCollections collections = new ReadModelCollections(client.getDatabase("journal-" + UUID.randomUUID()));
        EntryProjection projection = new EntryProjection(collections);
        projection.on(new ReflectionCompleted("c1", "ahead", "p", "text", Instant.parse("2026-02-01T00:02:00Z")), 1);
        projection.on(new EntryShared("c1", "ahead", Instant.parse("2026-01-31T23:59:00Z")), 2);
        projection.on(new ReflectionCompleted("c1", "later", "p", "text", Instant.parse("2026-02-01T00:01:00Z")), 1);
        projection.on(new EntryShared("c1", "later", Instant.parse("2026-02-01T00:05:00Z")), 2);

        assertThat(ids(new EntryQueries(collections, PLAIN).list("c1", null, Boolean.TRUE, 1))).containsExactly("ahead");
    }

    @Test
    void contactLogAndLedgerAreListedNewestFirstAcrossMonths() {
        ReadModelCollections collections = new ReadModelCollections(client.getDatabase("journal-" + UUID.randomUUID()));
        ContactLogProjection contactLog = new ContactLogProjection(collections);
        AccessLedgerProjection ledger = new AccessLedgerProjection(collections);
        contactLog.on(new UrgeRecorded("c1", "u1", true, null, at("2026-01-03")));
        contactLog.on(new UrgeRecorded("c1", "u2", false, null, at("2026-03-03")));
        contactLog.on(new UrgeRecorded("c1", "u3", true, null, at("2026-03-04")));
        for (String day : List.of("2026-02-01", "2026-06-01", "2026-06-02")) {
            SharedEntriesRead read = new SharedEntriesRead("c1", "k1", List.of("e1"), at(day));
            ledger.on(read, GenericEventMessage.asEventMessage(read));
        }

        ContactLogQueries contactLogQueries = new ContactLogQueries(collections, PLAIN);
        assertThat(contactLogQueries.list("c1", 2)).extracting(ContactLogRecordView::id).containsExactly("u3", "u2");
        assertThat(contactLogQueries.all("c1")).extracting(ContactLogRecordView::id).containsExactly("u1", "u2", "u3");
        AccessLedger ledgerQueries = new AccessLedger(collections);
        assertThat(ledgerQueries.of("c1", 2)).extracting(AccessLedger.Read::readAt)
                                             .containsExactly(at("2026-06-02"), at("2026-06-01"));
        assertThat(ledgerQueries.all("c1")).hasSize(3);
    }

    @Test
    void recordsStoredBeforeTheMonthlyIndexesAreIndexedOnceAndTheOldIndexesGo() {
        MongoDatabase db = client.getDatabase("journal-" + UUID.randomUUID());
        db.getCollection("journal_entries").insertMany(List.of(
                new Document("_id", "e1").append("clientId", "c1").append("kind", "REFLECTION")
                        .append("occurredAt", Date.from(at("2026-01-05"))).append("shared", true)
                        .append("sharedAt", Date.from(at("2026-03-01"))).append("text", "old"),
                new Document("_id", "e2").append("clientId", "c1").append("kind", "MOOD_CHECK_IN")
                        .append("occurredAt", Date.from(at("2026-02-05"))).append("shared", false).append("score", 3)));
        db.getCollection("journal_contact_log").insertOne(new Document("_id", "u1").append("clientId", "c1")
                .append("type", "URGE").append("occurredAt", Date.from(at("2026-02-07"))).append("resisted", true));
        db.getCollection("journal_access_ledger").insertOne(new Document("_id", "r1").append("clientId", "c1")
                .append("readerId", "k1").append("entryIds", List.of("e1")).append("readAt", Date.from(at("2026-03-02"))));
        db.getCollection("journal_entries_by_client").insertOne(new Document("_id", "c1").append("ids", List.of("e1", "e2")));

        ReadModelCollections collections = new ReadModelCollections(db);
        collections.indexExistingRecords();

        EntryQueries entries = new EntryQueries(collections, PLAIN);
        assertThat(ids(entries.list("c1", null, null, 50))).containsExactly("e2", "e1");
        assertThat(ids(entries.list("c1", null, Boolean.TRUE, 50))).containsExactly("e1");
        assertThat(ids(entries.list("c1", EntryKind.MOOD_CHECK_IN, null, 50))).containsExactly("e2");
        assertThat(new ContactLogQueries(collections, PLAIN).list("c1", 50)).extracting(ContactLogRecordView::id)
                                                                           .containsExactly("u1");
        assertThat(new AccessLedger(collections).of("c1", 50)).hasSize(1);
        assertThat(db.listCollectionNames().into(new ArrayList<>())).doesNotContain("journal_entries_by_client");
    }
}
