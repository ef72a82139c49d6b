package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A booked session moved to another slot; {@code sequence} counts the moves (the .ics SEQUENCE). */
@Revision("1")
public record SessionRescheduled(String coachId, String sessionId, String clientId, Participant by,
                                 Instant start, Instant end, int sequence, String reason, Instant rescheduledAt) {
}
