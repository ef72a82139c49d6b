package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A booked session was cancelled by one side. {@code reason} is sealed with the client's key (erasure shreds it);
 * {@code sequence} is one more than the session's last change (the .ics SEQUENCE of the cancellation).
 */
@Revision("1")
public record SessionCancelled(String coachId, String sessionId, String clientId, Participant by, Instant start,
                               Instant end, String zone, int sequence, String reason, Instant cancelledAt)
        implements JournalEvent {
}
