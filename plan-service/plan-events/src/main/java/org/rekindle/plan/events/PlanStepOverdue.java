package org.rekindle.plan.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A step is still open after its due date: {@code overdueSince} is the end of the due day in the client's time zone.
 * Published once per step (again only after the coach reopens it past its due date).
 * <p>Type {@value #TYPE} on topic {@value PlanTopic#NAME}, keyed by client id.
 */
public record PlanStepOverdue(String planId, String clientId, String stepId, LocalDate dueDate, Instant overdueSince,
                              Instant detectedAt) {

    public static final String TYPE = "rekindle.plan.PlanStepOverdue.v1";
}
