package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record an urge to make contact and whether it was resisted. */
public record RecordUrge(@TargetAggregateIdentifier String clientId, String urgeId, boolean resisted, String note, Instant occurredAt) {
}
