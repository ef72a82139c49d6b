package org.rekindle.plan.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/** An open step's due date passed (in the client's time zone) while the plan was running. */
@Revision("1")
public record StepOverdue(String planId, String clientId, String stepId, LocalDate dueDate, Instant overdueSince,
                          Instant detectedAt) {
}
