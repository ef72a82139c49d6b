package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The coach recorded a session's outcome; {@code notes} is sealed with the client's key (null: none). */
@Revision("1")
public record SessionOutcomeRecorded(String coachId, String sessionId, String clientId, SessionOutcome outcome,
                                     Instant start, Instant end, String zone, String notes, Instant recordedAt)
        implements JournalEvent {
}
