package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Start a no-contact period of {@code targetDays} (1-365). */
public record StartNoContactPeriod(@TargetAggregateIdentifier String clientId, String periodId, int targetDays, Instant occurredAt) {
}
