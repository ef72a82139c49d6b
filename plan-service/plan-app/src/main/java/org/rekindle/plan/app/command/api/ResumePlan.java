package org.rekindle.plan.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Resume a paused plan. */
public record ResumePlan(@TargetAggregateIdentifier String planId, Instant resumedAt) {
}
