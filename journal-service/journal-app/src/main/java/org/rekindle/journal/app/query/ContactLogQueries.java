package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.rekindle.journal.app.command.TextCipher;
import org.rekindle.platform.readmodel.DocumentOrder;
import org.rekindle.platform.readmodel.OwnerIndex;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
public class ContactLogQueries {

    private final MongoCollection<Document> contactLog;
    private final OwnerIndex contactLogByClient;

    private final TextCipher cipher;

    ContactLogQueries(ReadModelCollections collections, TextCipher cipher) {
        this.cipher = cipher;
        this.contactLog = collections.contactLog();
        this.contactLogByClient = collections.contactLogByClient();
    }

    /** The client's contact log, newest first (read by id through the client's index). */
    public List<ContactLogRecordView> list(String clientId, int limit) {
        return contactLogByClient.documentsOf(contactLog, clientId, DocumentOrder.descending("occurredAt")
                                                                           .thenComparing(DocumentOrder.ascending("_id")))
                                 .stream().limit(Math.min(limit, EntryQueries.MAX_PAGE))
                                 .map(doc -> ContactLogRecordView.of(doc, cipher)).toList();
    }

    /** The whole contact log, oldest first: for an export. */
    public List<ContactLogRecordView> all(String clientId) {
        return contactLogByClient.documentsOf(contactLog, clientId, DocumentOrder.ascending("occurredAt")
                                                                           .thenComparing(DocumentOrder.ascending("_id")))
                                 .stream().map(doc -> ContactLogRecordView.of(doc, cipher)).toList();
    }
}
