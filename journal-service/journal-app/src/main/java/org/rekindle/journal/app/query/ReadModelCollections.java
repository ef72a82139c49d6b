package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/** The journal's read-model collections; each can be dropped and rebuilt from the event store. */
public record ReadModelCollections(MongoCollection<Document> entries, MongoCollection<Document> contactLog,
                                   MongoCollection<Document> streaks, MongoCollection<Document> accessLedger) {

    public ReadModelCollections(MongoDatabase database) {
        this(database.getCollection("journal_entries"), database.getCollection("journal_contact_log"),
             database.getCollection("journal_streaks"), database.getCollection("journal_access_ledger"));
    }
}
