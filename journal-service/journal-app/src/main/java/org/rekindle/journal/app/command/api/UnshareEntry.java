package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Stop sharing an entry with the coach. */
public record UnshareEntry(@TargetAggregateIdentifier String clientId, String entryId, Instant occurredAt) {
}
