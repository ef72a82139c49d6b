package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Books the offered slot starting at {@code start} for the client. */
public record BookSession(@TargetAggregateIdentifier String coachId, String sessionId, String clientId,
                          Instant start, Instant bookedAt) {
}
