package org.rekindle.plan.events;

import java.time.Instant;

/**
 * The coach reopened a completed or skipped step.
 * <p>Type {@value #TYPE} on topic {@value PlanTopic#NAME}, keyed by client id.
 */
public record PlanStepReopened(String planId, String clientId, String stepId, Instant reopenedAt) {

    public static final String TYPE = "rekindle.plan.PlanStepReopened.v1";
}
