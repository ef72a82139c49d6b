package org.rekindle.journal.app.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Record a mood check-in: score 1-5, optional note and hours slept. */
public record RecordMoodCheckIn(@TargetAggregateIdentifier String clientId, String entryId, int score, String note, Double sleepHours, Instant occurredAt) {
}
