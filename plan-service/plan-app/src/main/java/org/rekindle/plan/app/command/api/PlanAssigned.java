package org.rekindle.plan.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A plan was assigned; every step carries its due date. */
@Revision("1")
public record PlanAssigned(String planId, String clientId, String coachId, String programId, int programVersion, LocalDate startDate, String timezone, boolean replyToExCountsAsBreach, List<AssignedStep> steps, Instant assignedAt) {
}
