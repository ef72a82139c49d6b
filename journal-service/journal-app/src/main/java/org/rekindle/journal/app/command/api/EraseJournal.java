package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The client asks for their journal to be erased (right to erasure). */
public record EraseJournal(@TargetAggregateIdentifier String clientId, Instant erasedAt) {
}
