package org.rekindle.plan.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The plan counts contact under {@code rules} from {@code effectiveFrom} on (the start of that day in the client's
 * zone is {@code effectiveAt}); what was counted before under {@code previous} is counted again under the new rules.
 * A later change replaces an earlier one from its own effective day on.
 */
@Revision("1")
public record BreachRulesChanged(String planId, String clientId, BreachRules previous, BreachRules rules,
                                 LocalDate effectiveFrom, Instant effectiveAt, boolean retroactive, String reason,
                                 String changedBy, Instant changedAt) {
}
