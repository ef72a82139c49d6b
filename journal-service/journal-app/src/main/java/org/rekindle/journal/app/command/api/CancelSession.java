package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Cancels a booked session, with a reason. */
public record CancelSession(@TargetAggregateIdentifier String coachId, String sessionId, Participant by,
                            String reason, Instant cancelledAt) {
}
