package org.rekindle.journal.app.query;

import org.bson.Document;
import org.rekindle.journal.app.command.TextCipher;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** A journal entry as the API returns it; fields that do not apply to its kind are null (and omitted in JSON). */
public record EntryView(String entryId, String clientId, EntryKind kind, Instant occurredAt, Instant updatedAt,
                        boolean shared, String promptId, String text, List<ApologyVersionView> versions,
                        Integer score, String note, Double sleepHours) {

    public record ApologyVersionView(int version, String text, Instant occurredAt) {
    }

    /** The stored entry with its texts opened (sealed with the client's key; unreadable once they are erased). */
    static EntryView of(Document doc, TextCipher cipher) {
        String clientId = doc.getString("clientId");
        List<Document> versions = doc.getList("versions", Document.class);
        return new EntryView(doc.getString("_id"), doc.getString("clientId"), EntryKind.valueOf(doc.getString("kind")),
                             instant(doc.getDate("occurredAt")), instant(doc.getDate("updatedAt")),
                             Boolean.TRUE.equals(doc.getBoolean("shared")), doc.getString("promptId"),
                             cipher.open(clientId, doc.getString("text")),
                             versions == null ? null : versions.stream().map(v -> new ApologyVersionView(
                                     v.getInteger("version"), cipher.open(clientId, v.getString("text")),
                                     instant(v.getDate("occurredAt"))))
                                                             .toList(),
                             doc.getInteger("score"), cipher.open(clientId, doc.getString("note")),
                             doc.getDouble("sleepHours"));
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
