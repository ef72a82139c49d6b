package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A client booked a session with their coach, from {@code start} to {@code end}; {@code zone} is the coach's. */
@Revision("1")
public record SessionBooked(String coachId, String sessionId, String clientId, Instant start, Instant end,
                            String zone, Instant bookedAt) implements JournalEvent {
}
