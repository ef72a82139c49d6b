package org.rekindle.plan.events;

import java.time.Instant;

/**
 * The plan was paused.
 * <p>Type {@value #TYPE} on topic {@value PlanTopic#NAME}, keyed by client id.
 */
public record PlanPaused(String planId, String clientId, Instant pausedAt) {

    public static final String TYPE = "rekindle.plan.PlanPaused.v1";
}
