package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Share an entry with the coach. */
public record ShareEntry(@TargetAggregateIdentifier String clientId, String entryId, Instant occurredAt) {
}
