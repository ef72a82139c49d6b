package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.rekindle.journal.app.command.api.JournalTextsResealed;
import org.rekindle.journal.app.command.api.ResealedText;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.rekindle.platform.readmodel.IdempotentWrites.applyOnce;

/**
 * The read models take the newest sealed form of every re-sealed text, so they never hold a text sealed only with a
 * key that the re-seal deletes. Each record is written by {@code _id}; a record's texts in one event are one write
 * (an apology's versions together), as the positions allow one write per event and document.
 */
@Component
@ProcessingGroup(JournalReadModel.PROCESSING_GROUP)
class ResealedTextProjection {

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> contactLog;
    private final MongoCollection<Document> coachNotes;
    private final MongoCollection<Document> messages;

    private final MongoCollection<Document> sessions;

    ResealedTextProjection(ReadModelCollections collections, ConversationCollections conversations,
                           SessionCollections sessionCollections) {
        this.sessions = sessionCollections.sessions();
        this.entries = collections.entries();
        this.contactLog = collections.contactLog();
        this.coachNotes = collections.coachNotes();
        this.messages = conversations.messages();
    }

    @EventHandler
    void on(JournalTextsResealed event, @SequenceNumber long position) {
        EntryProjection.writePending(); // entries created or changed earlier in this batch are re-sealed too
        Map<String, List<ResealedText>> byRecord = new LinkedHashMap<>();
        event.texts().forEach(text -> byRecord.computeIfAbsent(text.kind() == ResealedText.Kind.MESSAGE
                ? ConversationCollections.messageId(text.recordId(), text.number()) : text.recordId(),
                id -> new ArrayList<>()).add(text));
        byRecord.forEach((id, texts) -> write(id, texts, position));
    }

    private void write(String id, List<ResealedText> texts, long position) {
        ResealedText first = texts.get(0);
        switch (first.kind()) {
            case REFLECTION -> applyOnce(entries, id, position, Updates.set("text", first.text()));
            case MOOD_NOTE -> applyOnce(entries, id, position, Updates.set("note", first.text()));
            case APOLOGY_VERSION -> resealApology(id, texts, position);
            case BREACH_NOTE, URGE_NOTE -> contactLog.updateOne(Filters.eq("_id", id), Updates.set("note",
                                                                                                   first.text()));
            case NO_CONTACT_END_REASON -> contactLog.updateOne(Filters.eq("_id", id + "/ended"),
                                                               Updates.set("reason", first.text()));
            case COACH_NOTE -> resealCoachNote(id, texts, position);
            case MESSAGE -> applyOnce(messages, id, position, Updates.set("text", first.text()));
            case SESSION_CHANGE_REASON, SESSION_NOTES -> resealSession(id, texts, position);
        }
    }

    private void resealApology(String id, List<ResealedText> texts, long position) {
        Document entry = entries.find(Filters.eq("_id", id)).first();
        if (entry == null) {
            return;
        }
        List<Document> versions = new ArrayList<>(entry.getList("versions", Document.class, List.of()));
        List<Bson> updates = new ArrayList<>();
        int latest = versions.stream().mapToInt(v -> v.getInteger("version")).max().orElse(0);
        for (ResealedText text : texts) {
            versions.replaceAll(v -> v.getInteger("version") == text.number()
                    ? new Document(v).append("text", text.text()) : v);
            if (text.number() == latest) {
                updates.add(Updates.set("text", text.text()));
            }
        }
        updates.add(Updates.set("versions", versions));
        applyOnce(entries, id, position, Updates.combine(updates));
    }

    /** A session's change reasons (the n-th change has sequence n) and outcome notes. */
    private void resealSession(String id, List<ResealedText> texts, long position) {
        Document session = sessions.find(Filters.eq("_id", id)).first();
        if (session == null) {
            return;
        }
        List<Document> changes = new ArrayList<>(session.getList("changes", Document.class, List.of()));
        List<Bson> updates = new ArrayList<>();
        for (ResealedText text : texts) {
            if (text.kind() == ResealedText.Kind.SESSION_NOTES) {
                updates.add(Updates.set("notes", text.text()));
            } else if (text.number() >= 1 && text.number() <= changes.size()) {
                changes.set(text.number() - 1, new Document(changes.get(text.number() - 1))
                        .append("reason", text.text()));
            }
        }
        updates.add(Updates.set("changes", changes));
        applyOnce(sessions, id, position, Updates.combine(updates));
    }

    private void resealCoachNote(String id, List<ResealedText> texts, long position) {
        Document note = coachNotes.find(Filters.eq("_id", id)).first();
        if (note == null) {
            return;
        }
        texts.stream().filter(text -> text.number() == note.getInteger("revision", 0)).findFirst()
             .ifPresent(text -> applyOnce(coachNotes, id, position, Updates.set("text", text.text())));
    }
}
