package org.rekindle.plan.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Set where the plan ended up. */
public record ChangeOutcome(@TargetAggregateIdentifier String planId, PlanOutcome outcome, Instant changedAt) {
}
