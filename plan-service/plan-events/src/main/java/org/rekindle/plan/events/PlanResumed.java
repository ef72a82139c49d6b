package org.rekindle.plan.events;

import java.time.Instant;

/**
 * The plan was resumed.
 * <p>Type {@value #TYPE} on topic {@value PlanTopic#NAME}, keyed by client id.
 */
public record PlanResumed(String planId, String clientId, Instant resumedAt) {

    public static final String TYPE = "rekindle.plan.PlanResumed.v1";
}
