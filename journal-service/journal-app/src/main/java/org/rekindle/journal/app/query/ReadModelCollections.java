package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex.Member;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The journal's read-model collections; each can be dropped and rebuilt from the event store. Entries, contact log
 * records and ledger reads are one document each, so those collections grow with history: each has an index of the
 * client's document ids by month ({@code <collection>_by_month}, with the client's months in
 * {@code <collection>_months}), and a client's list is read through it by {@code _id}, newest months first until the
 * page is full, never by scanning for the client id. They replace per-client indexes ({@code <collection>_by_client},
 * every id of a client in one document, which grew with their history; until 6 Dec 2026). Coach notes are one document per client and coach, read by
 * {@code _id} (the note id).
 */
public record ReadModelCollections(MongoCollection<Document> entries, MongoCollection<Document> contactLog,
                                   MongoCollection<Document> streaks, MongoCollection<Document> accessLedger,
                                   MongoCollection<Document> consent, MongoCollection<Document> coachNotes,
                                   MonthlyOwnerIndex entriesByMonth, MonthlyOwnerIndex contactLogByMonth,
                                   MonthlyOwnerIndex accessLedgerByMonth, MongoDatabase database) {

    public ReadModelCollections(MongoDatabase database) {
        this(database.getCollection("journal_entries"), database.getCollection("journal_contact_log"),
             database.getCollection("journal_streaks"), database.getCollection("journal_access_ledger"),
             database.getCollection("journal_consent"), database.getCollection("journal_coach_notes"),
             monthly(database, "journal_entries"), monthly(database, "journal_contact_log"),
             monthly(database, "journal_access_ledger"), database);
    }

    private static MonthlyOwnerIndex monthly(MongoDatabase database, String collection) {
        return new MonthlyOwnerIndex(database.getCollection(collection + "_by_month"),
                                     database.getCollection(collection + "_months"));
    }

    /**
     * Indexes what was stored before the monthly indexes existed (one scan each, on the first start with them), then
     * drops the per-client index each replaces. A per-client index found again was written by an instance of an
     * older version still running (a rolling upgrade): the scan is done again, so what it wrote is listed too.
     */
    public void indexExistingRecords() {
        List<String> existing = database.listCollectionNames().into(new ArrayList<>());
        build(entriesByMonth, "journal_entries_by_client", existing, entries, new Document(), EntryLists::membersOf,
              "clientId", "kind", "occurredAt", "shared", "sharedAt");
        build(contactLogByMonth, "journal_contact_log_by_client", existing, contactLog, Filters.exists("occurredAt"),
              doc -> List.of(new Member(doc.getString("clientId"), doc.get("_id"), doc.getDate("occurredAt").toInstant())),
              "clientId", "occurredAt");
        build(accessLedgerByMonth, "journal_access_ledger_by_client", existing, accessLedger, Filters.exists("readAt"),
              doc -> List.of(new Member(doc.getString("clientId"), doc.get("_id"), doc.getDate("readAt").toInstant())),
              "clientId", "readAt");
    }

    private void build(MonthlyOwnerIndex index, String retired, List<String> existing, MongoCollection<Document> records,
                       Bson filter, Function<Document, Collection<Member>> membersOf, String... fields) {
        if (existing.contains(retired)) {
            index.buildFrom(records, filter, membersOf, fields);
            database.getCollection(retired).drop();
        } else {
            index.buildOnceFrom(records, filter, membersOf, fields);
        }
    }
}
