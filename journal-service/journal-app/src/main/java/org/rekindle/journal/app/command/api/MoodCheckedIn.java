package org.rekindle.journal.app.command.api;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A mood check-in was recorded. */
@Revision("1")
public record MoodCheckedIn(String clientId, String entryId, int score, String note, Double sleepHours, Instant occurredAt) implements JournalEvent {
}
