package org.rekindle.plan.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A step was completed, by the journal ({@code causeEventId} names the journal event) or by the coach. */
@Revision("1")
public record StepCompleted(String planId, String clientId, String stepId, CompletedBy completedBy, String causeEventId, Instant completedAt) {
}
