package org.rekindle.content.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Retire the program: no new plans from it. */
public record RetireProgram(@TargetAggregateIdentifier String programId, Instant retiredAt) {
}
