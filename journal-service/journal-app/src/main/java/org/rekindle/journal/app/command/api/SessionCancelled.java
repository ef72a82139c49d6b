package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A booked session was cancelled by one side, with a reason. */
@Revision("1")
public record SessionCancelled(String coachId, String sessionId, String clientId, Participant by, String reason,
                               Instant cancelledAt) {
}
