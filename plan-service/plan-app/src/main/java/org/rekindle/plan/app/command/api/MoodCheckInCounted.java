package org.rekindle.plan.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A mood check-in counted towards a check-in habit step. */
@Revision("1")
public record MoodCheckInCounted(String planId, String clientId, String stepId, String journalEventId, int counted, Instant occurredAt) {
}
