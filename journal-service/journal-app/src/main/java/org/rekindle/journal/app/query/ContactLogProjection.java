package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.rekindle.journal.app.command.api.JournalErased;
import org.rekindle.journal.app.command.api.NoContactBroken;
import org.rekindle.journal.app.command.api.NoContactEnded;
import org.rekindle.journal.app.command.api.NoContactStarted;
import org.rekindle.journal.app.command.api.UrgeRecorded;
import org.rekindle.platform.readmodel.MonthlyOwnerIndex;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static org.rekindle.journal.app.query.EntryProjection.date;
import static org.rekindle.platform.readmodel.IdempotentWrites.insertOnce;

/**
 * The honest contact log: one document per record, keyed by the record's own id, so redelivery adds nothing; the
 * record ids of each client in {@code journal_contact_log_by_client}.
 */
@Component
@ProcessingGroup(JournalReadModel.PROCESSING_GROUP)
class ContactLogProjection {

    private final MongoCollection<Document> contactLog;
    private final MonthlyOwnerIndex contactLogByMonth;

    ContactLogProjection(ReadModelCollections collections) {
        this.contactLog = collections.contactLog();
        this.contactLogByMonth = collections.contactLogByMonth();
    }

    @EventHandler
    void on(NoContactStarted event) {
        store(record(event.periodId(), event.clientId(), ContactLogType.NO_CONTACT_STARTED,
                                      event.startedAt())
                .append("periodId", event.periodId()).append("targetDays", event.targetDays()));
    }

    @EventHandler
    void on(NoContactBroken event) {
        store(record(event.breachId(), event.clientId(), ContactLogType.BREACH, event.occurredAt())
                .append("periodId", event.periodId()).append("channel", event.channel().name())
                .append("initiatedBy", event.initiatedBy().name()).append("note", event.note())
                .append("attemptDays", event.attemptDays()));
    }

    @EventHandler
    void on(NoContactEnded event) {
        store(record(event.periodId() + "/ended", event.clientId(),
                                      ContactLogType.NO_CONTACT_ENDED, event.endedAt())
                .append("periodId", event.periodId()).append("reason", event.reason())
                .append("attemptDays", event.attemptDays()));
    }

    @EventHandler
    void on(UrgeRecorded event) {
        store(record(event.urgeId(), event.clientId(), ContactLogType.URGE, event.occurredAt())
                .append("resisted", event.resisted()).append("note", event.note()));
    }

    /**
     * An erased client's records go; what stays elsewhere (events, snapshots) is sealed with the deleted key. By the
     * client id, not the index: erasure must find every record, and it is rare (the embedded server scans).
     */
    @EventHandler
    void on(JournalErased event) {
        contactLog.deleteMany(com.mongodb.client.model.Filters.eq("clientId", event.clientId()));
        contactLogByMonth.forget(event.clientId());
    }

    @ResetHandler
    void onReset() {
        contactLog.deleteMany(new Document());
        contactLogByMonth.clear();
    }

    /** The record once, and its id in the client's index (both idempotent). */
    private void store(Document record) {
        contactLogByMonth.add(List.of(new MonthlyOwnerIndex.Member(record.getString("clientId"), record.getString("_id"),
                                                                   record.getDate("occurredAt").toInstant())));
        insertOnce(contactLog, record);
    }

    private static Document record(String id, String clientId, ContactLogType type, Instant occurredAt) {
        return new Document("_id", id).append("clientId", clientId).append("type", type.name())
                                      .append("occurredAt", date(occurredAt));
    }
}
