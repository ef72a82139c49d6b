package org.rekindle.plan.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The plan's outcome changed. */
@Revision("1")
public record OutcomeChanged(String planId, String clientId, PlanOutcome outcome, Instant changedAt) {
}
