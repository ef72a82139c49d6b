package org.rekindle.plan.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The coach reopens a completed or skipped step. */
public record ReopenStep(@TargetAggregateIdentifier String planId, String stepId, Instant reopenedAt) {
}
