package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex.Member;

import java.util.ArrayList;
import java.util.List;

/**
 * The journal's read-model collections; each can be dropped and rebuilt from the event store. Entries, contact log
 * records and ledger reads are one document each, so those collections grow with history: each has an index of the
 * client's document ids by month ({@code <collection>_by_month}, with the client's months in
 * {@code <collection>_months}), and a client's list is read through it by {@code _id}, newest months first until the
 * page is full, never by scanning for the client id. Coach notes are one document per client and coach, read by
 * {@code _id} (the note id).
 */
public record ReadModelCollections(MongoCollection<Document> entries, MongoCollection<Document> contactLog,
                                   MongoCollection<Document> streaks, MongoCollection<Document> accessLedger,
                                   MongoCollection<Document> consent, MongoCollection<Document> coachNotes,
                                   MonthlyOwnerIndex entriesByMonth, MonthlyOwnerIndex contactLogByMonth,
                                   MonthlyOwnerIndex accessLedgerByMonth, MongoDatabase database) {

    /** Every id of a client in one document, which grew with their history; replaced by the monthly indexes. */
    private static final List<String> RETIRED_BY_CLIENT = List.of("journal_entries_by_client",
                                                                  "journal_contact_log_by_client",
                                                                  "journal_access_ledger_by_client");

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
     * drops the per-client indexes they replace.
     */
    public void indexExistingRecords() {
        entriesByMonth.buildOnceFrom(entries, new Document(), EntryLists::membersOf,
                                     "clientId", "kind", "occurredAt", "shared", "sharedAt");
        contactLogByMonth.buildOnceFrom(contactLog, Filters.exists("occurredAt"), doc -> List.of(new Member(
                doc.getString("clientId"), doc.get("_id"), doc.getDate("occurredAt").toInstant())), "clientId", "occurredAt");
        accessLedgerByMonth.buildOnceFrom(accessLedger, Filters.exists("readAt"), doc -> List.of(new Member(
                doc.getString("clientId"), doc.get("_id"), doc.getDate("readAt").toInstant())), "clientId", "readAt");
        List<String> existing = database.listCollectionNames().into(new ArrayList<>());
        RETIRED_BY_CLIENT.stream().filter(existing::contains).forEach(name -> database.getCollection(name).drop());
    }
}
