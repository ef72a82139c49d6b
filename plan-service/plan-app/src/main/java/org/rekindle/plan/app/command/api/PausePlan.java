package org.rekindle.plan.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Pause the plan. */
public record PausePlan(@TargetAggregateIdentifier String planId, Instant pausedAt) {
}
