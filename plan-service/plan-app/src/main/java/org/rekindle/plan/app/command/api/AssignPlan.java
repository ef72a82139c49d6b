package org.rekindle.plan.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Assign a plan to a client from a pinned program version, starting on {@code startDate} in {@code timezone}. */
public record AssignPlan(@TargetAggregateIdentifier String planId, String clientId, String coachId, String programId, int programVersion, LocalDate startDate, String timezone, boolean replyToExCountsAsBreach, List<TemplateStep> steps, Instant assignedAt) {
}
