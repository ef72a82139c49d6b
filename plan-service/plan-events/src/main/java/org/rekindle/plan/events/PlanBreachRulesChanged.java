package org.rekindle.plan.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The coach changed how the plan counts contact: {@code rules} apply from {@code effectiveFrom} (a day in the
 * client's zone; {@code effectiveAt} is its first instant) on, replacing {@code previous} and any later change;
 * {@code retroactive} when from the plan's start. Consumers count every contact under the rules in force at its time,
 * so what they counted before is counted again. {@code changedAt} is when the coach made the change.
 * <p>Type {@value #TYPE} on topic {@value PlanTopic#NAME}, keyed by client id.
 */
public record PlanBreachRulesChanged(String planId, String clientId, PlanBreachRules previous, PlanBreachRules rules,
                                     LocalDate effectiveFrom, Instant effectiveAt, boolean retroactive, String reason,
                                     String changedBy, Instant changedAt) {

    public static final String TYPE = "rekindle.plan.PlanBreachRulesChanged.v1";
}
