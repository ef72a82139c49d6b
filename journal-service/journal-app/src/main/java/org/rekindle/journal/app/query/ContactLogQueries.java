package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.rekindle.journal.app.command.TextCipher;
import org.rekindle.platform.readmodel.DocumentOrder;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
public class ContactLogQueries {

    private final MongoCollection<Document> contactLog;
    private final MonthlyOwnerIndex contactLogByMonth;

    private final TextCipher cipher;

    ContactLogQueries(ReadModelCollections collections, TextCipher cipher) {
        this.cipher = cipher;
        this.contactLog = collections.contactLog();
        this.contactLogByMonth = collections.contactLogByMonth();
    }

    /** The client's contact log, newest first: a month at a time from the newest until the page is full. */
    public List<ContactLogRecordView> list(String clientId, int limit) {
        return contactLogByMonth.newestFirst(contactLog, clientId, doc -> doc.getDate("occurredAt"),
                                             DocumentOrder.newestFirst("occurredAt"),
                                             doc -> clientId.equals(doc.getString("clientId")),
                                             Math.min(limit, EntryQueries.MAX_PAGE))
                                .stream().map(doc -> ContactLogRecordView.of(doc, cipher)).toList();
    }

    /** The whole contact log, oldest first: for an export. */
    public List<ContactLogRecordView> all(String clientId) {
        return contactLogByMonth.all(contactLog, clientId).stream()
                                .filter(doc -> clientId.equals(doc.getString("clientId")))
                                .sorted(DocumentOrder.oldestFirst("occurredAt"))
                                .map(doc -> ContactLogRecordView.of(doc, cipher)).toList();
    }
}
