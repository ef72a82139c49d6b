package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.rekindle.platform.readmodel.DocumentOrder;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** Who read which of a client's shared entries, and when: what the client sees of their coach's reading. */
@Component
public class AccessLedger {

    public record Read(String readerId, List<String> entryIds, Instant readAt) {
    }

    private final MongoCollection<Document> ledger;
    private final MonthlyOwnerIndex ledgerByMonth;

    AccessLedger(ReadModelCollections collections) {
        this.ledger = collections.accessLedger();
        this.ledgerByMonth = collections.accessLedgerByMonth();
    }

    /** The latest reads, newest first: a month at a time from the newest until the page is full. */
    public List<Read> of(String clientId, int limit) {
        return ledgerByMonth.newestFirst(ledger, clientId, doc -> doc.getDate("readAt"), DocumentOrder.descending("readAt"),
                                         doc -> clientId.equals(doc.getString("clientId")), limit)
                            .stream().map(AccessLedger::read).toList();
    }

    /** Every recorded read, oldest first: for an export. */
    public List<Read> all(String clientId) {
        return ledgerByMonth.all(ledger, clientId).stream().filter(doc -> clientId.equals(doc.getString("clientId")))
                            .sorted(DocumentOrder.ascending("readAt")).map(AccessLedger::read).toList();
    }

    private static Read read(Document doc) {
        return new Read(doc.getString("readerId"), doc.getList("entryIds", String.class), doc.getDate("readAt").toInstant());
    }
}
