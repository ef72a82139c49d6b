package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Moves a booked session to another offered slot, with a reason. */
public record RescheduleSession(@TargetAggregateIdentifier String coachId, String sessionId, Participant by,
                                Instant newStart, String reason, Instant rescheduledAt) {
}
