package org.rekindle.plan.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The coach marks a step as done. */
public record CompleteStep(@TargetAggregateIdentifier String planId, String stepId, Instant completedAt) {
}
