package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.rekindle.journal.app.command.TextCipher;
import org.rekindle.journal.app.command.api.CoachNoteId;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A coach's note about a client, opened with the client's key (read by {@code _id}). */
@Component
public class CoachNoteQueries {

    private final MongoCollection<Document> notes;
    private final TextCipher cipher;

    CoachNoteQueries(ReadModelCollections collections, TextCipher cipher) {
        this.notes = collections.coachNotes();
        this.cipher = cipher;
    }

    public Optional<CoachNoteView> of(String clientId, String coachId) {
        return Optional.ofNullable(notes.find(Filters.eq("_id", CoachNoteId.of(clientId, coachId))).first())
                       .map(doc -> new CoachNoteView(clientId, coachId, cipher.open(clientId, doc.getString("text")),
                                                     doc.getInteger("revision"), doc.getDate("savedAt").toInstant(),
                                                     doc.getDate("firstWrittenAt").toInstant()));
    }
}
