package org.rekindle.plan.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The schedule asks whether a step is overdue at {@code checkedAt}; the plan decides (open, running, past due). */
public record MarkStepOverdue(@TargetAggregateIdentifier String planId, String stepId, Instant checkedAt) {
}
