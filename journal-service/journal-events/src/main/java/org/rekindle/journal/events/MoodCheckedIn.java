package org.rekindle.journal.events;

import java.time.Instant;

/**
 * The client checked in their mood: score 1 (very low) to 5 (very good), hours slept if given (else null).
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id.
 */
public record MoodCheckedIn(String clientId, String entryId, int score, @Nullable Double sleepHours, Instant occurredAt) {

    public static final String TYPE = "rekindle.journal.MoodCheckedIn.v1";
}
