package org.rekindle.plan.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A step was reopened. */
@Revision("1")
public record StepReopened(String planId, String clientId, String stepId, Instant reopenedAt) {
}
