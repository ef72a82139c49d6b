package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.rekindle.platform.readmodel.OwnerIndex;

/**
 * The journal's read-model collections; each can be dropped and rebuilt from the event store. Entries, contact log
 * records and ledger reads are one document each, so those collections grow with history: each has an index of the
 * client's document ids ({@code <collection>_by_client}, keyed by client id), and a client's list is read through it
 * by {@code _id}, never by scanning for the client id. Coach notes are one document per client and coach, read by
 * {@code _id} (the note id).
 */
public record ReadModelCollections(MongoCollection<Document> entries, MongoCollection<Document> contactLog,
                                   MongoCollection<Document> streaks, MongoCollection<Document> accessLedger,
                                   MongoCollection<Document> consent, MongoCollection<Document> coachNotes,
                                   OwnerIndex entriesByClient, OwnerIndex contactLogByClient,
                                   OwnerIndex accessLedgerByClient) {

    public ReadModelCollections(MongoDatabase database) {
        this(database.getCollection("journal_entries"), database.getCollection("journal_contact_log"),
             database.getCollection("journal_streaks"), database.getCollection("journal_access_ledger"),
             database.getCollection("journal_consent"), database.getCollection("journal_coach_notes"),
             new OwnerIndex(database.getCollection("journal_entries_by_client")),
             new OwnerIndex(database.getCollection("journal_contact_log_by_client")),
             new OwnerIndex(database.getCollection("journal_access_ledger_by_client")));
    }

    /** Indexes what was stored before the client indexes existed (one scan each, on the first start with them). */
    public void indexExistingRecords() {
        entriesByClient.buildOnceFrom(entries, doc -> doc.getString("clientId"), "clientId");
        contactLogByClient.buildOnceFrom(contactLog, doc -> doc.getString("clientId"), "clientId");
        accessLedgerByClient.buildOnceFrom(accessLedger, doc -> doc.getString("clientId"), "clientId");
    }
}
