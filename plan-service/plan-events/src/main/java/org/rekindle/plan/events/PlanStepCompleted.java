package org.rekindle.plan.events;

import java.time.Instant;

/**
 * A step of the plan was completed: {@code completedBy} is JOURNAL (by the client's journal activity, {@code causeEventId} names that journal event) or COACH.
 * <p>Type {@value #TYPE} on topic {@value PlanTopic#NAME}, keyed by client id.
 */
public record PlanStepCompleted(String planId, String clientId, String stepId, String completedBy, @Nullable String causeEventId, Instant completedAt) {

    public static final String TYPE = "rekindle.plan.PlanStepCompleted.v1";
}
