package org.rekindle.plan.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A coach assigned a plan to a client from a pinned program version; due dates are computed in the client's timezone.
 * <p>Type {@value #TYPE} on topic {@value PlanTopic#NAME}, keyed by client id.
 */
public record PlanAssigned(String planId, String clientId, String coachId, String programId, int programVersion, LocalDate startDate, String timezone, boolean replyToExCountsAsBreach, List<PlanStep> steps, Instant assignedAt) {

    public static final String TYPE = "rekindle.plan.PlanAssigned.v1";
}
