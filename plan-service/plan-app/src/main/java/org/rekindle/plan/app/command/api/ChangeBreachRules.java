package org.rekindle.plan.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The coach changes how the plan counts contact, from {@code effectiveFrom} (a day in the client's time zone) on;
 * {@code null} means retroactively, from the plan's start.
 */
public record ChangeBreachRules(@TargetAggregateIdentifier String planId, BreachRules rules, LocalDate effectiveFrom,
                                String reason, String changedBy, Instant changedAt) {
}
