package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The coach records how a session that has started went, with optional notes (sealed with the client's key). */
public record RecordSessionOutcome(@TargetAggregateIdentifier String coachId, String sessionId,
                                   SessionOutcome outcome, String notes, Instant recordedAt) {
}
