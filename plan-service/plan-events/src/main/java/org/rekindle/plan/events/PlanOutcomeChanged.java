package org.rekindle.plan.events;

import java.time.Instant;

/**
 * The plan's outcome changed: ACTIVE, RECONCILED, MOVED_ON, PAUSED or ENDED (a replaced
 * plan says so with {@link PlanReplaced} instead).
 * <p>Type {@value #TYPE} on topic {@value PlanTopic#NAME}, keyed by client id.
 */
public record PlanOutcomeChanged(String planId, String clientId, String outcome, Instant changedAt) {

    public static final String TYPE = "rekindle.plan.PlanOutcomeChanged.v1";
}
