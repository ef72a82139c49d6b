package org.rekindle.plan.events;

import java.time.Instant;

/**
 * A step was skipped, with the reason.
 * <p>Type {@value #TYPE} on topic {@value PlanTopic#NAME}, keyed by client id.
 */
public record PlanStepSkipped(String planId, String clientId, String stepId, String reason, Instant skippedAt) {

    public static final String TYPE = "rekindle.plan.PlanStepSkipped.v1";
}
