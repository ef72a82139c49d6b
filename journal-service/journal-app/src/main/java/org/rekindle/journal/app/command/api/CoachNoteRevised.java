package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A coach rewrote their private note about a client into {@code revision} (text sealed with the client's key). */
@Revision("1")
public record CoachNoteRevised(String noteId, String clientId, String coachId, String text, int revision,
                               Instant writtenAt) implements JournalEvent {
}
