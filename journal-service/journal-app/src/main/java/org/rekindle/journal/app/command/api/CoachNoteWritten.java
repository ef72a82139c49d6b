package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A coach wrote the first revision of their private note about a client. {@code text} is sealed with the client's
 * key, so erasing the client shreds it too. Stays inside journal-service.
 */
@Revision("1")
public record CoachNoteWritten(String noteId, String clientId, String coachId, String text, int revision,
                               Instant writtenAt) implements JournalEvent {
}
