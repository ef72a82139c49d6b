package org.rekindle.journal.app.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.rekindle.journal.app.command.api.CoachNoteRevised;
import org.rekindle.journal.app.command.api.CoachNoteWritten;
import org.rekindle.journal.app.command.api.JournalErased;
import org.springframework.stereotype.Component;

import java.util.Date;

import static org.rekindle.platform.readmodel.IdempotentWrites.applyOnce;

/** One document per coach note ({@code _id} = note id), the text still sealed with the client's key. */
@Component
@ProcessingGroup(JournalReadModel.PROCESSING_GROUP)
class CoachNoteProjection {

    private final MongoCollection<Document> notes;

    CoachNoteProjection(ReadModelCollections collections) {
        this.notes = collections.coachNotes();
    }

    @EventHandler
    void on(CoachNoteWritten event, @SequenceNumber long position) {
        applyOnce(notes, event.noteId(), position, Updates.combine(
                Updates.set("clientId", event.clientId()), Updates.set("coachId", event.coachId()),
                Updates.set("text", event.text()), Updates.set("revision", event.revision()),
                Updates.set("savedAt", Date.from(event.writtenAt())),
                Updates.set("firstWrittenAt", Date.from(event.writtenAt()))));
    }

    @EventHandler
    void on(CoachNoteRevised event, @SequenceNumber long position) {
        applyOnce(notes, event.noteId(), position, Updates.combine(
                Updates.set("text", event.text()), Updates.set("revision", event.revision()),
                Updates.set("savedAt", Date.from(event.writtenAt()))));
    }

    /**
     * The notes about an erased client go too (their text is sealed with the deleted key anyway). By client id: a
     * scan on the embedded server, once per erasure, over one document per client and coach.
     */
    @EventHandler
    void on(JournalErased event) {
        notes.deleteMany(Filters.eq("clientId", event.clientId()));
    }

    @ResetHandler
    void onReset() {
        notes.deleteMany(new Document());
    }
}
