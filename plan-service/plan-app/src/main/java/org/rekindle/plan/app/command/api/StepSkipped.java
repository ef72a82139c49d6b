package org.rekindle.plan.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A step was skipped. */
@Revision("1")
public record StepSkipped(String planId, String clientId, String stepId, String reason, Instant skippedAt) {
}
