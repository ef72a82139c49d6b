package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Complete a reflection answering a prompt. */
public record CompleteReflection(@TargetAggregateIdentifier String clientId, String entryId, String promptId, String text, Instant occurredAt) {
}
