package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Revise an apology draft; answers the new version number. */
public record ReviseApology(@TargetAggregateIdentifier String clientId, String entryId, String text, Instant occurredAt) {
}
