package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A booked session moved from {@code previousStart} to {@code start}; {@code sequence} counts the changes (the .ics
 * SEQUENCE). {@code reason} is sealed with the client's key (erasure shreds it).
 */
@Revision("1")
public record SessionRescheduled(String coachId, String sessionId, String clientId, Participant by,
                                 Instant previousStart, Instant start, Instant end, String zone, int sequence,
                                 String reason, Instant rescheduledAt) implements JournalEvent {
}
