package org.rekindle.plan.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** End this plan because the coach assigns the client another one in its place; the plan stays in history. */
public record ReplacePlan(@TargetAggregateIdentifier String planId, String replacementPlanId, String reason,
                          Instant replacedAt) {
}
