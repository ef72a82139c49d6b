package org.rekindle.content.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Publish the draft as the next immutable version. */
public record PublishProgramVersion(@TargetAggregateIdentifier String programId, Instant publishedAt) {
}
