package org.rekindle.plan.events;

import java.time.Instant;

/**
 * The plan ended because the coach assigned {@code replacementPlanId} in its place (its {@link PlanAssigned} follows
 * on the same key); {@code reason} is the coach's, in their words.
 * <p>Type {@value #TYPE} on topic {@value PlanTopic#NAME}, keyed by client id.
 */
public record PlanReplaced(String planId, String clientId, String replacementPlanId, String reason,
                           Instant replacedAt) {

    public static final String TYPE = "rekindle.plan.PlanReplaced.v1";
}
