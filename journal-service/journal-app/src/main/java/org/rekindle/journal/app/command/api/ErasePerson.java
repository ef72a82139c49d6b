package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The client asks for a marked person to be erased from every text: irreversible. */
public record ErasePerson(@TargetAggregateIdentifier String clientId, String personId, Instant erasedAt) {
}
