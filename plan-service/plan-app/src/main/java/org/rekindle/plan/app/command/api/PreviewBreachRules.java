package org.rekindle.plan.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What {@link ChangeBreachRules} with these rules would do to the plan's steps, answered as a list of
 * {@link StepChangePreview}; the plan applies nothing. Validated as the change is.
 */
public record PreviewBreachRules(@TargetAggregateIdentifier String planId, BreachRules rules, LocalDate effectiveFrom,
                                 Instant at) {
}
