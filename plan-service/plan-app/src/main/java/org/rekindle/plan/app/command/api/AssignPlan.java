package org.rekindle.plan.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Assign a plan to a client from a pinned program version, starting on {@code startDate} in {@code timezone}. With
 * {@code practiceRules} (the practice's default breach rules, version {@code practiceRulesVersion}) the plan starts
 * with those instead of {@code replyToExCountsAsBreach}: the coach gave no rules of their own.
 */
public record AssignPlan(@TargetAggregateIdentifier String planId, String clientId, String coachId, String programId,
                         int programVersion, LocalDate startDate, String timezone, boolean replyToExCountsAsBreach,
                         List<TemplateStep> steps, Instant assignedAt, BreachRules practiceRules,
                         Integer practiceRulesVersion) {

    /** With the coach's own choice of the reply rule. */
    public AssignPlan(String planId, String clientId, String coachId, String programId, int programVersion,
                      LocalDate startDate, String timezone, boolean replyToExCountsAsBreach, List<TemplateStep> steps,
                      Instant assignedAt) {
        this(planId, clientId, coachId, programId, programVersion, startDate, timezone, replyToExCountsAsBreach, steps,
             assignedAt, null, null);
    }
}
