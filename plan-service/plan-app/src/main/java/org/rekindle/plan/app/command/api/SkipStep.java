package org.rekindle.plan.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Skip a step, saying why. */
public record SkipStep(@TargetAggregateIdentifier String planId, String stepId, String reason, Instant skippedAt) {
}
