package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Draft an apology (version 1). It is never sent anywhere by Rekindle. */
public record DraftApology(@TargetAggregateIdentifier String clientId, String entryId, String text, Instant occurredAt) {
}
