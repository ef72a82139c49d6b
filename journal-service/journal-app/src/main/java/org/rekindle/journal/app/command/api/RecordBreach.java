package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record, honestly, contact during the active no-contact period. */
public record RecordBreach(@TargetAggregateIdentifier String clientId, String breachId, Channel channel, InitiatedBy initiatedBy, String note, Instant occurredAt) {
}
