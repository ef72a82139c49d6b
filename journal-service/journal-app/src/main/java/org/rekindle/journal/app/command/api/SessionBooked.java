package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A session between the coach and a client was booked. */
@Revision("1")
public record SessionBooked(String coachId, String sessionId, String clientId, Instant start, Instant end,
                            Instant bookedAt) {
}
