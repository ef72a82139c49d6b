package org.rekindle.journal.events;

import java.time.Instant;

/**
 * The client ended a no-contact period (target reached, reopening contact, moving on).
 * <p>Type {@value #TYPE} on topic {@value JournalTopic#NAME}, keyed by client id.
 * <p>{@code reason} is never sent since December 2026 (records before then carry the client's reason sealed with
 * their key, unreadable outside journal-service): the client's own words stay in journal-service.
 */
public record NoContactEnded(String clientId, String periodId, @Nullable String reason, Instant endedAt) {

    public static final String TYPE = "rekindle.journal.NoContactEnded.v1";
}
