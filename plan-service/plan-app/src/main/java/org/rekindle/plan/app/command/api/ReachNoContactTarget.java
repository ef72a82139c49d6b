package org.rekindle.plan.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The schedule says a no-contact attempt may have reached its target; the plan completes the step if it has. */
public record ReachNoContactTarget(@TargetAggregateIdentifier String planId, String periodId, Instant checkedAt) {
}
