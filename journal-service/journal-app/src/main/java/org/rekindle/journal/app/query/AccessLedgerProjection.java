package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.rekindle.journal.app.command.api.JournalErased;
import org.rekindle.journal.app.command.api.SharedEntriesRead;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;

import static org.rekindle.platform.readmodel.IdempotentWrites.insertOnce;

/**
 * One document per recorded read of shared entries, keyed by the event id (a redelivery writes nothing); the read ids
 * of each client in {@code journal_access_ledger_by_client}.
 */
@Component
@ProcessingGroup(JournalReadModel.PROCESSING_GROUP)
class AccessLedgerProjection {

    private final MongoCollection<Document> ledger;
    private final MonthlyOwnerIndex ledgerByMonth;

    AccessLedgerProjection(ReadModelCollections collections) {
        this.ledger = collections.accessLedger();
        this.ledgerByMonth = collections.accessLedgerByMonth();
    }

    @EventHandler
    void on(SharedEntriesRead event, EventMessage<?> message) {
        ledgerByMonth.add(List.of(new MonthlyOwnerIndex.Member(event.clientId(), message.getIdentifier(), event.readAt())));
        insertOnce(ledger, new Document("_id", message.getIdentifier()).append("clientId", event.clientId())
                .append("readerId", event.readerId()).append("entryIds", event.entryIds())
                .append("readAt", Date.from(event.readAt())));
    }

    /**
     * An erased client's records go; what stays elsewhere (events, snapshots) is sealed with the deleted key. By the
     * client id, not the index: erasure must find every record, and it is rare (the embedded server scans).
     */
    @EventHandler
    void on(JournalErased event) {
        ledger.deleteMany(com.mongodb.client.model.Filters.eq("clientId", event.clientId()));
        ledgerByMonth.forget(event.clientId());
    }

    @ResetHandler
    void onReset() {
        ledger.deleteMany(new Document());
        ledgerByMonth.clear();
    }
}
