package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.rekindle.platform.readmodel.DocumentOrder;
import org.rekindle.platform.readmodel.OwnerIndex;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** Who read which of a client's shared entries, and when: what the client sees of their coach's reading. */
@Component
public class AccessLedger {

    public record Read(String readerId, List<String> entryIds, Instant readAt) {
    }

    private final MongoCollection<Document> ledger;
    private final OwnerIndex ledgerByClient;

    AccessLedger(ReadModelCollections collections) {
        this.ledger = collections.accessLedger();
        this.ledgerByClient = collections.accessLedgerByClient();
    }

    /** The latest reads, newest first (read by id through the client's index). */
    public List<Read> of(String clientId, int limit) {
        return ledgerByClient.documentsOf(ledger, clientId, DocumentOrder.descending("readAt")).stream().limit(limit)
                             .map(AccessLedger::read).toList();
    }

    /** Every recorded read, oldest first: for an export. */
    public List<Read> all(String clientId) {
        return ledgerByClient.documentsOf(ledger, clientId, DocumentOrder.ascending("readAt")).stream()
                             .map(AccessLedger::read).toList();
    }

    private static Read read(Document doc) {
        return new Read(doc.getString("readerId"), doc.getList("entryIds", String.class), doc.getDate("readAt").toInstant());
    }
}
