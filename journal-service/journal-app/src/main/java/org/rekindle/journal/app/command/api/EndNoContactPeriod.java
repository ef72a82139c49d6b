package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** End the active no-contact period. */
public record EndNoContactPeriod(@TargetAggregateIdentifier String clientId, String periodId, String reason, Instant occurredAt) {
}
