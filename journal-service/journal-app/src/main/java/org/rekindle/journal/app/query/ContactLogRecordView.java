package org.rekindle.journal.app.query;

import org.bson.Document;
import org.rekindle.journal.app.command.TextCipher;

import java.time.Instant;

/** One record of the contact log; fields that do not apply to its type are null (and omitted in JSON). */
public record ContactLogRecordView(String id, ContactLogType type, Instant occurredAt, String periodId,
                                   Integer targetDays, String channel, String initiatedBy, Integer attemptDays,
                                   Boolean resisted, String reason, String note) {

    /** The stored record with its notes opened (sealed with the client's key; unreadable once they are erased). */
    static ContactLogRecordView of(Document doc, TextCipher cipher) {
        String clientId = doc.getString("clientId");
        return new ContactLogRecordView(doc.getString("_id"), ContactLogType.valueOf(doc.getString("type")),
                                        EntryView.instant(doc.getDate("occurredAt")), doc.getString("periodId"),
                                        doc.getInteger("targetDays"), doc.getString("channel"),
                                        doc.getString("initiatedBy"), doc.getInteger("attemptDays"),
                                        doc.getBoolean("resisted"), cipher.open(clientId, doc.getString("reason")),
                                        cipher.open(clientId, doc.getString("note")));
    }
}
